/// The archive as the report formats show it: one table of the editions, newest first.
extension ArchiveRequest {
    /// Year, number, period, theme, the winner, the mentions, the chair and links to each
    /// edition's own files with `reportSuffixes` where the export wrote them (named by
    /// `reportLabels`, as "Markdown" or "PDF"). Headings in the archive's language; each
    /// row's words in its edition's. A nominee who stands in other editions too says in which.
    public func editionsTable(reportSuffixes: [String], reportLabels: [String]) -> ReportTable {
        let words = archive.vocabulary
        let rows = archive.entries.indices.map { index -> ReportTable.Row in
            let entry = archive.entries[index]
            let edition = entry.edition
            let own = entry.vocabulary
            func named(_ nominee: Int) -> String {
                var text = AwardArchive.nameAndLead(edition.nominees[nominee])
                let years = archive.otherYears(entry: index, nominee: nominee)
                if !years.isEmpty {
                    text += "; " + own.labels.fill(.alsoNominated, ["years": years.map(String.init).joined(separator: ", ")])
                }
                return text
            }
            let links: [Inline] = zip(reportSuffixes, reportLabels).compactMap { suffix, label -> [Inline]? in
                reportFile(entry: index, suffix: suffix).map { [.link([.text(label)], url: $0)] }
            }.enumerated().flatMap { offset, link in offset == 0 ? link : [.text(" · ")] + link }
            return ReportTable.Row(cells: [
                [.text(String(edition.details.year))],
                edition.details.number.map { [.text(String($0))] } ?? [],
                edition.details.period.map { [.text($0)] } ?? [],
                edition.details.theme.map { [.text($0)] } ?? [],
                entry.references.winner.map { [.text(named($0))] } ?? [],
                entry.references.mentions.isEmpty ? [] : [.text(entry.references.mentions.map(named).joined(separator: own.labels[.listSeparator]))],
                entry.references.chair.map { [.text(edition.jury[$0].name)] } ?? [],
                links,
            ])
        }
        return ReportTable(
            kind: .archive, caption: words.labels[.archive],
            columns: [
                .init(header: words.year, alignment: .trailing), .init(header: words.edition, alignment: .trailing),
                .init(header: words.period, alignment: .leading), .init(header: words.theme, alignment: .leading),
                .init(header: words.winner, alignment: .leading), .init(header: words.mentions, alignment: .leading),
                .init(header: words.chair, alignment: .leading), .init(header: words.labels[.report], alignment: .leading),
            ],
            rows: rows, rowHeader: 0)
    }

    /// The archive's title: the award and the word for an archive.
    public var title: String {
        archive.award.name + " — " + archive.vocabulary.labels[.archive]
    }

    /// The archive as a report outline, for the formats that render one (Markdown, HTML,
    /// LaTeX, Word): the award's title block, a line of introduction and the editions'
    /// table, each edition linking its own files with `reportSuffixes`.
    public func outline(reportSuffixes: [String], reportLabels: [String]) -> ReportOutline {
        let words = archive.vocabulary
        let newest = archive.entries[0].edition
        // The house style, logo included, of the newest edition.
        let years = archive.entries.map(\.year)
        let span = years.min() == years.max() ? "\(years[0])" : "\(years.min() ?? 0)–\(years.max() ?? 0)"
        let award = archive.award
        return ReportOutline(
            metadata: ReportMetadata(
                title: title, author: award.organizer, subject: nil, language: words.language, baseName: archive.baseName),
            title: ReportTitle(
                award: award.name, overline: words.labels[.archive], title: award.name, edition: [span], runningEdition: [span],
                theme: nil, organizer: award.organizer, url: award.url, date: nil, isoDate: nil,
                labels: ReportTitle.FactLabels(organizer: words.organizer, date: words.date, website: words.website)),
            blocks: [
                .paragraph([.text(words.labels[.archiveIntroduction])]),
                .table(editionsTable(reportSuffixes: reportSuffixes, reportLabels: reportLabels)),
            ],
            style: ReportStyle(
                typography: Typography(newest), colon: words.labels[.colon], branding: newest.branding,
                logoDescription: award.organizer ?? award.name))
    }
}
