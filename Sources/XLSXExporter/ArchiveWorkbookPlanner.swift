import JuryReportCore

/// A column fitted to its header and values (``WorkbookPlanner/fit(_:_:)``).
private func fit(_ header: String, _ values: [String]) -> ColumnPlan { WorkbookPlanner.fit(header, values) }

/// Plans the award's archive workbook: a sheet of the editions, newest first, and a sheet of
/// every nominee of every edition, each an Excel table with filters, so that an organizer
/// asks "who was shortlisted twice" with a filter on `Recurring`.
struct ArchiveWorkbookPlanner {
    let request: ArchiveRequest

    func plan() -> WorkbookPlan {
        let archive = request.archive
        let words = archive.vocabulary
        let editions = editionsSheet(SheetName.make(words.labels[.archive], taken: []))
        let nominees = nomineesSheet(SheetName.make(words.nominees, taken: [editions.name]))
        var sheets = [editions, nominees]
        for index in sheets.indices { sheets[index].printTitle = request.title }
        let newest = archive.entries[0].edition
        return WorkbookPlan(
            properties: DocumentProperties(
                title: request.title, subject: nil, author: archive.award.organizer, company: archive.award.organizer,
                created: request.timestamp),
            sheets: sheets,
            numberFormats: NumberFormats(words: words, decimals: newest.presentation.decimals, language: words.language),
            headerFill: newest.branding.accentTint(0.3).flatMap { UInt32($0.dropFirst(), radix: 16) } ?? 0xDDEBF7)
    }

    private func editionsSheet(_ name: String) -> SheetPlan {
        let entries = request.archive.entries
        let words = request.archive.vocabulary
        func winner(_ entry: AwardArchive.Entry) -> String {
            entry.references.winner.map { entry.edition.nominees[$0].name } ?? ""
        }
        func mentions(_ entry: AwardArchive.Entry) -> String {
            entry.references.mentions.map { entry.edition.nominees[$0].name }.joined(separator: "; ")
        }
        func chair(_ entry: AwardArchive.Entry) -> String {
            entry.references.chair.map { entry.edition.jury[$0].name } ?? ""
        }
        return SheetPlan(
            name: name,
            columns: [
                fit(words.year, entries.map { String($0.year) }), fit(words.edition, entries.map { $0.edition.details.number.map(String.init) ?? "" }),
                fit(words.period, entries.map { $0.edition.details.period ?? "" }), fit(words.theme, entries.map { $0.edition.details.theme ?? "" }),
                fit(words.winner, entries.map(winner)), fit(words.mentions, entries.map(mentions)), fit(words.chair, entries.map(chair)),
                fit(words.labels[.report], entries.map { $0.reportFiles.joined(separator: "; ") }),
            ],
            rowCount: entries.count,
            row: { index in
                let entry = entries[index]
                let details = entry.edition.details
                let number: CellValue = details.number.map { .number(Double($0)) } ?? .empty
                let period: CellValue = details.period.map { .text($0) } ?? .empty
                let theme: CellValue = details.theme.map { .text($0) } ?? .empty
                var cells = [Cell(value: .number(Double(entry.year)), style: .number), Cell(value: number, style: .number)]
                cells += [Cell(value: period, style: .plain), Cell(value: theme, style: .wrapped)]
                cells.append(Cell(value: .text(winner(entry)), style: CellStyle(role: .winner)))
                cells += [Cell(value: .text(mentions(entry)), style: .wrapped), Cell(value: .text(chair(entry)), style: .plain)]
                cells.append(Cell(value: .text(entry.reportFiles.joined(separator: "; ")), style: .wrapped))
                return cells
            },
            table: TablePlan(name: "Editions", firstDataRow: 0))
    }

    private func nomineesSheet(_ name: String) -> SheetPlan {
        let rows = request.archive.nomineeRows
        let words = request.archive.vocabulary
        func distinction(_ row: AwardArchive.NomineeRow) -> String {
            row.distinction.map { $0 == .winner ? words.winner : words.mention } ?? ""
        }
        return SheetPlan(
            name: name,
            columns: [
                fit(words.year, rows.map { String($0.year) }), fit(words.name, rows.map(\.name)), fit(words.lead, rows.map { $0.lead ?? "" }),
                fit(words.labels[.distinction], rows.map(distinction)), ColumnPlan(header: words.rank, width: 8),
                ColumnPlan(header: words.total, width: 10),
                fit(words.labels[.alsoNominated].replacingOccurrences(of: "{years}", with: "").trimmingCharacters(in: .whitespaces),
                    rows.map { $0.otherYears.map(String.init).joined(separator: "; ") }),
                fit("id", rows.map(\.id)),
            ],
            rowCount: rows.count,
            row: { index in
                let row = rows[index]
                let kind: CellStyle.Role = row.distinction == .winner ? .winner : row.distinction == .mention ? .mention : .plain
                let lead: CellValue = row.lead.map { .text($0) } ?? .empty
                let mark: CellValue = row.distinction == nil ? .empty : .text(distinction(row))
                let rank: CellValue = row.rank.map { .number(Double($0)) } ?? .empty
                let total: CellValue = row.total.map { .number($0) } ?? .empty
                let years: CellValue = row.otherYears.isEmpty ? .empty : .text(row.otherYears.map(String.init).joined(separator: "; "))
                var cells = [Cell(value: .number(Double(row.year)), style: .number), Cell(value: .text(row.name), style: CellStyle(role: kind))]
                cells += [Cell(value: lead, style: .plain), Cell(value: mark, style: CellStyle(role: kind))]
                cells += [Cell(value: rank, style: .number), Cell(value: total, style: .total), Cell(value: years, style: .plain)]
                cells.append(Cell(value: .text(row.id), style: .note))
                return cells
            },
            frozenColumns: 2,
            table: TablePlan(name: "ArchiveNominees", firstDataRow: 0))
    }
}
