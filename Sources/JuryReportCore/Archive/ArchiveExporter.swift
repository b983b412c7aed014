/// An exporter that can also write an award's archive (``AwardArchive``): every edition of
/// the award in one file or a few, named after the award's slug alone.
public protocol ArchiveExporter: Exporter {
    /// The archive's files, each suffix appended to the award's slug.
    func archiveFiles(for request: ArchiveRequest) throws(ExportOptionError) -> [PlannedFile]

    /// Writes the archive's files into `sink`, whose base name is the award's slug.
    func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws
}

/// Everything an archive exporter gets.
public struct ArchiveRequest: Sendable {
    public let archive: AwardArchive
    /// The `--option` values of the run.
    public let options: ExportOptions
    /// The newest edition's time (see ``ReproducibleTime``): what every timestamp stands for.
    public let timestamp: Int64
    /// The run's environment, for exporters that start programs (`PATH`).
    public let environment: [String: String]
    /// Told of temporary folders and programs, as ``ExportRequest/temporaryResourceObserver``.
    public let temporaryResourceObserver: TemporaryResourceObserver?

    public init(
        archive: AwardArchive, options: ExportOptions, timestamp: Int64, environment: [String: String] = [:],
        temporaryResourceObserver: TemporaryResourceObserver? = nil
    ) {
        self.archive = archive
        self.options = options
        self.timestamp = timestamp
        self.environment = environment
        self.temporaryResourceObserver = temporaryResourceObserver
    }

    /// The file of the edition at `entry` whose name ends in `suffix`, if the export wrote it:
    /// a link from the archive to the edition's own report (a bare name: the archive lies
    /// beside it).
    public func reportFile(entry: Int, suffix: String) -> String? {
        let name = archive.entries[entry].edition.baseName + suffix
        return archive.entries[entry].reportFiles.contains(name) ? name : nil
    }
}
