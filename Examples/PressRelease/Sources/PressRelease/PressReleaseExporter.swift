import JuryReport

/// A plain-text press release announcing the winner: an exporter in a few lines.
public struct PressReleaseExporter: Exporter {
    public let format = ExportFormat(name: "press", fileSuffixes: [".press.txt"], summary: "a plain-text press release")

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? { [.text(".press.txt")] }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let edition = request.edition
        try sink.writeFile(suffix: ".press.txt") { output in
            try output.write(request.vocabulary.documentTitle(of: edition) + "\n\n")
            if let winner = edition.winner {
                try output.write("\(request.vocabulary.winner): \(winner.name)\n")
            }
            if let announcement = edition.verdict.announcement {
                try output.write(announcement + "\n")
            }
            if let rationale = edition.verdict.rationale {
                try output.write("\n" + rationale.plainText + "\n")
            }
            let jury = edition.jury.map(\.name).joined(separator: ", ")
            try output.write("\n\(request.vocabulary.jury): \(jury)\n")
        }
    }
}
