import Foundation
import JuryReportCore

/// Renders a ``ReportOutline`` as one HTML5 page: how the report looks in a browser, never
/// what it holds.
struct HTMLRenderer {
    let output: TextOutput
    /// Quotes and spacing of the edition, for the page's text (never its addresses).
    var style = ReportStyle()

    /// Literal text as element content, set by the edition's typography.
    private func text(_ literal: String) -> String {
        HTMLText.escape(style.typography.apply(literal))
    }

    /// Rich text as HTML, set by the edition's typography.
    private func rich(_ nodes: [Inline]) -> String {
        HTMLText.render(style.typography.apply(nodes))
    }

    func render(_ outline: ReportOutline) throws {
        try head(outline.metadata)
        try output.write("<body>\n<article>\n")
        try title(outline.title)
        for block in outline.blocks { try render(block) }
        try output.write("</article>\n</body>\n</html>\n")
    }

    private func line(_ html: String) throws {
        try output.write(html + "\n")
    }

    /// The head: language, metadata, a policy that lets nothing but the inline stylesheet
    /// load (no script, no font, no image, no request), the stylesheet.
    private func head(_ metadata: ReportMetadata) throws {
        let author = metadata.author.map { "\n<meta name=\"author\" content=\"\(HTMLText.attribute($0))\">" } ?? ""
        let subject = metadata.subject.map { "\n<meta name=\"description\" content=\"\(HTMLText.attribute($0))\">" } ?? ""
        try output.write("""
            <!DOCTYPE html>
            <html lang="\(HTMLText.attribute(metadata.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'\(style.branding.logo.map { $0.kind == .pdf ? "" : "; img-src data:" } ?? "")">
            <title>\(text(metadata.title))</title>\(author)\(subject)
            <meta name="generator" content="juryreport">
            <style>
            \(HTMLStyle.css)\(Self.accentCSS(style.branding))
            </style>
            </head>

            """)
    }

    private func title(_ title: ReportTitle) throws {
        try line("<header class=\"title-block\">")
        // The logo, inline (the page loads nothing): a PNG or JPEG; a PDF logo cannot be an image here.
        if let logo = style.branding.logo, logo.kind != .pdf {
            try line("<img class=\"logo\" src=\"data:\(logo.kind.mediaType);base64,\(Data(logo.bytes).base64EncodedString())\" alt=\"\(HTMLText.attribute(style.logoDescription))\">")
        }
        try line("<p class=\"award\">\(text(title.award))</p>")
        try line("<h1>\(text(title.title))</h1>")
        if !title.edition.isEmpty { try line("<p class=\"edition\">\(text(title.edition.joined(separator: " · ")))</p>") }
        if let theme = title.theme {
            try line("<p class=\"theme\">\(text(theme.label + style.colon)) \(rich(theme.value))</p>")
        }
        if let organizer = title.organizer { try line("<p class=\"organizer\">\(text(organizer))</p>") }
        if let url = title.url { try line("<p class=\"website\">\(rich([.link([.text(url)], url: url)]))</p>") }
        if let date = title.date {
            let machine = title.isoDate.map { " datetime=\"\(HTMLText.attribute($0))\"" } ?? ""
            try line("<p class=\"date\"><time\(machine)>\(text(date))</time></p>")
        }
        try line("</header>")
    }

    /// The house colour over the stylesheet's (headings, the winner's box and rows) and the logo's place.
    static func accentCSS(_ branding: Branding) -> String {
        var css = ""
        if let accent = branding.accent, let back = branding.accentTint(0.14) {
            css += "\n:root { --winner: \(accent); --winner-back: \(back); }\nh1, h2, h3 { color: \(accent); }"
        }
        if branding.logo != nil { css += "\nimg.logo { display: block; max-height: 5rem; max-width: 50%; margin: 0 auto 1rem; }" }
        return css
    }

    /// `heading`: that of the section the block stands in.
    private func render(_ block: ReportBlock, under heading: String? = nil) throws {
        switch block {
        case .section(let section):
            try self.section(section)
        case .paragraph(let nodes):
            try line("<p>\(rich(nodes))</p>")
        case .summary(let summary):
            try line("<p class=\"summary\">\(text(summary))</p>")
        case .distinction(let distinction):
            let kind = distinction.kind == .winner ? "winner" : "mention"
            try line("<p class=\"distinction \(kind)\">\(text(distinction.label))</p>")
        case .details(let details):
            try line("<dl class=\"details\">")
            for detail in details {
                try line("<dt>\(text(detail.label))</dt><dd>\(rich(detail.value))</dd>")
            }
            try line("</dl>")
        case .table(let table):
            try self.table(table, under: heading)
        case .chart(let chart):
            try self.chart(chart)
        case .announcement(let announcement):
            try line("<p class=\"announcement\">\(text(announcement))</p>")
        case .signatures(let signatures):
            try self.signatures(signatures)
        }
    }

    private func section(_ section: ReportSection) throws {
        var classes: [String] = []
        if case .nominee(let distinction) = section.kind {
            classes.append("nominee")
            switch distinction {
            case .winner: classes.append("winner")
            case .mention: classes.append("mention")
            case nil: break
            }
        }
        let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        let level = section.level + 1
        if let heading = section.heading {
            let headingID = "\(section.anchor)-heading"
            try line("<section id=\"\(section.anchor)\"\(classAttribute) aria-labelledby=\"\(headingID)\">")
            try line("<h\(level) id=\"\(headingID)\">\(text(heading))</h\(level)>")
        } else {
            try line("<section id=\"\(section.anchor)\"\(classAttribute)>")
        }
        for block in section.blocks { try render(block, under: section.heading) }
        try line("</section>")
    }

    /// The column whose cell names its row: read out before each cell by screen readers.
    private func rowHeaderColumn(_ kind: ReportTable.Kind) -> Int {
        switch kind {
        case .criteria, .keyFigures, .recusals: return 0
        case .standings: return 2
        }
    }

    /// A table with its caption, which is read out but not shown when the heading above
    /// already says the same.
    private func table(_ table: ReportTable, under heading: String?) throws {
        let rowHeader = rowHeaderColumn(table.kind)
        func alignment(_ column: Int) -> String {
            table.columns[column].alignment == .trailing ? " class=\"number\"" : ""
        }
        try line("<div class=\"table-scroll\">")
        try line("<table>")
        let hidden = table.caption == heading ? " class=\"visually-hidden\"" : ""
        try line("<caption\(hidden)>\(text(table.caption))</caption>")
        let headers = table.columns.indices.map { "<th scope=\"col\"\(alignment($0))>\(text(table.columns[$0].header))</th>" }
        try line("<thead><tr>\(headers.joined())</tr></thead>")
        try line("<tbody>")
        for row in table.rows {
            let cells = row.cells.indices.map { column -> String in
                let content = rich(row.cells[column])
                return column == rowHeader
                    ? "<th scope=\"row\"\(alignment(column))>\(content)</th>" : "<td\(alignment(column))>\(content)</td>"
            }
            try line("<tr\(row.isWinner ? " class=\"winner\"" : "")>\(cells.joined())</tr>")
        }
        try line("</tbody>")
        try line("</table>")
        try line("</div>")
    }

    /// Bars as `meter` elements: drawn by the browser, read out as values, no script.
    private func chart(_ chart: ReportChart) throws {
        guard !chart.bars.isEmpty else { return }
        let minimum = NumberText.shortest(chart.minimum)
        let maximum = NumberText.shortest(chart.maximum)
        try line("<figure class=\"chart\">")
        try line("<figcaption>\(text(chart.valueLabel))</figcaption>")
        try line("<ol>")
        for bar in chart.bars {
            // The meter's value is for machines; what it shows, as the report writes it.
            let value = NumberText.shortest(bar.value)
            let shown = text(bar.valueText)
            try line(
                "<li\(bar.isWinner ? " class=\"winner\"" : "")><span class=\"bar-label\">\(text(bar.label))</span>"
                    + "<meter min=\"\(minimum)\" max=\"\(maximum)\" value=\"\(value)\">\(shown)</meter>"
                    + "<span class=\"value\">\(shown)</span></li>")
        }
        try line("</ol>")
        try line("</figure>")
    }

    private func signatures(_ signatures: ReportSignatures) throws {
        try line("<section id=\"jury\" aria-labelledby=\"jury-heading\">")
        try line("<h2 id=\"jury-heading\">\(text(signatures.line ?? signatures.heading))</h2>")
        if let placeAndDate = signatures.placeAndDate { try line("<p class=\"place-date\">\(text(placeAndDate))</p>") }
        try line("<ul class=\"signers\">")
        for signer in signatures.signers {
            let role = signer.details.isEmpty ? "" : "<span class=\"role\">\(text(signer.details.joined(separator: ", ")))</span>"
            try line("<li\(signer.isChair ? " class=\"chair\"" : "")><span class=\"name\">\(text(signer.name))</span>\(role)</li>")
        }
        try line("</ul>")
        try line("</section>")
    }
}
