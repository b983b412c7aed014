import JuryReportCore

/// A print-ready jury report as a complete LaTeX document, and with `pdf=true` its PDF.
public struct LaTeXExporter: ArchiveExporter {
    public let format = ExportFormat(
        name: "latex", aliases: ["tex"], fileSuffixes: [".tex", ".pdf"],
        summary: "a print-ready LaTeX document (pdflatex or lualatex); with pdf=true also its PDF",
        options: [Self.pdf, Self.engine, Self.paperSize, Self.fontSize, Self.links],
        rendersOutline: true, presets: [FormatPreset(name: "pdf", options: [.init(key: "pdf", value: "true")])])

    static let pdf = ExportOption.boolean("pdf", default: false, summary: "also build the PDF (runs the engine twice)")
    static let engine = ExportOption.choice(
        "engine", ["auto"] + LaTeXEngine.supported, default: "auto",
        summary: "the engine for pdf=true; auto: pdflatex when it can set every character, else lualatex")
    static let paperSize = ExportOption.choice("papersize", ["a4", "letter"], default: "a4", summary: "the paper")
    static let fontSize = ExportOption.choice("fontsize", ["10pt", "11pt", "12pt"], default: "10pt", summary: "the body type size (the measure follows it)")
    static let links = ExportOption.choice(
        "links", LaTeXLayout.LinkStyle.allCases.map(\.rawValue), default: "footnote",
        summary: "a link's address on paper: a footnote, in brackets after it, or not shown")

    public init() {}

    /// The `.tex`, and with `pdf=true` also the `.pdf`.
    public func files(for options: ExportOptions) throws(ExportOptionError) -> [PlannedFile]? {
        try options.isOn(Self.pdf) ? [.text(".tex"), .binary(".pdf")] : [.text(".tex")]
    }

    /// What one document is made of: the outline, the name of its files and what the
    /// engine's run needs. An edition's report and an award's archive alike.
    private struct Job {
        var outline: ReportOutline
        var baseName: String
        var logo: Logo?
        var options: ExportOptions
        var timestamp: Int64
        var environment: [String: String]
        var observer: TemporaryResourceObserver?
    }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        try write(
            Job(
                outline: request.outline, baseName: request.baseName, logo: request.edition.branding.logo, options: request.options,
                timestamp: request.timestamp, environment: request.environment, observer: request.temporaryResourceObserver),
            to: sink)
    }

    /// The `.tex`, the logo it names beside it, and the `.pdf` with `pdf=true`.
    public func files(for request: ExportRequest) throws(ExportOptionError) -> [PlannedFile]? {
        try Self.files(logo: request.edition.branding.logo, pdf: request.options.isOn(Self.pdf))
    }

    public func archiveFiles(for request: ArchiveRequest) throws(ExportOptionError) -> [PlannedFile] {
        try Self.files(logo: request.archive.logo, pdf: request.options.isOn(Self.pdf))
    }

    /// The files of one document in the order written: the source, its logo, its PDF.
    private static func files(logo: Logo?, pdf: Bool) -> [PlannedFile] {
        [.text(".tex")] + (logo.map { [.binary(".logo.\($0.kind.fileExtension)")] } ?? []) + (pdf ? [.binary(".pdf")] : [])
    }

    /// The award's archive as a document of its own (`.tex`, and `.pdf` with `pdf=true`),
    /// each edition linking its own PDF.
    public func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws {
        let outline = request.outline(reportSuffixes: [".pdf"], reportLabels: ["PDF"])
        try write(
            Job(
                outline: outline, baseName: request.archive.baseName, logo: request.archive.logo, options: request.options,
                timestamp: request.timestamp, environment: request.environment, observer: request.temporaryResourceObserver),
            to: sink)
    }

    private func write(_ request: Job, to sink: any ExportSink) throws {
        let options = request.options
        let layout = LaTeXLayout(
            paper: try options.value(of: Self.paperSize) ?? "a4", fontSize: try options.value(of: Self.fontSize) ?? "10pt",
            links: LaTeXLayout.LinkStyle(rawValue: try options.value(of: Self.links) ?? "footnote") ?? .footnote)
        let buildPDF = try options.isOn(Self.pdf)
        let engineChoice = try options.value(of: Self.engine) ?? "auto"

        let (source, writer) = try Self.document(request, layout: layout)
        if writer.unlinked > 0 {
            sink.warn(
                "\(writer.unlinked) address\(writer.unlinked == 1 ? " is" : "es are") over \(LaTeXURL.longestLink) characters "
                    + "encoded and shown as text, not as a link")
        }
        try sink.writeFile(suffix: ".tex") { try $0.write(bytes: source) }
        // The logo beside the .tex, which names it.
        let logo = request.logo
        if let logo {
            try sink.writeFile(suffix: ".logo.\(logo.kind.fileExtension)") { try $0.write(bytes: logo.bytes) }
        }
        let beyondPDFLaTeX = writer.text.replaced
        guard buildPDF else {
            if !beyondPDFLaTeX.isEmpty { sink.warn(Self.sourceWarning(beyondPDFLaTeX)) }
            return
        }
        // auto: pdflatex (faster) when it can set every character, else lualatex.
        let candidates = engineChoice != "auto"
            ? [engineChoice] : beyondPDFLaTeX.isEmpty ? ["pdflatex", "lualatex"] : ["lualatex", "pdflatex"]
        let path = request.environment["PATH"]
        let engine = try LaTeXEngine.find(candidates, path: path)
        var pdfSource = source
        if engine.name == "pdflatex", !beyondPDFLaTeX.isEmpty {
            sink.warn(Self.pdflatexWarning(beyondPDFLaTeX))
        } else if engine.name == "lualatex", !beyondPDFLaTeX.isEmpty {
            // In the source given to the engine (the .tex stays the same on every machine):
            // what the document's fallback fonts lack is set from the other installed fonts
            // that fontconfig says have it, and what no installed font has is replaced visibly
            // rather than lost.
            let installed = FontCoverage.installed(path: path, environment: request.environment, observer: request.observer)
            let named = Set(writer.text.fallbackFonts.fonts)
            let lacking = Set(beyondPDFLaTeX.filter { !installed.contains($0, inAnyOf: named) })
            let machineFonts = installed.fallbacks(for: lacking)
            let chosen = Set(machineFonts)
            let missing = lacking.filter { !installed.contains($0, inAnyOf: chosen) }
            if !lacking.isEmpty {
                pdfSource = try Self.document(request, layout: layout, unavailable: missing, machineFonts: machineFonts).source
            }
            if !missing.isEmpty { sink.warn(Self.missingFontWarning(beyondPDFLaTeX.filter(missing.contains))) }
        }
        let files = logo.map { [LaTeXReportWriter.logoFile(request.baseName, $0): $0.bytes] } ?? [:]
        let pdf = try engine.build(
            source: pdfSource, jobName: request.baseName, files: files, timestamp: request.timestamp, environment: request.environment,
            observer: request.observer)
        try sink.writeFile(suffix: ".pdf") { try $0.write(bytes: pdf) }
    }

    /// The document's source, and its writer for what it found.
    private static func document(
        _ request: Job, layout: LaTeXLayout, unavailable: Set<Unicode.Scalar> = [], machineFonts: [String] = []
    ) throws -> (source: [UInt8], writer: LaTeXReportWriter) {
        var source: [UInt8] = []
        let output = TextOutput { source.append(contentsOf: $0) }
        var writer = LaTeXReportWriter(
            outline: request.outline, layout: layout, output: output, created: request.timestamp, unavailable: unavailable,
            machineFonts: machineFonts)
        try writer.write()
        try output.flush()
        return (source, writer)
    }

    /// `U+0394, U+03B1, …`: the distinct characters of `scalars`, the first eight.
    static func listed(_ scalars: [Unicode.Scalar]) -> String {
        var seen = Set<Unicode.Scalar>()
        let distinct = scalars.filter { seen.insert($0).inserted }
        let listed = distinct.prefix(8).map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
        return listed.joined(separator: ", ") + (distinct.count > 8 ? ", …" : "")
    }

    private static func count(_ scalars: [Unicode.Scalar]) -> String {
        "\(scalars.count) character\(scalars.count == 1 ? "" : "s")"
    }

    static func sourceWarning(_ scalars: [Unicode.Scalar]) -> String {
        "\(count(scalars)) that pdflatex's fonts cannot set (\(listed(scalars))): pdflatex shows them as [U+…], "
            + "lualatex sets them from the installed fonts"
    }

    static func pdflatexWarning(_ scalars: [Unicode.Scalar]) -> String {
        "\(count(scalars)) that pdflatex's fonts cannot set were replaced by [U+…]: \(listed(scalars)); "
            + "lualatex sets them (engine=lualatex, or engine=auto with texlive-luatex installed)"
    }

    static func missingFontWarning(_ scalars: [Unicode.Scalar]) -> String {
        "\(count(scalars)) that no installed font has were replaced by [U+…]: \(listed(scalars)); "
            + "install a font that has them (Debian's fonts-noto-core, fonts-noto-cjk)"
    }
}
