import Foundation
import CSVExporter
import JSONExporter
import JuryReportCore
import LaTeXExporter
import MarkdownExporter
import XLSXExporter

/// The exporters built into `juryreport`, in the order `formats` lists them, and the
/// external ones found on `PATH`. The only place that knows every exporter.
public enum BuiltInExporters {
    /// The built-in formats.
    public static func registry() -> ExporterRegistry {
        ExporterRegistry([MarkdownExporter(), CSVExporter(), XLSXExporter(), LaTeXExporter(), JSONExporter()])
    }
}

/// The formats available to one run: the built-in ones, then the external exporters on
/// `PATH`. A built-in name or alias always wins: an external exporter of the same name is
/// listed as shadowed and never run.
struct AvailableExporters {
    var registry: ExporterRegistry
    /// External exporters that a built-in format shadows.
    var shadowed: [ExternalExporter] = []

    /// `searchPath` false: the built-in formats only, without reading every directory on
    /// `PATH` (which costs more than a small export).
    init(path: String?, pluginTimeout: TimeInterval, searchPath: Bool = true) {
        registry = BuiltInExporters.registry()
        guard searchPath else { return }
        for external in ExternalExporter.discover(path: path, timeout: pluginTimeout) {
            do {
                try registry.register(external)
            } catch {
                shadowed.append(external)
            }
        }
    }
}
