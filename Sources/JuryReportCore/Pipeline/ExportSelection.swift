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

    /// Some of a checked selection's exporters with its options, checked already.
    static func unchecked(exporters: [any Exporter], options: ExportOptions) -> ExportSelection {
        ExportSelection(exporters: exporters, checkedOptions: options)
    }

    private init(exporters: [any Exporter], checkedOptions: ExportOptions) {
        self.exporters = exporters
        self.options = checkedOptions
    }

    /// The files the selected exporters read because an option names them (a Word template),
    /// as given, in the order of the options.
    public var optionFiles: [String] {
        var keys: [String] = []
        for key in options.keys where !keys.contains(key) {
            let namesFile = exporters.contains { exporter in
                guard let option = exporter.format.option(key), case .file = option.values else { return false }
                return true
            }
            if namesFile { keys.append(key) }
        }
        // A later pair of the same key wins, as the exporters read them.
        return keys.compactMap { options[$0] }
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
