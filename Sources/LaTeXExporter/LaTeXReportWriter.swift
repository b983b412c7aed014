import Foundation
import JuryReportCore

/// Page and type settings of the document.
struct LaTeXLayout {
    /// `a4` or `letter`.
    var paper = "a4"
    /// `10pt`, `11pt` or `12pt`.
    var fontSize = "11pt"
    /// How a link shows its address on paper.
    var links = LinkStyle.footnote

    enum LinkStyle: String, CaseIterable {
        /// A footnote with the address, where it differs from the link's text.
        case footnote
        /// The address in brackets after the text.
        case inline
        /// The text alone (coloured, and a link on screen).
        case plain
    }
}

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
    private var inTable = false
    /// Whether a chart was drawn, so the preamble loads pgfplots.
    private var hasChart = false
    /// The time the PDF's dates stand for, in seconds since 1970 (UTC).
    let created: Int64
    /// Escapes text and collects what it had to replace.
    var text = LaTeXText()
    /// Links shown as text only, their address too long (see ``LaTeXURL/longestLink``).
    private(set) var unlinked = 0

    init(outline: ReportOutline, layout: LaTeXLayout, output: TextOutput, created: Int64, unavailable: Set<Unicode.Scalar> = []) {
        self.outline = outline
        self.layout = layout
        self.output = output
        self.created = created
        text.unavailable = unavailable
    }

    /// Tables of more rows than this (standings, recusals) may run over pages.
    static let longestWholeTable = 30
    /// A chart's bars per picture (a page holds one), and the most bars drawn over pages.
    static let chartBarsPerPicture = 40
    static let maximumChartBars = 400
    /// Text longer than these is cut with an ellipsis where it cannot run over a page: bar
    /// labels (nominee names), table cells, the names and roles under the signature lines.
    static let longestChartLabel = 80
    static let longestCell = 1_000
    static let longestSignature = 500
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

    private func line(_ source: String) throws {
        try body.write(source + "\n")
    }

    // MARK: Preamble

    /// The name the logo is written under beside the `.tex`: `<base>.logo.png`.
    static func logoFile(_ baseName: String, _ logo: Logo) -> String {
        "\(baseName).logo.\(logo.kind.fileExtension)"
    }

    /// The colours of the winner's box and, with an accent, of headings: the house colour.
    static func colors(_ branding: Branding) -> String {
        guard let accent = branding.accent, let back = branding.accentTint(0.14) else {
            return "\\definecolor{winner}{RGB}{0,97,0}\n\\definecolor{winnerback}{RGB}{226,244,229}"
        }
        return "\\definecolor{accent}{HTML}{\(accent.dropFirst())}\n\\definecolor{winner}{HTML}{\(accent.dropFirst())}\n"
            + "\\definecolor{winnerback}{HTML}{\(back.dropFirst())}"
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
        let edition = text.escape(Self.shortened(outline.title.edition.joined(separator: " · "), to: Self.longestHeader))
        var fallback = text.fallbackFonts
        fallback.formUnion(escaper.fallbackFonts)
        try output.write("""
            % \(metadata.baseName).tex: the jury report, written by juryreport.
            % Compiles unchanged with pdflatex and with lualatex (twice where the log asks).
            \(LaTeXDocumentSetup.preamble(paper: layout.paper, fontSize: layout.fontSize, language: metadata.language, title: title, author: author, subject: subject, created: created, fallback: fallback, colorLinks: "link", charts: hasChart))
            \(Self.colors(outline.style.branding))
            \\definecolor{rule}{RGB}{120,120,120}
            \\definecolor{link}{RGB}{0,70,140}
            \(outline.style.branding.logo == nil ? "" : "\\usepackage{graphicx}")
            \\usepackage{fancyhdr}
            \\setlength{\\headheight}{14pt}
            \\pagestyle{fancy}
            \\fancyhf{}
            \\fancyhead[L]{\\small\\color{rule}\(award)}
            \\fancyhead[R]{\\small\\color{rule}\(edition)}
            \\fancyfoot[C]{\\small\\thepage}
            \\renewcommand{\\headrulewidth}{0pt}
            % Room for what must stay together: a page break before it when less is left.
            \\makeatletter
            \\newcommand{\\juryreportneedspace}[1]{\\par\\penalty-100\\begingroup\\setlength{\\dimen@}{#1}%
              \\dimen@ii\\pagegoal\\advance\\dimen@ii-\\pagetotal\\ifdim\\dimen@>\\dimen@ii\\ifdim\\dimen@ii>\\z@\\newpage\\fi\\fi\\endgroup}
            \\makeatother
            \\newsavebox{\\juryreportsignatures}
            \\frenchspacing
            \\setlength{\\parindent}{0pt}
            \\setlength{\\parskip}{0.55\\baselineskip plus 2pt}
            \\renewcommand{\\arraystretch}{1.15}
            \\newcolumntype{P}[1]{>{\\raggedright\\arraybackslash}p{#1}}
            \\newcolumntype{R}[1]{>{\\raggedleft\\arraybackslash}p{#1}}

            """)
    }

    // MARK: Blocks

    private mutating func titleBlock(_ title: ReportTitle) throws {
        try line("\\begin{center}")
        if let logo = outline.style.branding.logo {
            try line("\\includegraphics[height=18mm,width=0.5\\linewidth,keepaspectratio]{\(Self.logoFile(outline.metadata.baseName, logo))}\\par")
            try line("\\vspace{0.8em}")
        }
        try line("{\\large\\scshape \(text.escape(title.award))\\par}")
        try line("\\vspace{0.8em}")
        try line("{\\LARGE\\bfseries \(text.escape(title.title))\\par}")
        try line("\\vspace{0.8em}")
        if !title.edition.isEmpty { try line("{\\large \(text.escape(title.edition.joined(separator: " · ")))\\par}") }
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
            try line("\\begin{tabular}{@{}>{\\bfseries}\(Self.columns(shares: [25, 75], trailing: [false, false]))@{}}")
            for detail in details {
                try line("\(text.escape(detail.label + outline.style.colon)) & {}\(render(detail.value))\\\\")
            }
            try line("\\end{tabular}\\par")
        case .table(let table):
            try self.table(table)
        case .chart(let chart):
            try self.chart(chart)
        case .announcement(let announcement) where announcement.count > Self.longestCell:
            // Too long for a box, which cannot run over a page.
            try line("\\begin{center}{\\large\\bfseries\\color{winner}\(text.escape(announcement))\\par}\\end{center}")
        case .announcement(let announcement):
            try line("\\begin{center}")
            try line("\\fcolorbox{winner}{winnerback}{\\parbox{0.9\\linewidth}{\\centering\\large\\bfseries\\strut \(text.escape(announcement))\\strut}}")
            try line("\\end{center}")
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

    /// A section (the verdict) whose last block stays on one page with the signature block
    /// after it: the block is measured, and the page is ended before the last block when
    /// the rest of the page cannot hold both.
    private mutating func section(_ section: ReportSection, keepingLastWith signatures: ReportSignatures) throws {
        try heading(section)
        for block in section.blocks.dropLast() { try render(block) }
        try line("\\begin{lrbox}{\\juryreportsignatures}\\begin{minipage}{\\linewidth}")
        try self.signatures(signatures)
        try line("\\end{minipage}\\end{lrbox}")
        // The signatures and room for the last lines of the last block (its end comes along).
        try line("\\juryreportneedspace{\\dimexpr\\ht\\juryreportsignatures+\\dp\\juryreportsignatures+4\\baselineskip\\relax}")
        if let last = section.blocks.last { try render(last) }
        try line("\\par\\nopagebreak[4]\\vspace{2\\baselineskip}\\nopagebreak[4]")
        try line("\\noindent\\usebox{\\juryreportsignatures}\\par")
    }

    /// The section's heading, with a bookmark of the PDF (sections, and nominees under them).
    private mutating func heading(_ section: ReportSection) throws {
        guard let heading = section.heading else { return }
        let bookmark = text.escape(Self.shortened(heading, to: Self.longestBookmark))
        try line("\\pdfbookmark[\(section.level)]{\(bookmark)}{\(section.anchor)}")
        var title = text.escape(heading)
        if case .nominee(.winner) = section.kind {
            title = "\\textcolor{winner}{\(title)}"
        } else if outline.style.branding.accent != nil {
            title = "\\textcolor{accent}{\(title)}"
        }
        guard heading.count <= Self.longestHeading else {
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

    /// `text` cut after `limit` characters, with an ellipsis.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    private mutating func render(_ nodes: [Inline]) -> String {
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
                // footnote is lost, it follows in brackets).
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

    /// A booktabs table, its columns sized by what it holds; the standings may run over pages.
    private mutating func table(_ table: ReportTable) throws {
        let shares: [Int]
        switch table.kind {
        case .criteria: shares = [30, 15, 55]
        case .keyFigures: shares = [65, 35]
        case .standings: shares = table.columns.count == 4 ? [10, 10, 60, 20] : [12, 68, 20]
        case .recusals: shares = [28, 34, 38]
        }
        let columns = Self.columns(shares: shares, trailing: table.columns.map { $0.alignment == .trailing })
        // A table that may be longer than a page runs over pages; a shorter one stays whole
        // (longtable can leave its head alone on a page when it ends at a page's foot).
        let mayRunOver = (table.kind == .standings || table.kind == .recusals) && table.rows.count > Self.longestWholeTable
        let environment = mayRunOver ? "longtable" : "tabular"
        inTable = true
        defer { inTable = false }
        try line("\\begin{\(environment)}{@{}\(columns)@{}}")
        try line("\\toprule")
        try line(table.columns.map { "\\textbf{\(text.escape($0.header))}" }.joined(separator: " & ") + "\\\\")
        try line("\\midrule")
        if environment == "longtable" {
            try line("\\endhead")
            try line("\\bottomrule")
            try line("\\endlastfoot")
        }
        for (index, row) in table.rows.enumerated() {
            // `{}` first, so a cell cannot be read as the optional argument of `\\`.
            let cells = row.cells.map { cell -> String in
                guard !cell.isEmpty else { return "" }
                let rendered = render(Self.shortened(cell, to: Self.longestCell))
                return row.isWinner ? "{}\\textbf{\(rendered)}" : "{}" + rendered
            }
            // No page break before a long table's end: its foot would stand under a repeated head.
            let isLast = index == table.rows.count - 1
            try line(cells.joined(separator: " & ") + (isLast && environment == "longtable" ? "\\\\*" : "\\\\"))
        }
        if environment == "tabular" { try line("\\bottomrule") }
        try line("\\end{\(environment)}\(environment == "tabular" ? "\\par" : "")")
    }

    /// Column types whose widths are `shares` (in hundredths, adding up to 100) of the text
    /// block less the space between the columns: every table exactly as wide as the text.
    static func columns(shares: [Int], trailing: [Bool]) -> String {
        let gaps = 2 * (shares.count - 1)
        return zip(shares, trailing).map { share, isTrailing in
            (isTrailing ? "R" : "P") + "{\\dimexpr(\\linewidth-\(gaps)\\tabcolsep)*\(share)/100\\relax}"
        }.joined()
    }

    /// A bar chart of the totals, best first: a picture of at most ``chartBarsPerPicture``
    /// bars per page, each value shown as the report writes it; beyond
    /// ``maximumChartBars`` bars the chart's note says why it is left out.
    private mutating func chart(_ chart: ReportChart) throws {
        guard !chart.bars.isEmpty else { return }
        guard chart.bars.count <= Self.maximumChartBars else {
            try line("\\begin{center}\\itshape \(text.escape(chart.leftOutNote))\\end{center}")
            return
        }
        let pictures = stride(from: 0, to: chart.bars.count, by: Self.chartBarsPerPicture).map {
            $0..<min($0 + Self.chartBarsPerPicture, chart.bars.count)
        }
        hasChart = true
        for (number, range) in pictures.enumerated() {
            var labels: [String] = []
            var coordinates: [String] = []
            for (offset, bar) in chart.bars[range].enumerated() {
                // A label of thousands of characters would make the axis too large for TeX.
                labels.append("{" + text.escape(Self.shortened(bar.label, to: Self.longestChartLabel)) + "}")
                // The value as the report writes it (8,29), as the point's meta.
                coordinates.append("(\(NumberText.shortest(bar.value)),\(offset + 1)) [\(text.escape(bar.valueText))]")
            }
            let height = max(4, Double(range.count) * 0.9 + 1.5)
            try line("\\begin{center}")
            try line("\\begin{tikzpicture}")
            try line("\\begin{axis}[")
            try line("  xbar, y dir=reverse, width=0.6\\linewidth, height=\(NumberText.shortest(height))cm,")
            try line("  xmin=\(NumberText.shortest(chart.minimum)), xmax=\(NumberText.shortest(chart.maximum)),")
            try line("  ytick={1,...,\(range.count)}, enlarge y limits={abs=0.6},")
            try line("  yticklabel style={align=right, text width=0.3\\linewidth, font=\\small},")
            try line("  yticklabels={\(labels.joined(separator: ","))},")
            try line("  point meta=explicit symbolic, bar width=9pt, nodes near coords, nodes near coords style={font=\\small},")
            try line("  xticklabel={\\pgfmathprintnumber[assume math mode=true\(Self.decimalComma(chart) ? ",use comma" : "")]{\\tick}},")
            if number == pictures.count - 1 {
                try line("  xlabel={\(text.escape(chart.valueLabel))},")
            }
            try line("  axis x line*=bottom, axis y line*=left,")
            try line("]")
            try line("\\addplot[fill=winner!60, draw=winner] coordinates {\(coordinates.joined(separator: " "))};")
            try line("\\end{axis}")
            try line("\\end{tikzpicture}")
            try line("\\end{center}")
        }
    }

    /// Whether the chart's values are written with a decimal comma, so its axis is too.
    private static func decimalComma(_ chart: ReportChart) -> Bool {
        chart.bars.contains { $0.valueText.contains(",") }
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

/// URLs for `\href`: everything outside a safe set percent-encoded, so that no character of
/// the URL means anything to TeX.
enum LaTeXURL {
    /// The longest address, in bytes as written into `\href`, that becomes a link. Browsers
    /// and servers refuse much longer ones, and pdfTeX repeats the address for every line a
    /// link's text runs over: a 26,000-character address set over 400 lines overflows the
    /// engines' PDF buffers.
    static let longestLink = 2_000

    static func encode(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "?"),
                UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "#"):
                result += "\\#"
            case UInt8(ascii: "&"):
                result += "\\&"
            case UInt8(ascii: "%"):
                result += "\\%"
            default:
                result += "\\%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// The URL as text, with break points after its slashes.
    static func display(_ url: String, escaping text: inout LaTeXText) -> String {
        text.escape(url, typeset: false).replacingOccurrences(of: "/", with: "/" + LaTeXText.breakPoint)
    }
}
