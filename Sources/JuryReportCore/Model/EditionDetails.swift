/// The `edition:` block of an edition file.
public struct EditionDetails: Sendable, Equatable {
    /// The year the award is given.
    public var year: Int
    /// The edition's ordinal number (4 for the 4th edition).
    public var number: Int?
    public var period: String?
    public var theme: String?
    /// A BCP 47 tag; `en` when the file gives none.
    public var language: String
    /// Where the report is signed.
    public var place: String?
    /// Given in the file, or made from the edition's labels (the `reportTitle` label).
    public var title: String
    /// The report's date, `YYYY-MM-DD`.
    public var date: CalendarDate?

    public init(
        year: Int, number: Int? = nil, period: String? = nil, theme: String? = nil,
        language: String = "en", place: String? = nil, title: String, date: CalendarDate? = nil
    ) {
        self.place = place
        self.year = year
        self.number = number
        self.period = period
        self.theme = theme
        self.language = language
        self.title = title
        self.date = date
    }
}
