/// The formats of a run and the options they get, checked against each other.
public struct ExportSelection: Sendable {
    /// The exporters, in the order asked for, each once.
    public let exporters: [any Exporter]
    public let options: ExportOptions

    /// Checks `options` against the exporters' declarations: an unknown key or a value a
    /// declaration does not allow is an error here, before any edition is read.
    public init(exporters: [any Exporter], options: ExportOptions) throws(ExportOptionError) {
        try options.check(against: exporters.map(\.format))
        self.exporters = exporters
        self.options = options
    }

    /// The one text file this selection writes for one edition, or nil when it writes
    /// several, binary ones, or files not known in advance: what `--stdout` needs.
    public func singleTextFile() throws(ExportOptionError) -> PlannedFile? {
        guard exporters.count == 1, let files = try exporters[0].files(for: options), files.count == 1, files[0].isText else {
            return nil
        }
        return files[0]
    }
}
