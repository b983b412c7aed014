@_exported import CSVExporter
@_exported import DocxExporter
@_exported import HTMLExporter
@_exported import JSONExporter
@_exported import JuryReportCore
@_exported import LaTeXExporter
@_exported import MarkdownExporter
@_exported import XLSXExporter

/// The exporters built into `juryreport`, in the order `formats` lists them: the one place
/// that knows every built-in format. The command line, the fuzz target and the example
/// package start their registry from it.
public enum BuiltInExporters {
    /// Every built-in exporter.
    public static let all: [any Exporter] = [
        MarkdownExporter(), CSVExporter(), XLSXExporter(), LaTeXExporter(), HTMLExporter(), JSONExporter(), DocxExporter(),
    ]

    /// The score forms `juryreport forms` writes, for the jury members `jurors` (ids; every
    /// member when nil): a workbook (`xlsx`) and a PDF to fill in by hand (`pdf`). A registry
    /// of their own, apart from the report formats.
    public static func forms(jurors: Set<String>? = nil, returnBy: CalendarDate? = nil) throws(RegistryError) -> ExporterRegistry {
        try ExporterRegistry([XLSXFormExporter(jurors: jurors, returnBy: returnBy), LaTeXFormExporter(jurors: jurors, returnBy: returnBy)])
    }

    /// A registry of the built-in formats; `adding` more after them (a name already taken
    /// is an error).
    public static func registry(adding more: [any Exporter] = []) throws(RegistryError) -> ExporterRegistry {
        try ExporterRegistry(all + more)
    }
}
