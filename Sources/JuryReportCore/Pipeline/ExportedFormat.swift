/// What one format made of one edition: its files (staged, then in place) and its warnings.
public struct ExportedFormat: Sendable {
    /// The format's name, such as `markdown`.
    public let format: String
    /// The files in the order written. After the commit stage, a directory export's files
    /// are at `directory/name`; a memory export's hold their bytes.
    public let files: [StagedFile]
    /// What the exporter warned of.
    public let warnings: [String]
    /// How long the exporter ran, in seconds.
    public let seconds: Double

    public init(format: String, files: [StagedFile], warnings: [String], seconds: Double) {
        self.format = format
        self.files = files
        self.warnings = warnings
        self.seconds = seconds
    }
}
