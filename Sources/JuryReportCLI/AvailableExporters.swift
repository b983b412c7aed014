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
    /// `PATH` (which costs more than a small export).
    init(path: String?, pluginTimeout: TimeInterval, searchPath: Bool = true) throws(RegistryError) {
        var registry = try BuiltInExporters.registry()
        var shadowed: [ExternalExporter] = []
        if searchPath {
            for external in ExternalExporter.discover(path: path, timeout: pluginTimeout) {
                if registry.exporter(named: external.format.name) != nil {
                    shadowed.append(external)
                } else {
                    try registry.register(external)
                }
            }
        }
        self.registry = registry
        self.shadowed = shadowed
    }

    /// Whether every name is a built-in format, so `PATH` need not be read.
    static func areBuiltIn(_ names: [String]) -> Bool {
        names.allSatisfy { name in BuiltInExporters.all.contains { $0.format.allNames.contains(name.lowercased()) } }
    }
}
