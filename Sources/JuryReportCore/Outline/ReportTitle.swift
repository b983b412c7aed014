/// The title block of a report.
public struct ReportTitle: Sendable, Equatable {
    /// The award's name.
    public var award: String
    /// The report's title.
    public var title: String
    /// The edition's number ("Edition 4") and period, as far as given.
    public var edition: [String]
    /// The theme with its label.
    public var theme: ReportDetail?
    public var organizer: String?
    /// The award's website.
    public var url: String?
    /// The report's date, written out in the edition's language.
    public var date: String?
    /// The same date as `YYYY-MM-DD`, for machines.
    public var isoDate: String?

    public init(
        award: String, title: String, edition: [String], theme: ReportDetail?, organizer: String?, url: String?,
        date: String?, isoDate: String?
    ) {
        self.award = award
        self.title = title
        self.edition = edition
        self.theme = theme
        self.organizer = organizer
        self.url = url
        self.date = date
        self.isoDate = isoDate
    }
}
