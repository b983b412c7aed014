import JuryReportCore

/// The canonical JSON of the validated edition, with every default filled in: what external
/// exporters receive on standard input. It is itself a valid edition file.
public struct JSONExporter: ArchiveExporter {
    public let format = ExportFormat(
        name: "json", fileSuffixes: [".json"],
        summary: "the validated edition as canonical JSON, every default filled in (what plugins receive)",
    )

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? { [.text(".json")] }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let bytes = EditionJSON.encode(request.edition, standings: request.standings)
        try sink.writeFile(suffix: ".json") { try $0.write(bytes: bytes) }
    }

    public func archiveFiles(for request: ArchiveRequest) -> [PlannedFile] { [.text(".json")] }

    /// The award's archive as JSON (not an edition file: the award, its editions and their
    /// nominees).
    public func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws {
        let bytes = ArchiveJSON.encode(request)
        try sink.writeFile(suffix: ".json") { try $0.write(bytes: bytes) }
    }
}
