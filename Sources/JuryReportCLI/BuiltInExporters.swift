import JuryReportCore
import LaTeXExporter
import CSVExporter
import MarkdownExporter
import XLSXExporter

/// The exporters built into `juryreport`, in the order `formats` lists them. The only
/// place that knows every exporter.
public enum BuiltInExporters {
    public static func registry() -> ExporterRegistry {
        ExporterRegistry([MarkdownExporter(), CSVExporter(), XLSXExporter(), LaTeXExporter()])
    }
}
