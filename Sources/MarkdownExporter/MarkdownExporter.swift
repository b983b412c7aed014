import JuryReportCore

/// The whole report as CommonMark with GFM pipe tables, for a website.
///
/// Every value is escaped so that a CommonMark reader shows exactly the text of the
/// edition; inline markup in text fields becomes Markdown emphasis and links.
public struct MarkdownExporter: ArchiveExporter {
    public let format = ExportFormat(
        name: "markdown", aliases: ["md"], fileSuffixes: [".md"],
        summary: "the whole report as CommonMark with GFM pipe tables",
        options: [Self.frontMatter],
        rendersOutline: true)

    static let frontMatter = ExportOption.boolean(
        "front-matter", default: false, summary: "start with YAML front matter (title, date, lang, award, year) for Jekyll and Hugo")

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? { [.text(".md")] }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let frontMatter = try request.options.isOn(Self.frontMatter)
        try sink.writeFile(suffix: ".md") { output in
            if frontMatter { try output.write(Self.frontMatter(request)) }
            var renderer = MarkdownRenderer(document: MarkdownDocument(output: output))
            try renderer.render(request.outline)
        }
    }

    public func archiveFiles(for request: ArchiveRequest) -> [PlannedFile] { [.text(".md")] }

    /// The award's archive: the editions newest first, each linking its own Markdown report.
    public func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws {
        try sink.writeFile(suffix: ".md") { output in
            var renderer = MarkdownRenderer(document: MarkdownDocument(output: output))
            try renderer.render(request.outline(reportSuffixes: [".md"], reportLabels: ["Markdown"]))
        }
    }

    /// YAML front matter as static site generators read it: every text a double-quoted
    /// YAML string (JSON's escapes), the date as `YYYY-MM-DD`.
    static func frontMatter(_ request: ExportRequest) -> String {
        let edition = request.edition
        var lines = ["---", "title: " + JSONText.quoted(request.outline.metadata.title)]
        if let date = edition.details.date { lines.append("date: \(date)") }
        lines.append("lang: " + JSONText.quoted(edition.details.language))
        lines.append("award: " + JSONText.quoted(edition.award.name))
        lines.append("year: \(edition.details.year)")
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n"
    }
}
