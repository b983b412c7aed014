/// The exporters available to a run, in the order `juryreport formats` lists them.
///
/// A registry is a value, made once per run and passed down: the command line builds one
/// with the built-in exporters (and those on `PATH`), tests and library users build their own.
public struct ExporterRegistry: Sendable {
    public private(set) var exporters: [any Exporter] = []

    /// A registry of `exporters`; two that share a name or alias are an error.
    public init(_ exporters: [any Exporter] = []) throws(RegistryError) {
        for exporter in exporters {
            try register(exporter)
        }
    }

    /// Adds `exporter`; a name or alias already taken is an error, and so is a suffix of
    /// edition files (`.yaml`, `.yml`), which no export may write.
    public mutating func register(_ exporter: any Exporter) throws(RegistryError) {
        if let suffix = exporter.format.fileSuffixes.first(where: FileSuffix.namesEditionFile) {
            throw RegistryError(message: "the format '\(exporter.format.name)' would write '\(suffix)' files; no exporter may write edition files")
        }
        for name in exporter.format.allNames {
            if let existing = self.exporter(named: name) {
                throw RegistryError(message: "the format name '\(name)' is taken by '\(existing.format.name)'")
            }
        }
        exporters.append(exporter)
    }

    /// Every name and alias, in order: what `--format` takes.
    public var names: [String] { exporters.flatMap(\.format.allNames) }

    /// The exporter with this name or alias.
    public func exporter(named name: String) -> (any Exporter)? {
        let lowered = name.lowercased()
        return exporters.first { $0.format.allNames.contains(lowered) }
    }

    /// The exporters for `names`, in the order given, each once. A name may be a format's
    /// preset (`pdf`): its format is chosen, and its options come back too. An unknown name
    /// is refused with the known ones and the closest to it.
    public func exporters(named names: [String]) throws(RegistryError) -> [any Exporter] {
        try resolve(names).exporters
    }

    /// ``exporters(named:)`` with the options the presets among `names` set.
    public func resolve(_ names: [String]) throws(RegistryError) -> (exporters: [any Exporter], presetOptions: [ExportOptions.Pair]) {
        var result: [any Exporter] = []
        var presetOptions: [ExportOptions.Pair] = []
        for name in names {
            var found = exporter(named: name)
            if found == nil, let (exporter, preset) = preset(named: name) {
                found = exporter
                presetOptions += preset.options
            }
            guard let exporter = found else {
                let known = exporters.map { $0.format.allNames.joined(separator: "/") }
                let candidates = exporters.flatMap { $0.format.allNames + $0.format.presets.map(\.name) }
                let hint = Suggestion.closest(to: name.lowercased(), among: candidates).map { "did you mean '\($0)'? " } ?? ""
                throw RegistryError(
                    message: "unknown format \(DisplayText.quoted(name)); \(hint)known formats: \(known.joined(separator: ", "))")
            }
            if !result.contains(where: { $0.format.name == exporter.format.name }) {
                result.append(exporter)
            }
        }
        return (result, presetOptions)
    }

    private func preset(named name: String) -> (any Exporter, FormatPreset)? {
        let lowered = name.lowercased()
        for exporter in exporters {
            if let preset = exporter.format.presets.first(where: { $0.name == lowered }) { return (exporter, preset) }
        }
        return nil
    }
}
