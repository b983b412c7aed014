import JuryReportCore

/// The report as a Word document (`.docx`, Office Open XML): the same outline as Markdown,
/// LaTeX and HTML in Word's own structure (styles for title, headings and text, tables with
/// a repeating header row, hyperlinks), in the edition's language, for an organizer to edit
/// and send.
public struct DocxExporter: ArchiveExporter {
    public let format = ExportFormat(
        name: "docx", aliases: ["word"], fileSuffixes: [".docx"],
        summary: "the whole report as a Word document (Office Open XML) to edit and circulate",
        options: [Self.template], rendersOutline: true)

    /// The organizer's own Word file, whose styles, page, header, footer and theme the document takes.
    static let template = ExportOption.file(
        "template", summary: "a Word file (.docx) whose styles, page setup, header, footer and theme fonts the document takes")

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? { [.binary(".docx")] }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let template = try request.options.value(of: Self.template).map(DocxTemplate.read)
        let bytes = try DocxPackage(outline: request.outline, created: request.timestamp, template: template).bytes()
        try sink.writeFile(suffix: ".docx") { try $0.write(bytes: bytes) }
    }

    public func archiveFiles(for request: ArchiveRequest) -> [PlannedFile] { [.binary(".docx")] }

    /// The award's archive as a Word document, in the house template when one is given.
    public func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws {
        let template = try request.options.value(of: Self.template).map(DocxTemplate.read)
        let outline = request.outline(reportSuffixes: [".docx"], reportLabels: ["Word"])
        let bytes = try DocxPackage(outline: outline, created: request.timestamp, template: template).bytes()
        try sink.writeFile(suffix: ".docx") { try $0.write(bytes: bytes) }
    }
}
