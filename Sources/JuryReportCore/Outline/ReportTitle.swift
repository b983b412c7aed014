/// The title block of a report.
public struct ReportTitle: Sendable, Equatable {
    /// The words for the title block's facts, for formats that label them (a list).
    public struct FactLabels: Sendable, Equatable {
        public var organizer: String
        public var date: String
        public var website: String

        public init(organizer: String = "Organizer", date: String = "Date", website: String = "Website") {
            self.organizer = organizer
            self.date = date
            self.website = website
        }
    }

    /// The award's name (a running header's).
    public var award: String
    /// The line above the title: the award's name, or the report's name ("Jury report")
    /// when the title is made of the award and period; nil when the title already names
    /// the award.
    public var overline: String?
    /// The report's title: the edition's, else the award's name and the period.
    public var title: String
    /// The edition's number ("Edition 4") and its period where the title does not hold it.
    public var edition: [String]
    /// The edition's number and period as the running header shows them.
    public var runningEdition: [String]
    /// The theme with its label.
    public var theme: ReportDetail?
    public var organizer: String?
    /// The award's website.
    public var url: String?
    /// The report's date, written out in the edition's language.
    public var date: String?
    /// The same date as `YYYY-MM-DD`, for machines.
    public var isoDate: String?
    /// The labels of organizer, date and website, in the edition's language.
    public var labels: FactLabels

    public init(
        award: String, overline: String?, title: String, edition: [String], runningEdition: [String], theme: ReportDetail?,
        organizer: String?, url: String?, date: String?, isoDate: String?, labels: FactLabels = FactLabels()
    ) {
        self.labels = labels
        self.award = award
        self.overline = overline
        self.title = title
        self.edition = edition
        self.runningEdition = runningEdition
        self.theme = theme
        self.organizer = organizer
        self.url = url
        self.date = date
        self.isoDate = isoDate
    }
}
