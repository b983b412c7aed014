/// Everything an exporter gets: the edition and what the core derived from it.
public struct ExportRequest: Sendable {
    public let edition: Edition
    /// Totals and ranks (empty when the edition has no scores).
    public let standings: Standings
    /// Headings and labels in the edition's language.
    public let vocabulary: Vocabulary
    /// The winner, mentions and chair as indexes.
    public let references: EditionReferences
    /// The `--option` values given for this run.
    public let options: ExportOptions
    /// The time every timestamp in the output stands for, in seconds since 1970 (UTC): see
    /// ``ReproducibleTime``.
    public let timestamp: Int64
    /// The environment of the run, for exporters that start programs (`PATH`); passed in
    /// rather than read, so a library user or a test decides it.
    public let environment: [String: String]
    /// For exporters that make temporary folders or start programs (see
    /// `TemporaryWorkspace` and `ChildProcess`): told of them, so an interrupted run
    /// can remove and end them.
    public let temporaryResourceObserver: TemporaryResourceObserver?
    /// The outline, when it was made in advance (see ``outline``).
    private var preparedOutline: ReportOutline?

    public init(
        edition: Edition, options: ExportOptions = ExportOptions(), timestamp: Int64? = nil,
        environment: [String: String] = [:], temporaryResourceObserver: TemporaryResourceObserver? = nil
    ) {
        let standings = Standings(edition)
        let vocabulary = Vocabulary(edition)
        let references = EditionReferences(edition)
        self.edition = edition
        self.references = references
        self.standings = standings
        self.vocabulary = vocabulary
        self.preparedOutline = nil
        self.options = options
        self.environment = environment
        self.temporaryResourceObserver = temporaryResourceObserver
        self.timestamp = timestamp ?? ReproducibleTime.seconds(for: edition, environment: environment)
    }

    /// `<award.slug>-<edition.year>`.
    public var baseName: String { edition.baseName }

    /// Warnings about the edition itself, whatever the format: a language without built-in
    /// labels, what the scoring method left as it was, a winner that is not ranked first or
    /// shares the first rank (juries may decide otherwise, so it is not an error), and the
    /// scores still missing from the grid (see ``ScoreCompleteness``). An edition without any
    /// score is not being judged by scores and gets none of the last.
    public var editionWarnings: [String] {
        let language = languageWarnings + standings.methodWarnings
        guard !standings.isEmpty else { return language }
        return language + winnerWarnings + ScoreCompleteness(edition).warnings(for: edition)
    }

    /// English labels stand in for a language without built-in ones, unless the edition
    /// gives every label itself.
    private var languageWarnings: [String] {
        guard !vocabulary.labels.isBuiltIn, edition.labels.count < LabelKey.allCases.count else { return [] }
        let tag = edition.details.language
        return [
            "no built-in labels for the language '\(tag)' (built in: \(Labels.builtInLanguages.joined(separator: ", "))); "
                + "English ones are used where the edition's 'labels' gives none: 'juryreport labels en' prints them to translate"
        ]
    }

    private var winnerWarnings: [String] {
        let winner = edition.verdict.winner
        guard let entry = standings.entry(for: winner) else {
            return ["the winner '\(winner)' has no scores, while other nominees do"]
        }
        if entry.rank != 1 {
            let first = Self.listed(standings.ranked.prefix { $0.rank == 1 }.map(\.nomineeID))
            return ["the winner '\(winner)' is ranked \(entry.rank) by the scores; ranked first: \(first)"]
        }
        let shared = standings.ranked.prefix { $0.rank == 1 }.filter { $0.nomineeID != winner }
        if !shared.isEmpty {
            let others = Self.listed(shared.map(\.nomineeID))
            return [
                "the winner '\(winner)' shares the first rank with \(others) by the scores (scoring '\(standings.method.rawValue)'): "
                    + "the choice rests on the jury's decision, not on the numbers"
            ]
        }
        return []
    }

    /// Ids quoted and listed, the first few: a warning stays one readable line however many
    /// nominees share a rank (a generated edition of 10,000 equal totals).
    static func listed(_ ids: [String], limit: Int = 5) -> String {
        let shown = ids.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        return ids.count > limit ? "\(shown) and \(ids.count - limit) more" : shown
    }

    /// What the report holds and in what order, for the formats that render a whole report:
    /// made on each use, unless the request was made ``withOutline()``.
    public var outline: ReportOutline {
        preparedOutline ?? ReportOutline(edition: edition, standings: standings, references: references, vocabulary: vocabulary)
    }

    /// The same request with its outline made once, for several formats that render it.
    public func withOutline() -> ExportRequest {
        var request = self
        request.preparedOutline = outline
        return request
    }
}
