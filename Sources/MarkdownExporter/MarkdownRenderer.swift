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

    /// The title as the one top heading (it names the award and the period), the line above
    /// it and the edition in a line under it, then the facts about the edition as a short
    /// list: theme, organizer, date, website (an autolink).
    private mutating func title(_ title: ReportTitle) throws {
        try document.heading(1, title.title)
        let line = ([title.overline].compactMap { $0 } + title.edition).joined(separator: " · ")
        if !line.isEmpty { try document.paragraph(line) }
        var facts: [String] = []
        func fact(_ label: String, _ markdown: String) { facts.append(strong(label + colon) + " " + markdown) }
        if let theme = title.theme { fact(theme.label, MarkdownText.render(theme.value, atLineStart: false, singleLine: true)) }
        if let organizer = title.organizer { fact(title.labels.organizer, MarkdownText.escape(organizer)) }
        if let date = title.date { fact(title.labels.date, MarkdownText.escape(date)) }
        if let url = title.url { fact(title.labels.website, MarkdownText.render([.link([.text(url)], url: url)], atLineStart: false)) }
        try document.list(markdown: facts)
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
                rows: table.rows.map { row in
                    row.cells.map { cell in
                        let markdown = MarkdownText.render(cell, atLineStart: false, singleLine: true)
                        // The winner's row in bold, as in the PDF and the page.
                        return row.isWinner && !cell.isEmpty ? "**" + markdown + "**" : markdown
                    }
                })
            // The note under it (the scoring method, totals from fewer jurors) in italics.
            if let note = table.note { try document.paragraph(markdown: "*" + MarkdownText.escape(note, atLineStart: false) + "*") }
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
