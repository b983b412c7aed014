extension ReportOutline {
    /// The outline of an edition's report: title block, sections, criteria, the nominees
    /// (each with its distinction, details, key figures and text), the standings and their
    /// chart when scored, the analysis, the verdict with its announcement, the signatures.
    public init(edition: Edition, standings: Standings, references: EditionReferences, vocabulary words: Vocabulary) {
        let builder = ReportOutlineBuilder(edition: edition, standings: standings, references: references, words: words)
        self.init(
            metadata: builder.metadata(), title: builder.title(), blocks: builder.blocks(),
            style: ReportStyle(
                typography: Typography(edition), colon: words.labels[.colon], branding: edition.branding,
                logoDescription: edition.award.organizer ?? edition.award.name))
    }
}

/// Makes the parts of an outline; the one place that decides what a report holds.
private struct ReportOutlineBuilder {
    let edition: Edition
    let standings: Standings
    let references: EditionReferences
    let words: Vocabulary
    /// The columns of every key-figure table, made once (an outline may hold 100,000).
    let keyFigureColumns: [ReportTable.Column]

    init(edition: Edition, standings: Standings, references: EditionReferences, words: Vocabulary) {
        self.edition = edition
        self.standings = standings
        self.references = references
        self.words = words
        keyFigureColumns = [.init(header: words.figure, alignment: .leading), .init(header: words.value, alignment: .trailing)]
    }

    func metadata() -> ReportMetadata {
        ReportMetadata(
            // The report's name alone (the default title) does not stand alone in a window.
            title: words.documentTitle(of: edition),
            author: references.chair.map { edition.jury[$0].name } ?? edition.award.organizer,
            subject: edition.details.theme, language: edition.details.language, baseName: edition.baseName)
    }

    func title() -> ReportTitle {
        let details = edition.details
        let award = edition.award.name
        let period = details.period ?? String(details.year)
        // Without a title of its own the report is titled by what it is about, the award
        // and the period, under the report's name.
        let hasOwnTitle = details.title != words.defaultTitle
        let title = hasOwnTitle ? details.title : "\(award) \(period)"
        let overline: String?
        if !hasOwnTitle {
            overline = words.defaultTitle
        } else {
            overline = TextMatching.text(title, contains: award) ? nil : award
        }
        var parts: [String] = []
        if let number = details.number { parts.append(words.editionNumber(number)) }
        var running = parts
        if let period = details.period {
            running.append(period)
            if !TextMatching.text(title, contains: period) { parts.append(period) }
        }
        return ReportTitle(
            award: award, overline: overline, title: title, edition: parts, runningEdition: running,
            theme: details.theme.map { ReportDetail(label: words.theme, value: [.text($0)]) },
            organizer: edition.award.organizer, url: edition.award.url, date: details.date.map(words.longDate),
            isoDate: details.date?.description,
            labels: ReportTitle.FactLabels(organizer: words.organizer, date: words.date, website: words.website))
    }

    func blocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        for (index, section) in edition.sections.enumerated() {
            blocks.append(textSection(section, anchor: "section-\(index + 1)"))
        }
        if let criteria = criteria() { blocks.append(criteria) }
        blocks.append(.section(ReportSection(
            kind: .nominees, level: 1, heading: words.nominees, anchor: "nominees", blocks: nomineeBlocks())))
        if let standings = standingsSection() { blocks.append(standings) }
        if let recusals = recusalsSection() { blocks.append(recusals) }
        for (index, section) in edition.analysis.enumerated() {
            blocks.append(textSection(section, anchor: "analysis-\(index + 1)"))
        }
        blocks.append(verdict())
        blocks.append(.signatures(signatures()))
        return blocks
    }

    private func textSection(_ section: TextSection, anchor: String) -> ReportBlock {
        .section(ReportSection(
            kind: .text, level: 1, heading: section.heading, anchor: anchor, blocks: section.body.paragraphs.map { .paragraph($0) }))
    }

    private func criteria() -> ReportBlock? {
        guard !edition.criteria.isEmpty else { return nil }
        let rows = edition.criteria.map { criterion in
            ReportTable.Row(cells: [
                [.text(criterion.name)], [.text(words.shortest(criterion.weight))],
                criterion.description.map(Self.oneParagraph) ?? [],
            ])
        }
        let table = ReportTable(
            kind: .criteria, caption: words.criteria,
            columns: [
                .init(header: words.criterion, alignment: .leading), .init(header: words.weight, alignment: .trailing),
                .init(header: words.description, alignment: .leading),
            ],
            rows: rows)
        return .section(ReportSection(kind: .criteria, level: 1, heading: words.criteria, anchor: "criteria", blocks: [.table(table)]))
    }

    /// Rich text in one place that holds no paragraphs, such as a table cell.
    private static func oneParagraph(_ text: RichText) -> [Inline] {
        var nodes: [Inline] = []
        for (index, paragraph) in text.paragraphs.enumerated() {
            if index > 0 { nodes.append(.text(" ")) }
            nodes += paragraph
        }
        return nodes
    }

    private func distinction(ofNomineeAt index: Int) -> ReportDistinction? {
        switch references.distinction(ofNomineeAt: index) {
        case .winner: return ReportDistinction(kind: .winner, label: words.winner)
        case .mention: return ReportDistinction(kind: .mention, label: words.mention)
        case nil: return nil
        }
    }

    /// "3. Name": the nominee as the report names it; the name alone when the edition's
    /// presentation shows no numbers.
    private func numberedName(_ nominee: borrowing Nominee) -> String {
        numberedName(nominee.number, nominee.name)
    }

    private func numberedName(_ number: Int, _ name: String) -> String {
        edition.presentation.numbering ? "\(number). \(name)" : name
    }

    /// A key figure's value as the report shows it: a number with the language's separator.
    private func factText(_ value: FactValue) -> String {
        switch value {
        case .number(let number): return words.shortest(number)
        case .text(let text): return text
        }
    }

    /// A nominee's key figures: numbers right, text left. A column of numbers keeps to the
    /// right as a whole; one that mixes them keeps to the left, its numbers right per cell.
    private func keyFigures(_ facts: [Fact]) -> ReportTable {
        func isNumber(_ fact: Fact) -> Bool { if case .number = fact.value { true } else { false } }
        let mixed = !facts.allSatisfy(isNumber)
        var columns = keyFigureColumns
        if mixed { columns[1].alignment = .leading }
        let rows = facts.map { fact in
            ReportTable.Row(
                texts: [fact.label, factText(fact.value)], alignments: mixed && isNumber(fact) ? [.leading, .trailing] : [])
        }
        return ReportTable(kind: .keyFigures, caption: words.keyFigures, columns: columns, rows: rows)
    }

    /// Every nominee's section; a long list in parts on every core, each part making its
    /// nominees' blocks in their places of the one array (a block copied from a part's own
    /// array into it would retain every text it holds, and the part's copy release them).
    private func nomineeBlocks() -> [ReportBlock] {
        // The nominees read through a buffer, which lends each one: the array's subscript
        // would copy it (retaining every field, and releasing them after).
        edition.nominees.withUnsafeBufferPointer { nominees in
            let count = nominees.count
            guard count >= 2 * Self.nomineesPerPart else { return nominees.indices.map { nominee(nominees.baseAddress! + $0, at: $0) } }
            let parts = (count + Self.nomineesPerPart - 1) / Self.nomineesPerPart
            return [ReportBlock](unsafeUninitializedCapacity: count) { buffer, initialized in
                let places = UnsafeMutableBufferPointer(rebasing: buffer[...])
                // Each part writes only its own places.
                _ = ConcurrentMap.run(parts) { part in
                    for index in part * Self.nomineesPerPart..<min(count, (part + 1) * Self.nomineesPerPart) {
                        (places.baseAddress! + index).initialize(to: nominee(nominees.baseAddress! + index, at: index))
                    }
                }
                initialized = count
            }
        }
    }

    private static let nomineesPerPart = 4_096

    /// The nominee's fields read through a pointer, the nominee not copied: a copy retains
    /// every field and releases it after (even a `borrowing` parameter was copied here, a
    /// third of the outline's time).
    private func nominee(_ nominee: UnsafePointer<Nominee>, at index: Int) -> ReportBlock {
        let distinction = distinction(ofNomineeAt: index)
        // Room for exactly the blocks and details it has: a large outline holds them all.
        var blocks: [ReportBlock] = []
        blocks.reserveCapacity(
            (distinction == nil ? 0 : 1) + (nominee.pointee.summary == nil ? 0 : 1) + 1 + (nominee.pointee.facts.isEmpty ? 0 : 1)
                + (nominee.pointee.body?.paragraphs.count ?? 0))
        if let distinction { blocks.append(.distinction(distinction)) }
        if let summary = nominee.pointee.summary { blocks.append(.summary(summary)) }
        var details: [ReportDetail] = []
        let pointee = nominee.pointee
        details.reserveCapacity(
            [pointee.lead, pointee.location, pointee.sector, pointee.url].count { $0 != nil } + (pointee.partners.isEmpty ? 0 : 1))
        func add(_ label: String, _ value: String?) {
            if let value { details.append(ReportDetail(label: label, text: value)) }
        }
        add(words.lead, nominee.pointee.lead)
        add(words.location, nominee.pointee.location)
        add(words.sector, nominee.pointee.sector)
        add(words.partners, nominee.pointee.partners.isEmpty ? nil : nominee.pointee.partners.joined(separator: ", "))
        if let url = nominee.pointee.url { details.append(ReportDetail(label: words.website, value: [.link([.text(url)], url: url)])) }
        if !details.isEmpty { blocks.append(.details(details)) }
        if !nominee.pointee.facts.isEmpty { blocks.append(.table(keyFigures(nominee.pointee.facts))) }
        if let body = nominee.pointee.body {
            for paragraph in body.paragraphs { blocks.append(.paragraph(paragraph)) }
        }
        return .section(ReportSection(
            kind: .nominee(distinction?.kind), level: 2, heading: numberedName(nominee.pointee.number, nominee.pointee.name), anchor: "nominee-\(nominee.pointee.id)",
            blocks: blocks))
    }

    /// The standings: rank, number, name, each criterion's mean (as published scored reports
    /// show them) and the total; a nominee without scores says so, and a note names the
    /// scoring method and the totals that rest on fewer jury members than the jury has.
    private func standingsSection() -> ReportBlock? {
        guard !standings.isEmpty else { return nil }
        var rows: [ReportTable.Row] = []
        var bars: [ReportChart.Bar] = []
        let numbering = edition.presentation.numbering
        let decimals = edition.presentation.decimals
        // Per-criterion means where a row still has room for them.
        let criteria = edition.criteria.count <= Self.mostCriterionColumns ? edition.criteria.indices : 0..<0
        var fewer: [String] = []
        func leading(_ nominee: Nominee, rank: String) -> [[Inline]] {
            numbering ? [[.text(rank)], [.text(String(nominee.number))], [.text(nominee.name)]] : [[.text(rank)], [.text(nominee.name)]]
        }
        for entry in standings.ranked {
            let nominee = edition.nominees[entry.nomineeIndex]
            let total = words.fixed(entry.total, decimals: decimals)
            let isWinner = entry.nomineeIndex == references.winner
            let means: [[Inline]] = criteria.map { criterion in
                standings.mean(nomineeIndex: entry.nomineeIndex, criterionIndex: criterion)
                    .map { [.text(words.fixed($0, decimals: decimals))] } ?? []
            }
            rows.append(ReportTable.Row(cells: leading(nominee, rank: String(entry.rank)) + means + [[.text(total)]], isWinner: isWinner))
            bars.append(ReportChart.Bar(label: nominee.name, value: entry.total, valueText: total, isWinner: isWinner))
            if entry.jurorCount < edition.jury.count { fewer.append("\(nominee.name) (\(entry.jurorCount))") }
        }
        for nominee in edition.nominees where standings.entry(for: nominee.id) == nil {
            rows.append(ReportTable.Row(
                cells: leading(nominee, rank: "") + criteria.map { _ in [] } + [[.text(words.labels[.notScored])]]))
        }
        var columns: [ReportTable.Column] = [.init(header: words.rank, alignment: .trailing)]
        if numbering { columns.append(.init(header: words.number, alignment: .trailing)) }
        columns.append(.init(header: words.nominee, alignment: .leading))
        columns += criteria.map { .init(header: edition.criteria[$0].name, alignment: .trailing) }
        columns.append(.init(header: words.total, alignment: .trailing))
        // The method that ranked them, always named; then the totals from fewer jurors.
        var notes = [words.labels[standings.method.rankedByLabel]]
        if !fewer.isEmpty {
            notes.append(words.labels.fill(.fewerJurors, [
                "count": String(edition.jury.count), "nominees": fewer.joined(separator: words.labels[.listSeparator]),
            ]))
        }
        let note = notes.joined(separator: " ")
        let table = ReportTable(
            kind: .standings, caption: words.standings, columns: columns, rows: rows, rowHeader: numbering ? 2 : 1, note: note)
        let chart = ReportChart(
            bars: bars, minimum: min(0, edition.scale.min), maximum: edition.scale.max, valueLabel: words.total,
            leftOutNote: words.labels.fill(.chartLeftOut, ["count": String(bars.count)]))
        return .section(ReportSection(
            kind: .standings, level: 1, heading: words.standings, anchor: "standings", blocks: [.table(table), .chart(chart)]))
    }

    /// The most criteria whose means the standings show beside the total; with more, the
    /// total alone (the workbook has every mean).
    static let mostCriterionColumns = 5

    /// Who did not judge whom and why, as published reports say.
    private func recusalsSection() -> ReportBlock? {
        guard !edition.recusals.isEmpty else { return nil }
        let judging = words.judging
        let jurors = ScoreIndex.places(edition.jury.map { $0.id })
        let nominees = ScoreIndex.places(edition.nominees.map { $0.id })
        let rows = edition.recusals.map { recusal in
            ReportTable.Row(cells: [
                [.text(jurors[recusal.juror].map { edition.jury[$0].name } ?? recusal.juror)],
                [.text(nominees[recusal.nominee].map { numberedName(edition.nominees[$0]) } ?? recusal.nominee)],
                recusal.reason.map { [.text($0)] } ?? [],
            ])
        }
        let table = ReportTable(
            kind: .recusals, caption: judging.recusals,
            columns: [
                .init(header: words.juror, alignment: .leading), .init(header: words.nominee, alignment: .leading),
                .init(header: judging.reason, alignment: .leading),
            ],
            rows: rows)
        return .section(ReportSection(
            kind: .recusals, level: 1, heading: judging.recusals, anchor: "recusals",
            blocks: [.paragraph([.text(judging.recusalsIntroduction)]), .table(table)]))
    }

    private func verdict() -> ReportBlock {
        let verdict = edition.verdict
        var blocks: [ReportBlock] = []
        // Who won and who is mentioned, as label and value: the verdict's opening lines.
        var opening: [ReportDetail] = []
        if let winner = references.winner {
            opening.append(ReportDetail(label: words.winner, value: [.text(numberedName(edition.nominees[winner]))]))
        }
        let mentions = references.mentions.map { edition.nominees[$0] }
        if !mentions.isEmpty {
            let names = mentions.map(numberedName).joined(separator: words.labels[.listSeparator])
            opening.append(ReportDetail(label: words.mentions, value: [.text(names)]))
        }
        if !opening.isEmpty { blocks.append(.details(opening)) }
        if let rationale = verdict.rationale { blocks += rationale.paragraphs.map { .paragraph($0) } }
        if let announcement = verdict.announcement { blocks.append(.announcement(announcement)) }
        return .section(ReportSection(kind: .verdict, level: 1, heading: words.verdict, anchor: "verdict", blocks: blocks))
    }

    private func signatures() -> ReportSignatures {
        let date = edition.details.date.map(words.longDate)
        let placeAndDate: String?
        switch (edition.details.place, date) {
        case (let place?, let date?): placeAndDate = words.placeAndDate(place: place, date: date)
        case (let place?, nil): placeAndDate = place
        case (nil, let date): placeAndDate = date
        }
        return ReportSignatures(
            line: edition.signature, heading: words.jury,
            signers: edition.jury.map { member in
                ReportSignatures.Signer(
                    name: member.name, details: [member.role, member.affiliation].compactMap { $0 }, isChair: member.chair)
            },
            placeAndDate: placeAndDate)
    }
}
