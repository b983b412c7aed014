import Foundation
import JuryReportCore

/// Renders a ``ReportOutline`` as a complete LaTeX document that compiles unchanged with
/// pdflatex and lualatex: how the report looks in print, never what it holds.
struct LaTeXReportWriter {
    let outline: ReportOutline
    let layout: LaTeXLayout
    /// Where the document goes: the body is written first (it decides the fonts the
    /// preamble asks for), then the preamble and the body.
    let output: TextOutput
    private var body = TextOutput { _ in }
    private let bodyBytes = ByteBuffer()
    /// Whether text is being written into a table cell, where a footnote would be lost.
    var inTable = false
    /// Whether a chart was drawn, so the preamble loads pgfplots.
    var hasChart = false
    /// Whether a table sizes its columns to the text's width (tabularx).
    var usesTabularx = false
    /// The time the PDF's dates stand for, in seconds since 1970 (UTC).
    let created: Int64
    /// Escapes text and collects what it had to replace.
    var text = LaTeXText()
    /// Links shown as text only, their address too long (see ``LaTeXURL/longestLink``).
    private(set) var unlinked = 0

    /// Installed fonts the preamble adds for what the standard fallbacks lack (see `FontCoverage`).
    let machineFonts: [String]

    init(
        outline: ReportOutline, layout: LaTeXLayout, output: TextOutput, created: Int64, unavailable: Set<Unicode.Scalar> = [],
        machineFonts: [String] = []
    ) {
        self.outline = outline
        self.machineFonts = machineFonts
        self.layout = layout
        self.output = output
        self.created = created
        text.unavailable = unavailable
    }

    /// A chart's bars per picture (a page holds one), and the most bars drawn over pages.
    static let chartBarsPerPicture = 40
    static let maximumChartBars = 400
    /// Text longer than these is cut with an ellipsis where it cannot run over a page: bar
    /// labels (nominee names), table cells, the names and roles under the signature lines.
    static let longestChartLabel = 80
    static let longestCell = 1_000
    static let longestSignature = 500
    /// Detail labels of at most this many characters size their column; longer ones wrap in 30 %.
    static let longestDetailLabel = 24
    /// Longer headings are set as paragraphs that may break over pages.
    static let longestHeading = 300
    /// The running header's award and edition are cut after this many characters.
    static let longestHeader = 60
    /// Bookmarks hold at most this many characters of a heading.
    static let longestBookmark = 120

    mutating func write() throws {
        text.typography = outline.style.typography
        let buffer = bodyBytes
        body = TextOutput { buffer.bytes.append(contentsOf: $0) }
        try line("\\begin{document}")
        try line("\\thispagestyle{plain}")
        try titleBlock(outline.title)
        for (index, block) in outline.blocks.enumerated() {
            let next = index + 1 < outline.blocks.count ? outline.blocks[index + 1] : nil
            if case .signatures(let signatures) = next, case .section(let verdict) = block {
                try section(verdict, keepingLastWith: signatures)
            } else if case .signatures = block, index > 0, case .section = outline.blocks[index - 1] {
                // Set with the verdict above.
                continue
            } else {
                try render(block)
            }
        }
        try line("\\end{document}")
        try body.flush()
        try preamble()
        try output.write(bytes: buffer.bytes)
    }

    func line(_ source: String) throws {
        try body.write(source + "\n")
    }

    // MARK: Preamble

    /// The name the logo is written under beside the `.tex`: `<base>.logo.png`.
    static func logoFile(_ baseName: String, _ logo: Logo) -> String {
        "\(baseName).logo.\(logo.kind.fileExtension)"
    }

    /// The colours of the winner's box and of links and, with an accent, of headings: the
    /// house colour.
    static func colors(_ branding: Branding) -> String {
        guard let accent = branding.accent, let back = branding.accentTint(0.14) else {
            return "\\definecolor{winner}{RGB}{0,97,0}\n\\definecolor{winnerback}{RGB}{226,244,229}\n\\definecolor{link}{RGB}{0,70,140}"
        }
        return "\\definecolor{accent}{HTML}{\(accent.dropFirst())}\n\\definecolor{winner}{HTML}{\(accent.dropFirst())}\n"
            + "\\definecolor{winnerback}{HTML}{\(back.dropFirst())}\n\\colorlet{link}{accent}"
    }

    /// `D:YYYYMMDDHHmmSSZ`, a PDF date in UTC.
    static func pdfDate(_ seconds: Int64) -> String {
        let time = ReproducibleTime.components(seconds)
        let digits = time.date.description.replacingOccurrences(of: "-", with: "")
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "D:" + digits + two(time.hour) + two(time.minute) + two(time.second) + "Z"
    }

    private mutating func preamble() throws {
        let metadata = outline.metadata
        var escaper = LaTeXText()
        let title = escaper.escape(metadata.title)
        let author = escaper.escape(metadata.author ?? "")
        let subject = escaper.escape(metadata.subject ?? "")
        // The running header: the award and the edition, cut to fit one line.
        let award = text.escape(Self.shortened(outline.title.award, to: Self.longestHeader))
        let edition = text.escape(Self.shortened(outline.title.runningEdition.joined(separator: " · "), to: Self.longestHeader))
        var fallback = text.fallbackFonts
        fallback.formUnion(escaper.fallbackFonts)
        fallback.machineFonts = machineFonts
        try output.write(LaTeXTemplate.fill(LaTeXTemplate.reportPreamble, [
            "baseName": metadata.baseName,
            "setup": LaTeXDocumentSetup.preamble(
                paper: layout.paper, fontSize: layout.fontSize, language: metadata.language, title: title, author: author,
                subject: subject, created: created, geometry: layout.geometry, fallback: fallback, colorLinks: "link",
                charts: hasChart),
            "colors": Self.colors(outline.style.branding),
            "packages": (outline.style.branding.logo == nil ? "" : "\\usepackage{graphicx}\n")
                + (usesTabularx ? "\\usepackage{tabularx}" : ""),
            "award": award, "edition": edition,
        ]))
    }

    // MARK: Blocks

    private mutating func titleBlock(_ title: ReportTitle) throws {
        try line("\\begin{center}")
        if let logo = outline.style.branding.logo {
            try line("\\includegraphics[height=18mm,width=0.5\\linewidth,keepaspectratio]{\(Self.logoFile(outline.metadata.baseName, logo))}\\par")
            try line("\\vspace{0.8em}")
        }
        if let overline = title.overline {
            try line("{\\large\\scshape \(text.escape(overline))\\par}")
            try line("\\vspace{0.6em}")
        }
        try line("{\\LARGE\\sffamily\\bfseries \(Self.unbrokenYearRanges(text.escape(title.title)))\\par}")
        if !title.edition.isEmpty {
            try line("\\vspace{0.6em}")
            try line("{\\large \(Self.unbrokenYearRanges(text.escape(title.edition.joined(separator: " · "))))\\par}")
        }
        if let theme = title.theme {
            try line("\\vspace{0.3em}")
            try line("{\\itshape \(text.escape(theme.label + outline.style.colon)) \(render(theme.value))\\par}")
        }
        if let organizer = title.organizer {
            try line("\\vspace{0.3em}")
            try line("{\\small \(text.escape(organizer))\\par}")
        }
        if let url = title.url {
            try line("\\vspace{0.3em}")
            try line("{\\small \(link(url))\\par}")
        }
        if let date = title.date {
            try line("\\vspace{0.3em}")
            try line("{\\small \(text.escape(date))\\par}")
        }
        try line("\\end{center}")
        try line("\\vspace{1em}")
    }

    private mutating func render(_ block: ReportBlock) throws {
        switch block {
        case .section(let section):
            try self.section(section)
        case .paragraph(let nodes):
            try body.write(render(nodes) + "\n\n")
        case .summary(let summary):
            try line("\\textit{\(text.escape(summary))}\\par")
        case .distinction(let distinction):
            switch distinction.kind {
            case .winner:
                try line("\\begin{center}\\fcolorbox{winner}{winnerback}{\\parbox{0.9\\linewidth}{\\centering\\bfseries\\color{winner}\\strut \(text.escape(distinction.label))\\strut}}\\end{center}")
            case .mention:
                try line("\\textit{\(text.escape(distinction.label))}\\par")
            }
        case .details(let details):
            // A table row cannot run over a page: with a very long value, one paragraph each.
            if details.contains(where: { Inline.plainText(of: $0.value).count > Self.longestCell }) {
                for detail in details {
                    try line("\\noindent\\textbf{\(text.escape(detail.label + outline.style.colon))} \(render(detail.value))\\par")
                }
                return
            }
            inTable = true
            defer { inTable = false }
            // Labels as wide as the widest of them (a short one); the values the rest.
            usesTabularx = true
            let labelColumn = details.allSatisfy({ $0.label.count <= Self.longestDetailLabel }) ? "l" : "p{0.3\\linewidth}"
            try line("\\begin{tabularx}{\\linewidth}{@{}>{\\bfseries}\(labelColumn)>{\\raggedright\\arraybackslash}X@{}}")
            for detail in details {
                try line("\(text.escape(detail.label + outline.style.colon)) & {}\(render(detail.value))\\\\")
            }
            try line("\\end{tabularx}\\par")
        case .table(let table):
            try self.table(table)
        case .chart(let chart):
            try self.chart(chart)
        case .announcement(let announcement) where announcement.count > Self.longestCell:
            // Too long for a box, which cannot run over a page: a paragraph under a rule.
            try line("\\par\\medskip{\\color{winner}\\rule{\\linewidth}{0.8pt}}\\par\\nopagebreak")
            try line("\(text.escape(announcement))\\par")
        case .announcement(let announcement):
            // One line is centred and bold in the box; longer text is set as a paragraph.
            try line("\\juryreportannouncement{\(text.escape(announcement))}")
        case .signatures(let signatures):
            // Not after a verdict (see write()): a block of its own.
            try line("\\par\\vspace{2\\baselineskip}\\noindent\\begin{minipage}{\\linewidth}")
            try self.signatures(signatures)
            try line("\\end{minipage}\\par")
        }
    }

    private mutating func section(_ section: ReportSection) throws {
        try heading(section)
        for block in section.blocks { try render(block) }
    }

    /// A section (the verdict) whose end stays on one page with the signature block after
    /// it: no page break between the last block and the signatures, so the page breaks
    /// inside the text above them (a paragraph's last lines come along) and no whole block
    /// moves on leaving a hole.
    private mutating func section(_ section: ReportSection, keepingLastWith signatures: ReportSignatures) throws {
        try heading(section)
        for (index, block) in section.blocks.enumerated() {
            // The announcement stays with the end of the text before it.
            if case .announcement = block, index > 0 { try line("\\par\\nopagebreak[4]") }
            try render(block)
        }
        try line("\\par\\nopagebreak[4]\\vspace{2\\baselineskip}\\nopagebreak[4]")
        try line("\\noindent\\begin{minipage}{\\linewidth}")
        try self.signatures(signatures)
        try line("\\end{minipage}\\par")
    }

    /// How wide `text` sets, in characters: a character pdflatex shows as its code
    /// (`[U+0394]` and a break point) counts as the nine it takes.
    static func setWidth(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.isASCII || LaTeXText.isSettable(scalar) ? 1 : 9)
        }
    }

    /// The section's heading, with a bookmark of the PDF (sections, and nominees under them).
    private mutating func heading(_ section: ReportSection) throws {
        guard let heading = section.heading else { return }
        let bookmark = text.escape(Self.shortened(heading, to: Self.longestBookmark))
        try line("\\pdfbookmark[\(section.level)]{\(bookmark)}{\(section.anchor)}")
        var title = text.escape(heading)
        // The house colour on the report's parts; among the nominees only the winner's heading
        // is coloured, so the winner stays apart in every style.
        if case .nominee(.winner) = section.kind {
            title = "\\textcolor{winner}{\(title)}"
        } else if outline.style.branding.accent != nil, section.level == 1 {
            title = "\\textcolor{accent}{\(title)}"
        }
        guard Self.setWidth(of: heading) <= Self.longestHeading else {
            // A sectioning command keeps its lines on one page: a heading of thousands of
            // characters would run off it. Set as a bold paragraph that may break instead.
            let size = section.level == 1 ? "\\Large" : "\\large"
            try line("\\par\\bigskip{\(size)\\bfseries\\raggedright \(title)\\par}\\nobreak\\smallskip")
            return
        }
        try line(section.level == 1 ? "\\section*{\(title)}" : "\\subsection*{\(title)}")
    }

    /// `nodes` cut after `limit` characters of text, with an ellipsis: for places that
    /// cannot run over a page (a table row, a signature, a chart label); the whole text
    /// stands in the nominee's or member's own place.
    static func shortened(_ nodes: [Inline], to limit: Int) -> [Inline] {
        var budget = limit
        return shortened(nodes, budget: &budget)
    }

    private static func shortened(_ nodes: [Inline], budget: inout Int) -> [Inline] {
        var result: [Inline] = []
        for node in nodes {
            guard budget > 0 else {
                result.append(.text("…"))
                return result
            }
            switch node {
            case .text(let literal):
                if literal.count > budget {
                    result.append(.text(String(literal.prefix(budget)) + "…"))
                    budget = 0
                    return result
                }
                budget -= literal.count
                result.append(node)
            case .softBreak:
                result.append(node)
            case .emphasis(let inner): result.append(.emphasis(shortened(inner, budget: &budget)))
            case .strong(let inner): result.append(.strong(shortened(inner, budget: &budget)))
            case .link(let label, let url): result.append(.link(shortened(label, budget: &budget), url: url))
            }
        }
        return result
    }

    /// Escaped text whose year ranges (`2019-2020`) cannot break at their hyphen.
    static func unbrokenYearRanges(_ escaped: String) -> String {
        YearRanges.replacing(in: escaped) { "\\mbox{\($0)}" }
    }

    /// `text` cut after `limit` characters, with an ellipsis.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    mutating func render(_ nodes: [Inline]) -> String {
        var result = ""
        for node in text.typography.apply(nodes) {
            switch node {
            case .text(let literal): result += text.escape(literal)
            case .softBreak: result += "\n"
            case .emphasis(let inner): result += "\\emph{" + render(inner) + "}"
            case .strong(let inner): result += "\\textbf{" + render(inner) + "}"
            case .link(let label, let url):
                // A link that shows its own address may break after its slashes.
                guard label != [.text(url)] else {
                    result += link(url)
                    continue
                }
                result += href(url, label: render(label))
                // On paper the address is lost: a footnote gives it (in a table cell, where a
                // footnote is lost, it follows in brackets). A file beside the document (an
                // archive's link to an edition's PDF) has no address to give.
                guard url.contains(":") else { continue }
                switch layout.links {
                case .footnote where !inTable: result += "\\footnote{\(link(url))}"
                case .footnote, .inline: result += " (\(link(url)))"
                case .plain: break
                }
            }
        }
        return result
    }

    private mutating func link(_ url: String) -> String {
        href(url, label: LaTeXURL.display(url, escaping: &text))
    }

    /// `\href` to `url` showing `label`; only the label for an address over
    /// ``LaTeXURL/longestLink`` bytes encoded (counted in ``unlinked``).
    private mutating func href(_ url: String, label: String) -> String {
        let encoded = LaTeXURL.encode(url)
        guard encoded.utf8.count <= LaTeXURL.longestLink else {
            unlinked += 1
            return label
        }
        return "\\href{" + encoded + "}{" + label + "}"
    }

    /// The signature line, place and date, then a line to sign on for each member with name
    /// and role: one unbreakable block (its caller keeps it with the verdict).
    private mutating func signatures(_ signatures: ReportSignatures) throws {
        if let signature = signatures.line {
            try line("\\textit{\(text.escape(signature))}\\par")
        }
        if let placeAndDate = signatures.placeAndDate {
            try line("\(text.escape(placeAndDate))\\par")
        }
        if signatures.line != nil || signatures.placeAndDate != nil { try line("\\vspace{1.5\\baselineskip}") }
        for (index, signer) in signatures.signers.enumerated() {
            if index > 0 { try line(index % 3 == 0 ? "\\par" : "\\hspace{0.035\\linewidth}%") }
            var role = signer.details.map { text.escape(Self.shortened($0, to: Self.longestSignature)) }.joined(separator: ", ")
            if role.isEmpty { role = "~" }
            try line("\\begin{minipage}[t]{0.31\\linewidth}\\raggedright")
            try line("\\vspace{2.2em}{\\color{rule}\\rule{0.9\\linewidth}{0.4pt}}\\par")
            let name = text.escape(Self.shortened(signer.name, to: Self.longestSignature))
            try line("\(signer.isChair ? "\\textbf{\(name)}" : name)\\par")
            try line("{\\small \(role)}\\par")
            try line("\\end{minipage}%")
        }
        try line("\\par")
    }
}
