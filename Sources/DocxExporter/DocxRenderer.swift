import JuryReportCore

/// Renders a ``ReportOutline`` as the body of a Word document (`word/document.xml`): Word's
/// own structure, never formatted runs standing in for it. Headings are Heading 1 and 2,
/// text is in paragraph styles, tables are Word tables with a header row that repeats and
/// rows that do not break, links are hyperlink relationships. How the report looks, never
/// what it holds.
struct DocxRenderer {
    let outline: ReportOutline
    private var style: ReportStyle { outline.style }
    /// The body's XML, piece by piece.
    private(set) var body: [String] = []
    /// External link targets, in order of first use: relationship `rIdLinkN` is the N-th.
    private(set) var links: [String] = []
    /// Each target's number among `links`, to find one again at once.
    private var linkNumbers: [String: Int] = [:]

    /// Twentieths of a point across the text block (the page less its margins).
    let textWidth: Int
    /// Heading and note text longer than this is cut with an ellipsis where Word keeps it on
    /// one line (a chart's bar label); everywhere else text stands whole.
    static let longestBarLabel = 80
    /// Announcements up to this many characters are centred and bold; longer ones a paragraph.
    static let longestCentredAnnouncement = 90

    init(outline: ReportOutline, textWidth: Int) {
        self.outline = outline
        self.textWidth = textWidth
    }

    mutating func render() {
        title(outline.title)
        for block in outline.blocks { render(block) }
    }

    // MARK: Text

    /// Literal text as runs, set by the edition's typography; `properties` is a run's `<w:rPr>` content.
    private func runs(_ literal: String, properties: String = "") -> String {
        Self.runs(style.typography.apply(literal), properties: properties)
    }

    /// `text` as runs: tabs and line breaks as Word's own, the rest in `<w:t>`.
    static func runs(_ text: String, properties: String = "") -> String {
        let rPr = DocxXML.runProperties(properties)
        // Most text has no tab or line break: one run, without walking its characters.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            return text.isEmpty ? "" : "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(DocxXML.escaped(text))</w:t></w:r>"
        }
        var result = ""
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            result += "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(DocxXML.escaped(pending))</w:t></w:r>"
            pending = ""
        }
        for character in text {
            switch character {
            case "\t": flush(); result += "<w:r>\(rPr)<w:tab/></w:r>"
            case "\n", "\r\n": flush(); result += "<w:r>\(rPr)<w:br/></w:r>"
            default: pending.append(character)
            }
        }
        flush()
        return result
    }

    /// Rich text as runs: emphasis and strong as character formatting, links as hyperlinks.
    private mutating func rich(_ nodes: [Inline], properties: String = "") -> String {
        var result = ""
        for node in style.typography.apply(nodes) {
            switch node {
            case .text(let text): result += Self.runs(text, properties: properties)
            case .softBreak: result += Self.runs(" ", properties: properties)
            case .emphasis(let inner): result += rich(inner, properties: properties + "<w:i/>")
            case .strong(let inner): result += rich(inner, properties: properties + "<w:b/>")
            case .link(let inner, let url):
                guard Inline.isSafeLinkTarget(url) else {
                    result += rich(inner, properties: properties)
                    continue
                }
                let number = linkNumbers[url] ?? {
                    links.append(url)
                    linkNumbers[url] = links.count
                    return links.count
                }()
                result += "<w:hyperlink r:id=\"rIdLink\(number)\" w:history=\"1\">"
                    + rich(inner, properties: "<w:rStyle w:val=\"Hyperlink\"/>" + properties) + "</w:hyperlink>"
            }
        }
        return result
    }


    /// A paragraph of `style` holding `content` (runs); `properties` more of its `<w:pPr>`.
    private mutating func paragraph(_ style: String, _ content: String, properties: String = "") {
        // Text right under a table keeps a little room from its rule.
        let spacing = body.last?.hasPrefix("<w:tbl>") == true ? "<w:spacing w:before=\"160\"/>" : ""
        body.append("<w:p>" + DocxXML.paragraphProperties("<w:pStyle w:val=\"\(style)\"/>" + properties + spacing) + content + "</w:p>")
    }

    // MARK: Blocks

    private mutating func title(_ title: ReportTitle) {
        if let overline = title.overline { paragraph("Overline", runs(overline)) }
        paragraph("Title", runs(title.title))
        if !title.edition.isEmpty { paragraph("Subtitle", runs(title.edition.joined(separator: " · "))) }
        if let theme = title.theme {
            paragraph("TitleFact", runs(theme.label + style.colon + " ") + rich(theme.value), properties: "")
        }
        if let organizer = title.organizer { paragraph("TitleFact", runs(organizer)) }
        if let url = title.url { paragraph("TitleFact", rich([.link([.text(url)], url: url)])) }
        if let date = title.date { paragraph("TitleFact", runs(date)) }
    }

    private mutating func render(_ block: ReportBlock) {
        switch block {
        case .section(let section): self.section(section)
        case .paragraph(let nodes): paragraph("BodyText", rich(nodes))
        case .summary(let text): paragraph("Lead", runs(text))
        case .distinction(let distinction):
            paragraph(distinction.kind == .winner ? "Winner" : "Mention", runs(distinction.label))
        case .details(let details): self.details(details)
        case .table(let table): self.table(table)
        case .chart(let chart): self.chart(chart)
        case .announcement(let text):
            paragraph(text.count <= Self.longestCentredAnnouncement ? "Announcement" : "AnnouncementLong", runs(text))
        case .signatures(let signatures): self.signatures(signatures)
        }
    }

    private mutating func section(_ section: ReportSection) {
        if let heading = section.heading {
            // The winner's heading is a heading like the others, its text in the winner's colour.
            let isWinner = section.kind == .nominee(.winner)
            // A bookmark per part, named by its anchor, for links and the navigation pane.
            let id = body.count
            let name = "_" + String(section.anchor.prefix(39))
            paragraph(
                section.level == 1 ? "Heading1" : "Heading2",
                "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(DocxXML.escaped(name, attribute: true))\"/>"
                    + runs(heading, properties: isWinner ? "<w:rStyle w:val=\"WinnerHeading\"/>" : "") + "<w:bookmarkEnd w:id=\"\(id)\"/>")
        }
        for (index, block) in section.blocks.enumerated() {
            // The verdict's last lines stay with the announcement below them.
            if index + 1 < section.blocks.count, case .announcement = section.blocks[index + 1], case .paragraph(let nodes) = block {
                paragraph("BodyText", rich(nodes), properties: "<w:keepNext/>")
            } else {
                render(block)
            }
        }
    }

    /// Label and value, a line each: the label bold, the value after a tab stop.
    private mutating func details(_ details: [ReportDetail]) {
        for (index, detail) in details.enumerated() {
            // The lines keep together, and with what follows them.
            let keep = index + 1 < details.count ? "<w:keepNext/>" : ""
            paragraph(
                "Details", runs(detail.label + style.colon, properties: "<w:b/>") + "<w:r><w:tab/></w:r>" + rich(detail.value),
                properties: keep)
        }
    }

    /// A table: its caption above (kept with it), the header row repeated on every page,
    /// no row broken over pages, numbers right, the winner's row bold.
    private mutating func table(_ table: ReportTable) {
        // No caption: as in the PDF, the section's heading and the column headers say what
        // the table holds.
        let widths = columnWidths(table)
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        // Short tables keep together: every paragraph but the last row's keeps with the next.
        let keep = !table.mayRunOverPages
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for column in table.columns {
            xml += cell(runs(column.header, properties: "<w:b/>"), alignment: column.alignment, keep: true)
        }
        xml += "</w:tr>"
        for (rowIndex, row) in table.rows.enumerated() {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            let last = rowIndex == table.rows.count - 1
            for (column, content) in row.cells.enumerated() {
                xml += cell(rich(content, properties: row.isWinner ? "<w:b/>" : ""), alignment: table.alignment(row: row, column: column), keep: keep && !last)
            }
            xml += "</w:tr>"
        }
        body.append(xml + "</w:tbl>")
        if let note = table.note { paragraph("TableNote", runs(note)) }
    }

    /// Each column as wide as its longest text asks, between 4 and 40 characters' worth, the
    /// whole as wide as the text block: a rank column stays narrow, a name column wide.
    func columnWidths(_ table: ReportTable) -> [Int] {
        let rowTexts = table.rows.map { $0.cells.map(Inline.plainText(of:)) }
        let texts = table.columns.indices.map { column in
            [table.columns[column].header] + rowTexts.map { column < $0.count ? $0[column] : "" }
        }
        // Two characters' worth more for the cell's margins.
        let longest = texts.map { min(max($0.map(\.count).max() ?? 0, 4), 40) + 2 }
        // Each column at least as wide as its longest word (no word broken inside), within the
        // longest line; the rest of the width shared by what each needs beyond that.
        let words = texts.map { min($0.flatMap { $0.split(whereSeparator: \.isWhitespace).map(\.count) }.max() ?? 0, 20) + 2 }
        let least = zip(words, longest).map { min($0, $1) }
        let total = max(longest.reduce(0, +), 1)
        // A character of the body text (bold in the header) is about 130 twips wide, margins
        // aside (a twip: a twentieth of a point).
        let leastWidth = least.reduce(0, +) * Self.characterWidth
        // A table whose longest lines fit is set by them; one whose words alone overfill the
        // block, by its words.
        guard total * Self.characterWidth > textWidth else { return longest.map { textWidth * $0 / total } }
        guard leastWidth < textWidth else { return least.map { textWidth * $0 / max(least.reduce(0, +), 1) } }
        let spare = textWidth - leastWidth
        let wants = zip(longest, least).map { $0 - $1 }
        let wanted = max(wants.reduce(0, +), 1)
        return zip(least, wants).map { $0 * Self.characterWidth + spare * $1 / wanted }
    }

    /// About one character of the body text, bold, in twips.
    static let characterWidth = 130

    private func cell(_ content: String, alignment: ReportTable.Column.Alignment, keep: Bool) -> String {
        let jc = alignment == .trailing ? "<w:jc w:val=\"right\"/>" : ""
        let next = keep ? "<w:keepNext/>" : ""
        return "<w:tc><w:p>" + DocxXML.paragraphProperties("<w:pStyle w:val=\"TableText\"/>" + next + jc) + content + "</w:p></w:tc>"
    }

    /// The chart as a table whose bars are shaded cells: a bar spans as many of
    /// ``chartSteps`` narrow columns as its value's share of the axis, so it shows in every
    /// Word and LibreOffice, with no chart part to render.
    static let chartSteps = 40
    static let maximumChartBars = 400

    private mutating func chart(_ chart: ReportChart) {
        guard chart.bars.count <= Self.maximumChartBars else {
            paragraph("TableNote", runs(chart.leftOutNote))
            return
        }
        paragraph("Caption", runs(chart.valueLabel), properties: "<w:keepNext/>")
        let labelWidth = 3_000
        let valueWidth = 900
        let step = (textWidth - labelWidth - valueWidth) / Self.chartSteps
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(labelWidth + valueWidth + step * Self.chartSteps)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
        xml += "<w:gridCol w:w=\"\(labelWidth)\"/>" + String(repeating: "<w:gridCol w:w=\"\(step)\"/>", count: Self.chartSteps)
            + "<w:gridCol w:w=\"\(valueWidth)\"/></w:tblGrid>"
        let span = max(chart.maximum - chart.minimum, 1e-9)
        let winnerFill = style.branding.accentTint(0.6).map { String($0.dropFirst()) } ?? "66A066"
        let fill = style.branding.accentTint(0.35).map { String($0.dropFirst()) } ?? "A9C8A9"
        for (index, bar) in chart.bars.enumerated() {
            let keep = index + 1 < chart.bars.count && chart.bars.count <= ReportTable.longestWholeTable
            let next = keep ? "<w:keepNext/>" : ""
            let steps = min(max(Int(((bar.value - chart.minimum) / span * Double(Self.chartSteps)).rounded()), 0), Self.chartSteps)
            let label = bar.label.count > Self.longestBarLabel ? String(bar.label.prefix(Self.longestBarLabel)) + "…" : bar.label
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(labelWidth)\" w:type=\"dxa\"/></w:tcPr><w:p>" + DocxXML.paragraphProperties("<w:pStyle w:val=\"TableText\"/>\(next)<w:jc w:val=\"right\"/><w:ind w:right=\"120\"/>") + "\(runs(label))</w:p></w:tc>"
            if steps > 0 {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(step * steps)\" w:type=\"dxa\"/><w:gridSpan w:val=\"\(steps)\"/>"
                    + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(bar.isWinner ? winnerFill : fill)\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(next)</w:pPr></w:p></w:tc>"
            }
            if steps < Self.chartSteps {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(step * (Self.chartSteps - steps))\" w:type=\"dxa\"/><w:gridSpan w:val=\"\(Self.chartSteps - steps)\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(next)</w:pPr></w:p></w:tc>"
            }
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(valueWidth)\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(next)<w:ind w:left=\"80\"/></w:pPr>\(runs(bar.valueText))</w:p></w:tc></w:tr>"
        }
        body.append(xml + "</w:tbl>")
    }

    /// The closing: the signature line, place and date, and a grid of lines to sign on,
    /// three a row, all kept on one page with what comes before the block's heading.
    private mutating func signatures(_ signatures: ReportSignatures) {
        paragraph("Heading1", runs(signatures.heading))
        if let line = signatures.line { paragraph("SignatureLine", runs(line), properties: "<w:keepNext/>") }
        if let placeAndDate = signatures.placeAndDate { paragraph("SignatureLine", runs(placeAndDate), properties: "<w:keepNext/>") }
        let columns = 3
        let width = textWidth / columns
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(width * columns)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            + String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>"
        let rows = stride(from: 0, to: signatures.signers.count, by: columns).map { Array(signatures.signers[$0..<min($0 + columns, signatures.signers.count)]) }
        for (rowIndex, row) in rows.enumerated() {
            let keep = rowIndex + 1 < rows.count ? "<w:keepNext/>" : ""
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for column in 0..<columns {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                if column < row.count {
                    let signer = row[column]
                    // Room to sign, then the line, the name and the details.
                    xml += "<w:p><w:pPr><w:pStyle w:val=\"SignatureSpace\"/><w:keepNext/></w:pPr></w:p>"
                    xml += "<w:p><w:pPr><w:pStyle w:val=\"SignatureName\"/><w:keepNext/></w:pPr>\(runs(signer.name))</w:p>"
                    for detail in signer.details {
                        xml += "<w:p><w:pPr><w:pStyle w:val=\"SignatureDetail\"/><w:keepNext/></w:pPr>\(runs(detail))</w:p>"
                    }
                    xml += "<w:p><w:pPr><w:pStyle w:val=\"SignatureDetail\"/>\(keep)</w:pPr></w:p>"
                } else {
                    xml += "<w:p><w:pPr><w:pStyle w:val=\"SignatureDetail\"/>\(keep)</w:pPr></w:p>"
                }
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        body.append(xml + "</w:tbl>")
    }
}
