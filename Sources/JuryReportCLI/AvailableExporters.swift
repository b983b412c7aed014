import JuryReport
import Foundation
import JuryReportCore

/// The formats of one run, made once: the built-in ones, then the external exporters on
/// `PATH`. A built-in name or alias always wins: an external exporter of the same name is
/// listed as shadowed and never run.
struct AvailableExporters {
    let registry: ExporterRegistry
    /// External exporters that a built-in format shadows.
    let shadowed: [ExternalExporter]

    /// `searchPath` false: the built-in formats only, without reading every directory on
    /// `PATH` (which costs more than a small export). The external exporters named in
    /// `describing` (every one when nil) are asked to `--describe` themselves; the others
    /// are not run at all.
    init(
        path: String?, pluginTimeout: TimeInterval, searchPath: Bool = true, describing: Set<String>? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        observer: TemporaryResourceObserver? = { InterruptCleanup.track($0, present: $1) }
    ) throws(RegistryError) {
        var registry = try BuiltInExporters.registry(adding: AddedExporters.current)
        var shadowed: [ExternalExporter] = []
        if searchPath {
            for found in ExternalExporter.discover(path: path, timeout: pluginTimeout) {
                if registry.exporter(named: found.format.name) != nil {
                    shadowed.append(found)
                    continue
                }
                let wanted = describing.map { $0.contains(found.format.name.lowercased()) } ?? true
                try registry.register(wanted ? found.described(environment: environment, observer: observer) : found)
            }
        }
        self.registry = registry
        self.shadowed = shadowed
    }

    /// Whether every name is a built-in (or added) format, so `PATH` need not be read.
    static func areBuiltIn(_ names: [String]) -> Bool {
        names.allSatisfy { name in
            (BuiltInExporters.all + AddedExporters.current).contains { exporter in
                exporter.format.allNames.contains(name.lowercased()) || exporter.format.presets.contains { $0.name == name.lowercased() }
            }
        }
    }
}
