import Foundation
import JuryReportCore

/// Page and type settings of the document.
struct LaTeXLayout {
    /// `a4` or `letter`.
    var paper = "a4"
    /// `10pt`, `11pt` or `12pt`.
    var fontSize = "11pt"
}

/// Renders a ``ReportOutline`` as a complete LaTeX document that compiles unchanged with
/// pdflatex and lualatex: how the report looks in print, never what it holds.
struct LaTeXReportWriter {
    let outline: ReportOutline
    let layout: LaTeXLayout
    let output: TextOutput
    /// The time the PDF's dates stand for, in seconds since 1970 (UTC).
    let created: Int64
    /// Escapes text and collects what it had to replace.
    var text = LaTeXText()
    /// Links shown as text only, their address too long (see ``LaTeXURL/longestLink``).
    private(set) var unlinked = 0

    /// Charts of more bars than this are not drawn.
    static let maximumChartBars = 40
    /// Text longer than these is cut with an ellipsis where it cannot run over a page: bar
    /// labels (nominee names), table cells, the names and roles under the signature lines.
    static let longestChartLabel = 80
    static let longestCell = 1_000
    static let longestSignature = 500
    /// Longer headings are set as paragraphs that may break over pages.
    static let longestHeading = 300

    mutating func write() throws {
        text.typography = outline.style.typography
        try preamble()
        try line("\\begin{document}")
        try titleBlock(outline.title)
        for block in outline.blocks { try render(block) }
        try line("\\end{document}")
    }

    private func line(_ source: String) throws {
        try output.write(source + "\n")
    }

    // MARK: Preamble

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
        try output.write("""
            % \(metadata.baseName).tex: the jury report, written by juryreport.
            % Compiles unchanged with pdflatex and with lualatex (run twice).
            \(LaTeXDocumentSetup.preamble(paper: layout.paper, fontSize: layout.fontSize, language: metadata.language, title: title, author: author, subject: subject, created: created))
            \\definecolor{winner}{RGB}{0,97,0}
            \\definecolor{winnerback}{RGB}{226,244,229}
            \\definecolor{rule}{RGB}{120,120,120}
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
            try heading(section)
            for block in section.blocks { try render(block) }
        case .paragraph(let nodes):
            try output.write(render(nodes) + "\n\n")
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
            try line("\\begin{tabular}{@{}>{\\bfseries}P{0.2\\linewidth}P{0.75\\linewidth}@{}}")
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
            try self.signatures(signatures)
        }
    }

    private mutating func heading(_ section: ReportSection) throws {
        guard let heading = section.heading else { return }
        var title = text.escape(heading)
        if case .nominee(.winner) = section.kind { title = "\\textcolor{winner}{\(title)}" }
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
                result += label == [.text(url)] ? link(url) : href(url, label: render(label))
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
        let widths: [String]
        switch table.kind {
        case .criteria: widths = ["0.3", "0.12", "0.5"]
        case .keyFigures: widths = ["0.55", "0.35"]
        case .standings: widths = ["0.1", "0.08", "0.5", "0.25"]
        case .recusals: widths = ["0.28", "0.34", "0.3"]
        }
        let columns = zip(table.columns, widths).map { column, width in
            (column.alignment == .trailing ? "R" : "P") + "{\(width)\\linewidth}"
        }
        let environment = table.kind == .standings || table.kind == .recusals ? "longtable" : "tabular"
        try line("\\begin{\(environment)}{@{}\(columns.joined())@{}}")
        try line("\\toprule")
        try line(table.columns.map { "\\textbf{\(text.escape($0.header))}" }.joined(separator: " & ") + "\\\\")
        try line("\\midrule")
        if environment == "longtable" {
            try line("\\endhead")
            try line("\\bottomrule")
            try line("\\endlastfoot")
        }
        for row in table.rows {
            // `{}` first, so a cell cannot be read as the optional argument of `\\`.
            let cells = row.cells.map { cell -> String in
                guard !cell.isEmpty else { return "" }
                let rendered = render(Self.shortened(cell, to: Self.longestCell))
                return row.isWinner ? "{}\\textbf{\(rendered)}" : "{}" + rendered
            }
            try line(cells.joined(separator: " & ") + "\\\\")
        }
        if environment == "tabular" { try line("\\bottomrule") }
        try line("\\end{\(environment)}\(environment == "tabular" ? "\\par" : "")")
    }

    /// A bar chart of the totals, best first.
    private mutating func chart(_ chart: ReportChart) throws {
        guard !chart.bars.isEmpty, chart.bars.count <= Self.maximumChartBars else { return }
        var labels: [String] = []
        var coordinates: [String] = []
        for (index, bar) in chart.bars.enumerated() {
            // A label of thousands of characters would make the axis too large for TeX.
            labels.append("{" + text.escape(Self.shortened(bar.label, to: Self.longestChartLabel)) + "}")
            coordinates.append("(\(NumberText.shortest(bar.value)),\(index + 1))")
        }
        let height = max(4, Double(chart.bars.count) * 0.9 + 1.5)
        try line("\\begin{center}")
        try line("\\begin{tikzpicture}")
        try line("\\begin{axis}[")
        try line("  xbar, y dir=reverse, width=0.6\\linewidth, height=\(NumberText.shortest(height))cm,")
        try line("  xmin=\(NumberText.shortest(chart.minimum)), xmax=\(NumberText.shortest(chart.maximum)),")
        try line("  ytick={1,...,\(chart.bars.count)}, enlarge y limits={abs=0.6},")
        try line("  yticklabel style={align=right, text width=0.3\\linewidth, font=\\small},")
        try line("  yticklabels={\(labels.joined(separator: ","))},")
        try line("  bar width=9pt, nodes near coords, nodes near coords style={font=\\small},")
        try line("  xlabel={\(text.escape(chart.valueLabel))}, axis x line*=bottom, axis y line*=left,")
        try line("]")
        try line("\\addplot[fill=winner!60, draw=winner] coordinates {\(coordinates.joined(separator: " "))};")
        try line("\\end{axis}")
        try line("\\end{tikzpicture}")
        try line("\\end{center}")
    }

    /// The signature line, then a line to sign on for each member with name and role.
    private mutating func signatures(_ signatures: ReportSignatures) throws {
        try line("\\vspace{2\\baselineskip}")
        try line("\\begin{minipage}{\\linewidth}")
        if let signature = signatures.line {
            try line("\\textit{\(text.escape(signature))}\\par")
            try line("\\vspace{1.5\\baselineskip}")
        }
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
        try line("\\end{minipage}")
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
