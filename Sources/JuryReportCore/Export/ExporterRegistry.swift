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

    /// Adds `exporter`; a name or alias already taken is an error.
    public mutating func register(_ exporter: any Exporter) throws(RegistryError) {
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

    /// The exporters for `names`, in the order given, each once.
    public func exporters(named names: [String]) throws(RegistryError) -> [any Exporter] {
        var result: [any Exporter] = []
        for name in names {
            guard let exporter = exporter(named: name) else {
                let known = exporters.map { $0.format.allNames.joined(separator: "/") }
                throw RegistryError(
                    message: "unknown format \(DisplayText.quoted(name)); known formats: \(known.joined(separator: ", "))")
            }
            if !result.contains(where: { $0.format.name == exporter.format.name }) {
                result.append(exporter)
            }
        }
        return result
    }
}
