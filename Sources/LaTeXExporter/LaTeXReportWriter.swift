import Foundation
import JuryReportCore

/// Page and type settings of the document.
struct LaTeXLayout {
    /// `a4` or `letter`.
    var paper = "a4"
    /// `10pt`, `11pt` or `12pt`.
    var fontSize = "11pt"
}

/// Writes the report as a complete LaTeX document that compiles unchanged with pdflatex
/// and lualatex: title block, sections, nominees with their details and key figures, the
/// winner set apart, standings and a chart when scored, analysis, verdict and the jury's
/// signature block.
struct LaTeXReportWriter {
    let request: ExportRequest
    let layout: LaTeXLayout
    let output: TextOutput
    /// Escapes text and collects what it had to replace.
    var text = LaTeXText()

    private var edition: Edition { request.edition }
    private var words: Vocabulary { request.vocabulary }

    /// Charts of more bars than this are not drawn.
    static let maximumChartBars = 40

    mutating func write() throws {
        try preamble()
        try line("\\begin{document}")
        try titleBlock()
        for section in edition.sections { try textSection(section) }
        try criteria()
        try line("\\section*{\(text.escape(words.nominees))}")
        for nominee in edition.nominees { try self.nominee(nominee) }
        try standings()
        for section in edition.analysis { try textSection(section) }
        try verdict()
        try signature()
        try line("\\end{document}")
    }

    private func line(_ source: String) throws {
        try output.write(source + "\n")
    }

    // MARK: Preamble

    /// The babel language of the edition; Dutch and English are what stock TeX Live's
    /// texlive-lang-european and texlive-latex-base carry.
    static func babelLanguage(_ tag: String) -> String {
        let lowered = tag.lowercased()
        if lowered.hasPrefix("nl") { return "dutch" }
        if lowered == "en-us" { return "american" }
        if lowered.hasPrefix("en-gb") { return "british" }
        return "english"
    }

    private mutating func preamble() throws {
        let details = edition.details
        var metadata = LaTeXText()
        let title = metadata.escape(details.title)
        let author = metadata.escape(edition.chair?.name ?? edition.award.organizer ?? "")
        let subject = metadata.escape(details.theme ?? "")
        try output.write("""
            % \(edition.baseName).tex: the jury report, written by juryreport.
            % Compiles unchanged with pdflatex and with lualatex (run twice).
            \\documentclass[\(layout.paper)paper,\(layout.fontSize)]{article}
            \\usepackage{iftex}
            \\ifPDFTeX
              \\usepackage[T1]{fontenc}
              \\usepackage[utf8]{inputenc}
              \\usepackage{lmodern}
              \\usepackage{textcomp}
              % Text copies out of the PDF as typed.
              \\input{glyphtounicode}
              \\pdfgentounicode=1
              % The same bytes on every run (with SOURCE_DATE_EPOCH for the dates).
              \\pdftrailerid{juryreport}
            \\else
              \\usepackage{fontspec}
              \\pdfvariable trailerid {[<6A757279> <6A757279>]}
            \\fi
            \\usepackage[\(Self.babelLanguage(details.language))]{babel}
            \\usepackage[\(layout.paper)paper,margin=25mm]{geometry}
            \\usepackage{microtype}
            \\usepackage{array}
            \\usepackage{booktabs}
            \\usepackage{longtable}
            \\usepackage{xcolor}
            \\usepackage{pgfplots}
            \\pgfplotsset{compat=1.18}
            \\usepackage[hidelinks]{hyperref}
            \\hypersetup{
              pdftitle={\(title)},
              pdfauthor={\(author)},
              pdfsubject={\(subject)},
              pdflang={\(details.language)},
              pdfcreator={juryreport}
            }
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

    // MARK: Parts

    private mutating func titleBlock() throws {
        let details = edition.details
        try line("\\begin{center}")
        try line("{\\large\\scshape \(text.escape(edition.award.name))\\par}")
        try line("\\vspace{0.8em}")
        try line("{\\LARGE\\bfseries \(text.escape(details.title))\\par}")
        try line("\\vspace{0.8em}")
        var parts: [String] = []
        if let number = details.number { parts.append(words.editionNumber(number)) }
        if let period = details.period { parts.append(period) }
        if !parts.isEmpty { try line("{\\large \(text.escape(parts.joined(separator: " · ")))\\par}") }
        if let theme = details.theme {
            try line("\\vspace{0.3em}")
            try line("{\\itshape \(text.escape(words.theme)): \(text.escape(theme))\\par}")
        }
        if let organizer = edition.award.organizer {
            try line("\\vspace{0.3em}")
            try line("{\\small \(text.escape(organizer))\\par}")
        }
        if let date = details.date {
            try line("\\vspace{0.3em}")
            try line("{\\small \(text.escape(words.longDate(date)))\\par}")
        }
        try line("\\end{center}")
        try line("\\vspace{1em}")
    }

    private mutating func richText(_ rich: RichText) throws {
        for paragraph in rich.paragraphs {
            try output.write(render(paragraph) + "\n\n")
        }
    }

    private mutating func render(_ nodes: [Inline]) -> String {
        var result = ""
        for node in nodes {
            switch node {
            case .text(let literal): result += text.escape(literal)
            case .softBreak: result += "\n"
            case .emphasis(let inner): result += "\\emph{" + render(inner) + "}"
            case .strong(let inner): result += "\\textbf{" + render(inner) + "}"
            case .link(let label, let url): result += "\\href{" + LaTeXURL.encode(url) + "}{" + render(label) + "}"
            }
        }
        return result
    }

    private mutating func textSection(_ section: TextSection) throws {
        if let heading = section.heading { try line("\\section*{\(text.escape(heading))}") }
        try richText(section.body)
    }

    private mutating func criteria() throws {
        guard !edition.criteria.isEmpty else { return }
        try line("\\section*{\(text.escape(words.criteria))}")
        try line("\\begin{tabular}{@{}P{0.3\\linewidth}R{0.12\\linewidth}P{0.5\\linewidth}@{}}")
        try line("\\toprule")
        try line("\\textbf{\(text.escape(words.criterion))} & \\textbf{\(text.escape(words.weight))} & \\\\")
        try line("\\midrule")
        for criterion in edition.criteria {
            let description = criterion.description.map { rich in rich.paragraphs.map { render($0) }.joined(separator: " ") } ?? ""
            // `{}` first, so a cell cannot be read as the optional argument of `\\`.
            try line("{}\(text.escape(criterion.name)) & \(NumberText.shortest(criterion.weight)) & \(description)\\\\")
        }
        try line("\\bottomrule")
        try line("\\end{tabular}")
        try line("")
    }

    private mutating func nominee(_ nominee: Nominee) throws {
        let isWinner = nominee.id == edition.verdict.winner
        let heading = text.escape("\(nominee.number). \(nominee.name)")
        try line("\\subsection*{\(isWinner ? "\\textcolor{winner}{\(heading)}" : heading)}")
        if isWinner {
            try line("\\begin{center}\\fcolorbox{winner}{winnerback}{\\parbox{0.9\\linewidth}{\\centering\\bfseries\\color{winner}\\strut \(text.escape(words.winner))\\strut}}\\end{center}")
        } else if edition.verdict.mentions.contains(nominee.id) {
            try line("\\textit{\(text.escape(words.mention))}\\par")
        }
        if let summary = nominee.summary { try line("\\textit{\(text.escape(summary))}\\par") }
        var details: [(String, String)] = []
        if let lead = nominee.lead { details.append((words.lead, text.escape(lead))) }
        if let location = nominee.location { details.append((words.location, text.escape(location))) }
        if let sector = nominee.sector { details.append((words.sector, text.escape(sector))) }
        if !nominee.partners.isEmpty { details.append((words.partners, text.escape(nominee.partners.joined(separator: ", ")))) }
        if let url = nominee.url {
            details.append((words.website, "\\href{\(LaTeXURL.encode(url))}{\(LaTeXURL.display(url, escaping: &text))}"))
        }
        if !details.isEmpty {
            try line("\\begin{tabular}{@{}>{\\bfseries}P{0.2\\linewidth}P{0.75\\linewidth}@{}}")
            for (label, value) in details {
                try line("\(text.escape(label)): & {}\(value)\\\\")
            }
            try line("\\end{tabular}\\par")
        }
        if !nominee.facts.isEmpty {
            try line("\\begin{tabular}{@{}P{0.55\\linewidth}R{0.35\\linewidth}@{}}")
            try line("\\toprule")
            try line("\\textbf{\(text.escape(words.figure))} & \\textbf{\(text.escape(words.value))}\\\\")
            try line("\\midrule")
            for fact in nominee.facts {
                try line("{}\(text.escape(fact.label)) & {}\(text.escape(fact.value.description))\\\\")
            }
            try line("\\bottomrule")
            try line("\\end{tabular}\\par")
        }
        if let body = nominee.body { try richText(body) }
    }

    private mutating func standings() throws {
        let standings = request.standings
        guard !standings.isEmpty else { return }
        try line("\\section*{\(text.escape(words.standings))}")
        try line("\\begin{longtable}{@{}R{0.1\\linewidth}R{0.08\\linewidth}P{0.5\\linewidth}R{0.25\\linewidth}@{}}")
        try line("\\toprule")
        let header = [words.rank, words.number, words.nominee, words.total].map { "\\textbf{\(text.escape($0))}" }
        try line(header.joined(separator: " & ") + "\\\\")
        try line("\\midrule")
        try line("\\endhead")
        try line("\\bottomrule")
        try line("\\endlastfoot")
        for entry in standings.ranked {
            let nominee = edition.nominees[entry.nomineeIndex]
            var cells = [String(entry.rank), String(nominee.number), text.escape(nominee.name), NumberText.shortest(entry.total)]
            if nominee.id == edition.verdict.winner { cells = cells.map { "\\textbf{\($0)}" } }
            try line(cells.joined(separator: " & ") + "\\\\")
        }
        for nominee in edition.nominees where standings.entry(for: nominee.id) == nil {
            try line(" & \(nominee.number) & \(text.escape(nominee.name)) & \\\\")
        }
        try line("\\end{longtable}")
        try chart(standings)
    }

    /// A bar chart of the totals, best first.
    private mutating func chart(_ standings: Standings) throws {
        let entries = standings.ranked
        guard entries.count <= Self.maximumChartBars else { return }
        var labels: [String] = []
        var coordinates: [String] = []
        for (index, entry) in entries.enumerated() {
            let nominee = edition.nominees[entry.nomineeIndex]
            labels.append("{" + text.escape(nominee.name) + "}")
            coordinates.append("(\(NumberText.shortest(entry.total)),\(index + 1))")
        }
        let height = max(4, Double(entries.count) * 0.9 + 1.5)
        try line("\\begin{center}")
        try line("\\begin{tikzpicture}")
        try line("\\begin{axis}[")
        try line("  xbar, y dir=reverse, width=0.6\\linewidth, height=\(NumberText.shortest(height))cm,")
        try line("  xmin=\(NumberText.shortest(min(0, edition.scale.min))), xmax=\(NumberText.shortest(edition.scale.max)),")
        try line("  ytick={1,...,\(entries.count)}, enlarge y limits={abs=0.6},")
        try line("  yticklabel style={align=right, text width=0.3\\linewidth, font=\\small},")
        try line("  yticklabels={\(labels.joined(separator: ","))},")
        try line("  bar width=9pt, nodes near coords, nodes near coords style={font=\\small},")
        try line("  xlabel={\(text.escape(words.total))}, axis x line*=bottom, axis y line*=left,")
        try line("]")
        try line("\\addplot[fill=winner!60, draw=winner] coordinates {\(coordinates.joined(separator: " "))};")
        try line("\\end{axis}")
        try line("\\end{tikzpicture}")
        try line("\\end{center}")
    }

    private mutating func verdict() throws {
        let verdict = edition.verdict
        try line("\\section*{\(text.escape(words.verdict))}")
        if let winner = edition.winner {
            try line("\\textbf{\(text.escape(words.winner)):} \(text.escape("\(winner.number). \(winner.name)"))\\par")
        }
        let mentions = verdict.mentions.compactMap(edition.nominee(id:))
        if !mentions.isEmpty {
            let names = mentions.map { "\($0.number). \($0.name)" }.joined(separator: "; ")
            try line("\\textbf{\(text.escape(words.mentions)):} \(text.escape(names))\\par")
        }
        try line("")
        if let rationale = verdict.rationale { try richText(rationale) }
        if let announcement = verdict.announcement {
            try line("\\begin{center}")
            try line("\\fcolorbox{winner}{winnerback}{\\parbox{0.9\\linewidth}{\\centering\\large\\bfseries\\strut \(text.escape(announcement))\\strut}}")
            try line("\\end{center}")
        }
    }

    /// The signature line, then a line to sign on for each member with name and role.
    private mutating func signature() throws {
        try line("\\vspace{2\\baselineskip}")
        try line("\\begin{minipage}{\\linewidth}")
        if let signature = edition.signature {
            try line("\\textit{\(text.escape(signature))}\\par")
            try line("\\vspace{1.5\\baselineskip}")
        }
        for (index, member) in edition.jury.enumerated() {
            if index > 0 { try line(index % 3 == 0 ? "\\par" : "\\hspace{0.035\\linewidth}%") }
            var role = [member.role, member.affiliation].compactMap { $0 }.map { text.escape($0) }.joined(separator: ", ")
            if role.isEmpty { role = "~" }
            try line("\\begin{minipage}[t]{0.31\\linewidth}\\raggedright")
            try line("\\vspace{2.2em}{\\color{rule}\\rule{0.9\\linewidth}{0.4pt}}\\par")
            try line("\(member.chair ? "\\textbf{\(text.escape(member.name))}" : text.escape(member.name))\\par")
            try line("{\\small \(role)}\\par")
            try line("\\end{minipage}%")
        }
        try line("\\end{minipage}")
    }
}

/// URLs for `\href`: everything outside a safe set percent-encoded, so that no character of
/// the URL means anything to TeX.
enum LaTeXURL {
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
        text.escape(url).replacingOccurrences(of: "/", with: "/\\allowbreak{}")
    }
}
