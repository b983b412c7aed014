import JuryReportCore

/// The whole report as CommonMark with GFM pipe tables, for a website.
///
/// Every value is escaped so that a CommonMark reader shows exactly the text of the
/// edition; inline markup in text fields becomes Markdown emphasis and links.
public struct MarkdownExporter: Exporter {
    public let format = ExportFormat(
        name: "markdown", aliases: ["md"], fileSuffixes: [".md"],
        summary: "the whole report as CommonMark with GFM pipe tables",
        rendersOutline: true)

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? { [.text(".md")] }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        try sink.writeFile(suffix: ".md") { output in
            var renderer = MarkdownRenderer(document: MarkdownDocument(output: output))
            try renderer.render(request.outline)
        }
    }
}
