/// Everything an exporter gets: the edition and what the core derived from it.
public struct ExportRequest: Sendable {
    public let edition: Edition
    /// Totals and ranks (empty when the edition has no scores).
    public let standings: Standings
    /// Headings and labels in the edition's language.
    public let vocabulary: Vocabulary
    /// The `--option` values given for this run.
    public let options: ExportOptions
    /// The time every timestamp in the output stands for, in seconds since 1970 (UTC): see
    /// ``ReproducibleTime``.
    public let timestamp: Int64
    /// The environment of the run, for exporters that start programs (`PATH`); passed in
    /// rather than read, so a library user or a test decides it.
    public let environment: [String: String]

    public init(
        edition: Edition, options: ExportOptions = ExportOptions(), timestamp: Int64? = nil,
        environment: [String: String] = [:]
    ) {
        self.edition = edition
        self.standings = Standings(edition)
        self.vocabulary = Vocabulary(language: edition.details.language)
        self.options = options
        self.environment = environment
        self.timestamp = timestamp ?? ReproducibleTime.seconds(for: edition, environment: environment)
    }

    /// `<award.slug>-<edition.year>`.
    public var baseName: String { edition.baseName }
}

/// The time that stands for every timestamp in an export, so that the same edition gives
/// the same bytes: `SOURCE_DATE_EPOCH` where set, else the edition's date, else 1 January of
/// its year, at midnight UTC.
public enum ReproducibleTime {
    public static func seconds(for edition: Edition, environment: [String: String]) -> Int64 {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text), seconds >= 0 {
            return seconds
        }
        let date = edition.details.date ?? CalendarDate(year: edition.details.year, month: 1, day: 1)
        return date.secondsSinceEpoch
    }
}
