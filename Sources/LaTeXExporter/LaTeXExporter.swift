import JuryReportCore

/// A print-ready jury report as a complete LaTeX document, and with `pdf=true` its PDF.
public struct LaTeXExporter: Exporter {
    public let format = ExportFormat(
        name: "latex", aliases: ["tex"], fileSuffixes: [".tex", ".pdf"],
        summary: "a print-ready LaTeX document (pdflatex or lualatex); with pdf=true also its PDF",
        options: [Self.pdf, Self.engine, Self.paperSize, Self.fontSize],
        rendersOutline: true, presets: [FormatPreset(name: "pdf", options: [.init(key: "pdf", value: "true")])])

    static let pdf = ExportOption.boolean("pdf", default: false, summary: "also build the PDF (runs the engine twice)")
    static let engine = ExportOption.choice(
        "engine", LaTeXEngine.supported, default: nil, summary: "the engine for pdf=true (default: the first found)")
    static let paperSize = ExportOption.choice("papersize", ["a4", "letter"], default: "a4", summary: "the paper")
    static let fontSize = ExportOption.choice("fontsize", ["10pt", "11pt", "12pt"], default: "11pt", summary: "the body type size")

    public init() {}

    /// The `.tex`, and with `pdf=true` also the `.pdf`.
    public func files(for options: ExportOptions) throws(ExportOptionError) -> [PlannedFile]? {
        try options.isOn(Self.pdf) ? [.text(".tex"), .binary(".pdf")] : [.text(".tex")]
    }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let options = request.options
        let layout = LaTeXLayout(
            paper: try options.value(of: Self.paperSize) ?? "a4", fontSize: try options.value(of: Self.fontSize) ?? "11pt")
        let buildPDF = try options.isOn(Self.pdf)
        // No engine named: the first of the supported ones on PATH.
        let engineName = try options.value(of: Self.engine)

        var source: [UInt8] = []
        let output = TextOutput { source.append(contentsOf: $0) }
        var writer = LaTeXReportWriter(outline: request.outline, layout: layout, output: output, created: request.timestamp)
        try writer.write()
        try output.flush()
        if !writer.text.replaced.isEmpty {
            sink.warn(Self.replacementWarning(writer.text.replaced))
        }
        if writer.unlinked > 0 {
            sink.warn(
                "\(writer.unlinked) address\(writer.unlinked == 1 ? " is" : "es are") over \(LaTeXURL.longestLink) characters "
                    + "encoded and shown as text, not as a link")
        }
        try sink.writeFile(suffix: ".tex") { try $0.write(bytes: source) }
        if buildPDF {
            let engine = try LaTeXEngine.find(engineName, path: request.environment["PATH"])
            let pdf = try engine.build(
                source: source, jobName: request.baseName, timestamp: request.timestamp, environment: request.environment,
                observer: request.temporaryResourceObserver)
            try sink.writeFile(suffix: ".pdf") { try $0.write(bytes: pdf) }
        }
    }

    static func replacementWarning(_ scalars: [Unicode.Scalar]) -> String {
        var seen = Set<Unicode.Scalar>()
        let distinct = scalars.filter { seen.insert($0).inserted }
        let listed = distinct.prefix(8).map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
        return "\(scalars.count) character\(scalars.count == 1 ? "" : "s") that the fonts cannot set in both engines "
            + "were replaced by [U+…]: " + listed.joined(separator: ", ") + (distinct.count > 8 ? ", …" : "")
    }
}
