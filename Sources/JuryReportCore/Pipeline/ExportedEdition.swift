/// Every format of one edition, as the export stage made them.
public struct ExportedEdition: Sendable {
    /// `<slug>-<year>`.
    public let baseName: String
    /// One entry per selected format, in the order selected.
    public let formats: [ExportedFormat]

    public init(baseName: String, formats: [ExportedFormat]) {
        self.baseName = baseName
        self.formats = formats
    }

    /// Every file of the edition, format after format.
    public var files: [StagedFile] { formats.flatMap(\.files) }

    /// Every warning of the edition, format after format.
    public var warnings: [String] { formats.flatMap(\.warnings) }
}
