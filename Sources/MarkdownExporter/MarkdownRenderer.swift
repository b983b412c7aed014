import JuryReportCore

/// Renders a ``ReportOutline`` as Markdown: how the report looks on a website, never what it
/// holds.
struct MarkdownRenderer {
    var document: MarkdownDocument
    /// What follows a label, in the edition's language.
    var colon = ":"

    mutating func render(_ outline: ReportOutline) throws {
        colon = outline.style.colon
        try title(outline.title)
        for block in outline.blocks { try render(block) }
    }

    /// The title as the one top heading, then a line: award · edition · theme · organizer ·
    /// date · website.
    private mutating func title(_ title: ReportTitle) throws {
        try document.heading(1, title.title)
        var parts = [title.award] + title.edition
        if let theme = title.theme { parts.append("\(theme.label)\(colon) \(Inline.plainText(of: theme.value))") }
        if let organizer = title.organizer { parts.append(organizer) }
        if let date = title.date { parts.append(date) }
        var line = MarkdownText.escape(parts.joined(separator: " · "), atLineStart: true)
        if let url = title.url { line += " · " + MarkdownText.render([.link([.text(url)], url: url)]) }
        try document.paragraph(markdown: line)
    }

    private mutating func render(_ block: ReportBlock) throws {
        switch block {
        case .section(let section):
            if let heading = section.heading { try document.heading(section.level + 1, heading) }
            for block in section.blocks { try render(block) }
        case .paragraph(let nodes):
            try document.paragraph(markdown: MarkdownText.render(nodes))
        case .summary(let text):
            try document.paragraph(text)
        case .distinction(let distinction):
            try document.paragraph(markdown: strong(distinction.label))
        case .details(let details):
            try document.list(markdown: details.map { detail in
                strong(detail.label + colon) + " " + MarkdownText.render(detail.value, atLineStart: false, singleLine: true)
            })
        case .table(let table):
            try document.table(
                header: table.columns.map { MarkdownText.escape($0.header) },
                alignments: table.columns.map { $0.alignment == .trailing ? .right : .left },
                rows: table.rows.map { row in row.cells.map { MarkdownText.render($0, atLineStart: false, singleLine: true) } })
        case .chart:
            // A chart is not text; its numbers are in the standings table above it.
            break
        case .announcement(let text):
            try document.paragraph(markdown: strong(text))
        case .signatures(let signatures):
            try document.heading(2, signatures.line ?? signatures.heading)
            if let placeAndDate = signatures.placeAndDate { try document.paragraph(placeAndDate) }
            let names = signatures.signers.map { signer in
                signer.details.isEmpty ? signer.name : "\(signer.name) (\(signer.details.joined(separator: ", ")))"
            }
            try document.paragraph(names.joined(separator: ", "))
        }
    }

    private func strong(_ text: String) -> String {
        "**" + MarkdownText.escape(text) + "**"
    }
}
