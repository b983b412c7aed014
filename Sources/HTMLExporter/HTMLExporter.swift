import JuryReportCore

/// The report as one self-contained HTML5 page: inline CSS, no script, no request to
/// anywhere (a Content-Security-Policy says so to the browser), semantic sections and
/// tables, a print stylesheet for A4.
public struct HTMLExporter: ArchiveExporter {
    public let format = ExportFormat(
        name: "html", aliases: ["htm"], fileSuffixes: [".html"],
        summary: "the whole report as one self-contained HTML5 page (inline CSS, no script)",
        rendersOutline: true)

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? { [.text(".html")] }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        try sink.writeFile(suffix: ".html") { output in
            let outline = request.outline
            try HTMLRenderer(output: output, style: outline.style).render(outline)
        }
    }

    public func archiveFiles(for request: ArchiveRequest) -> [PlannedFile] { [.text(".html")] }

    /// The award's index page: every edition, newest first, linking its own page and its PDF
    /// where the export wrote them.
    public func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws {
        let outline = request.outline(reportSuffixes: [".html", ".pdf"], reportLabels: ["HTML", "PDF"])
        try sink.writeFile(suffix: ".html") { output in
            try HTMLRenderer(output: output, style: outline.style).render(outline)
        }
    }
}
