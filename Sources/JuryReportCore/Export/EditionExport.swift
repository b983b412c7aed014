/// Runs exporters over one validated edition: the step between loading and writing.
public struct EditionExport: Sendable {
    public let request: ExportRequest
    public let exporters: [any Exporter]

    public init(request: ExportRequest, exporters: [any Exporter]) {
        self.request = request
        self.exporters = exporters
    }

    /// Warnings about the edition itself, whatever the format: a winner that is not ranked
    /// first (juries may decide otherwise, so it is not an error).
    public var editionWarnings: [String] {
        let standings = request.standings
        guard !standings.isEmpty else { return [] }
        let winner = request.edition.verdict.winner
        guard let entry = standings.entry(for: winner) else {
            return ["the winner '\(winner)' has no scores, while other nominees do"]
        }
        if entry.rank != 1 {
            let first = standings.ranked.filter { $0.rank == 1 }.map { "'\($0.nomineeID)'" }.joined(separator: ", ")
            return ["the winner '\(winner)' is ranked \(entry.rank) by the scores; ranked first: \(first)"]
        }
        return []
    }

    /// Runs every exporter into `sink`, in order; the first failure stops the run.
    /// `phaseTimer` is told how long each exporter took, in seconds.
    public func run(into sink: any ExportSink, phaseTimer: ((String, Double) -> Void)? = nil) throws {
        let clock = ContinuousClock()
        for exporter in exporters {
            let start = clock.now
            try exporter.export(request, to: sink)
            phaseTimer?(exporter.format.name, (clock.now - start).seconds)
        }
    }
}
