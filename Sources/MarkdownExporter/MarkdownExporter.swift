import JuryReportCore

/// The whole report as CommonMark with GFM pipe tables, for a website.
///
/// Every value is escaped so that a CommonMark reader shows exactly the text of the
/// edition; inline markup in text fields becomes Markdown emphasis and links.
public struct MarkdownExporter: Exporter {
    public let format = ExportFormat(
        name: "markdown", aliases: ["md"], fileSuffixes: [".md"],
        summary: "the whole report as CommonMark with GFM pipe tables",
        writesOneTextFile: true)

    public init() {}

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        try sink.writeFile(suffix: ".md") { output in
            var writer = MarkdownReportWriter(request: request, document: MarkdownDocument(output: output))
            try writer.write()
        }
    }
}

/// The report's parts in order: title, edition line, sections, criteria, nominees,
/// standings, analysis, verdict, signature and jury.
private struct MarkdownReportWriter {
    let request: ExportRequest
    var document: MarkdownDocument

    private var edition: Edition { request.edition }
    private var words: Vocabulary { request.vocabulary }

    mutating func write() throws {
        try document.heading(1, edition.details.title)
        try editionLine()
        for section in edition.sections { try textSection(section) }
        try criteria()
        try document.heading(2, words.nominees)
        for nominee in edition.nominees { try self.nominee(nominee) }
        try standings()
        for section in edition.analysis { try textSection(section) }
        try verdict()
        try jury()
    }

    private mutating func editionLine() throws {
        let details = edition.details
        var parts = [edition.award.name]
        if let number = details.number { parts.append(words.editionNumber(number)) }
        if let period = details.period { parts.append(period) }
        if let theme = details.theme { parts.append("\(words.theme): \(theme)") }
        if let date = details.date { parts.append(date.description) }
        try document.paragraph(parts.joined(separator: " · "))
    }

    private mutating func textSection(_ section: TextSection) throws {
        if let heading = section.heading { try document.heading(2, heading) }
        try document.richText(section.body)
    }

    private mutating func criteria() throws {
        guard !edition.criteria.isEmpty else { return }
        try document.heading(2, words.criteria)
        try document.list(markdown: edition.criteria.map { criterion in
            var item = "**" + MarkdownText.escape(criterion.name) + "**"
            item += " " + MarkdownText.escape("(\(words.weight.lowercased()) \(NumberText.shortest(criterion.weight)))")
            if let description = criterion.description {
                // One item per criterion: paragraphs of the description joined by line breaks.
                let text = description.paragraphs.map(MarkdownText.render).joined(separator: " ")
                item += ": " + text.replacingNewlines()
            }
            return item
        })
    }

    private mutating func nominee(_ nominee: Nominee) throws {
        try document.heading(3, "\(nominee.number). \(nominee.name)")
        if nominee.id == edition.verdict.winner {
            try document.paragraph(markdown: "**" + MarkdownText.escape(words.winner) + "**")
        } else if edition.verdict.mentions.contains(nominee.id) {
            try document.paragraph(markdown: "**" + MarkdownText.escape(words.mention) + "**")
        }
        if let summary = nominee.summary { try document.paragraph(summary) }
        var details: [String] = []
        func add(_ label: String, _ value: String?) {
            guard let value else { return }
            details.append("**" + MarkdownText.escape(label + ":") + "** " + MarkdownText.escape(value))
        }
        add(words.lead, nominee.lead)
        add(words.location, nominee.location)
        add(words.sector, nominee.sector)
        add(words.partners, nominee.partners.isEmpty ? nil : nominee.partners.joined(separator: ", "))
        if let url = nominee.url {
            details.append(
                "**" + MarkdownText.escape(words.website + ":") + "** ["
                    + MarkdownText.escape(url) + "](" + MarkdownText.destination(url) + ")")
        }
        try document.list(markdown: details)
        if !nominee.facts.isEmpty {
            try document.table(
                header: [words.figure, words.value], alignments: [.left, .right],
                rows: nominee.facts.map { [$0.label, $0.value.description] })
        }
        if let body = nominee.body { try document.richText(body) }
    }

    private mutating func standings() throws {
        guard !request.standings.isEmpty else { return }
        try document.heading(2, words.standings)
        var rows: [[String]] = request.standings.ranked.map { entry in
            let nominee = edition.nominees[entry.nomineeIndex]
            return [String(entry.rank), String(nominee.number), nominee.name, NumberText.shortest(entry.total)]
        }
        for nominee in edition.nominees where request.standings.entry(for: nominee.id) == nil {
            rows.append(["", String(nominee.number), nominee.name, ""])
        }
        try document.table(
            header: [words.rank, words.number, words.nominee, words.total],
            alignments: [.right, .right, .left, .right], rows: rows)
    }

    private mutating func verdict() throws {
        let verdict = edition.verdict
        try document.heading(2, words.verdict)
        if let winner = edition.winner {
            try document.paragraph(markdown:
                "**" + MarkdownText.escape(words.winner + ":") + "** " + MarkdownText.escape("\(winner.number). \(winner.name)"))
        }
        let mentions = verdict.mentions.compactMap(edition.nominee(id:))
        if !mentions.isEmpty {
            let names = mentions.map { "\($0.number). \($0.name)" }.joined(separator: "; ")
            try document.paragraph(markdown:
                "**" + MarkdownText.escape(words.mentions + ":") + "** " + MarkdownText.escape(names))
        }
        if let rationale = verdict.rationale { try document.richText(rationale) }
        if let announcement = verdict.announcement {
            try document.paragraph(markdown: "**" + MarkdownText.escape(announcement) + "**")
        }
    }

    private mutating func jury() throws {
        try document.heading(2, edition.signature ?? words.jury)
        let names = edition.jury.map { member -> String in
            let details = [member.role, member.affiliation].compactMap { $0 }
            return details.isEmpty ? member.name : "\(member.name) (\(details.joined(separator: ", ")))"
        }
        try document.paragraph(names.joined(separator: ", "))
    }
}

extension String {
    /// Soft breaks of rendered rich text as spaces, for places that must stay on one line.
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" ? " " : $0 })
    }
}
