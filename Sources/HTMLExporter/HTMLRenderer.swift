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
        try head(outline.metadata, title: outline.title)
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
    private func head(_ metadata: ReportMetadata, title: ReportTitle) throws {
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
            \(HTMLStyle.css)\(Self.accentCSS(style.branding))\(Self.printedPageCSS(title))
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
        if let overline = title.overline { try line("<p class=\"award\">\(text(overline))</p>") }
        try line("<h1>\(Self.unbrokenYearRanges(text(title.title)))</h1>")
        if !title.edition.isEmpty {
            try line("<p class=\"edition\">\(Self.unbrokenYearRanges(text(title.edition.joined(separator: " · "))))</p>")
        }
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

    /// Announcements longer than this (about a line of the column) are set as paragraphs.
    static let longestCentredAnnouncement = 90

    /// Escaped text whose year ranges (`2019-2020`) cannot break at their hyphen.
    static func unbrokenYearRanges(_ escaped: String) -> String {
        YearRanges.replacing(in: escaped) { "<span class=\"nowrap\">\($0)</span>" }
    }

    /// The printed page's running title (award, edition) and page numbers, in the page's
    /// margin boxes.
    static func printedPageCSS(_ title: ReportTitle) -> String {
        let award = HTMLText.cssString(title.award)
        let edition = HTMLText.cssString(title.runningEdition.joined(separator: " · "))
        return """

            @page { @top-left { content: \(award); } @top-right { content: \(edition); }
              @bottom-center { content: counter(page) " / " counter(pages); } }
            """
    }

    /// The house colour over the stylesheet's (the report's headings, the winner's box, rows
    /// and heading, links) and the logo's place. Other nominees' headings keep the ink, so
    /// the winner stays apart.
    static func accentCSS(_ branding: Branding) -> String {
        var css = ""
        if let accent = branding.accent, let back = branding.accentTint(0.14) {
            css += "\n:root { --winner: \(accent); --winner-back: \(back); --link: \(accent); }\nh1, h2 { color: \(accent); }"
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
            // One line is centred and bold; longer text is set as a paragraph in the box.
            let long = announcement.count > Self.longestCentredAnnouncement ? " long" : ""
            try line("<p class=\"announcement\(long)\">\(text(announcement))</p>")
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

    /// A table with its caption, which is read out but not shown when the heading above or
    /// the columns' headers already say it (a nominee's key figures). The column the outline
    /// names as the row's header is marked so, for screen readers.
    private func table(_ table: ReportTable, under heading: String?) throws {
        func alignment(_ column: Int) -> String {
            table.columns[column].alignment == .trailing ? " class=\"number\"" : ""
        }
        try line("<div class=\"table-scroll\">")
        // A table longer than a page may break over pages, its head repeated.
        try line(table.mayRunOverPages ? "<table class=\"long\">" : "<table>")
        let hidden = table.caption == heading || table.kind == .keyFigures || table.kind == .archive ? " class=\"visually-hidden\"" : ""
        try line("<caption\(hidden)>\(text(table.caption))</caption>")
        let headers = table.columns.indices.map { "<th scope=\"col\"\(alignment($0))>\(text(table.columns[$0].header))</th>" }
        try line("<thead><tr>\(headers.joined())</tr></thead>")
        try line("<tbody>")
        for row in table.rows {
            let cells = row.cells.enumerated().map { column, cell -> String in
                // An archive's periods (2019-2020) never break at their hyphen.
                let content = table.kind == .archive && column == 2 ? Self.unbrokenYearRanges(rich(cell)) : rich(cell)
                let side = table.alignment(row: row, column: column) == .trailing ? " class=\"number\"" : ""
                return column == table.rowHeader
                    ? "<th scope=\"row\"\(side)>\(content)</th>" : "<td\(side)>\(content)</td>"
            }
            try line("<tr\(row.isWinner ? " class=\"winner\"" : "")>\(cells.joined())</tr>")
        }
        try line("</tbody>")
        try line("</table>")
        try line("</div>")
        if let note = table.note { try line("<p class=\"table-note\">\(text(note))</p>") }
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
