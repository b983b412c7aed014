import JuryReportCore

/// Plans the organizers' workbook from an edition: the edition's facts, the nominees (an
/// Excel table with the winner marked), key figures, the jury, and when scores exist a
/// score sheet with live formulas and a chart.
struct WorkbookPlanner {
    let request: ExportRequest

    private var edition: Edition { request.edition }
    private var words: Vocabulary { request.vocabulary }

    /// Charts of more bars than this are not drawn: nobody reads them.
    static let maximumChartBars = 100
    static let maximumColumnWidth = 50.0

    func plan() -> WorkbookPlan {
        var names: [String] = []
        func name(_ wanted: String) -> String {
            let made = SheetName.make(wanted, taken: names)
            names.append(made)
            return made
        }
        let editionSheet = name(words.sheetEdition)
        let nomineeSheet = name(words.nominees)
        let factSheet = name(words.keyFigures)
        let jurySheet = name(words.jury)
        let scoreSheet = edition.scores.isEmpty ? nil : name(words.scores)
        var sheets = [
            self.editionSheet(editionSheet),
            nominees(nomineeSheet, scoreSheet: scoreSheet),
            keyFigures(factSheet),
            jury(jurySheet),
        ]
        if let scoreSheet { sheets.append(scores(scoreSheet)) }
        for index in sheets.indices { sheets[index].printTitle = edition.details.title }
        return WorkbookPlan(
            properties: DocumentProperties(
                title: edition.details.title, subject: edition.details.theme, author: request.references.chair.map { edition.jury[$0].name },
                company: edition.award.organizer, created: request.timestamp),
            sheets: sheets)
    }

    // MARK: Sheets

    private func editionSheet(_ name: String) -> SheetPlan {
        let details = edition.details
        var pairs: [(String, CellValue)] = [(words.award, .text(edition.award.name))]
        func add(_ label: String, _ value: String?) {
            if let value { pairs.append((label, .text(value))) }
        }
        add(words.organizer, edition.award.organizer)
        if let number = details.number { pairs.append((words.edition, .number(Double(number)))) }
        pairs.append((words.year, .number(Double(details.year))))
        add(words.period, details.period)
        add(words.theme, details.theme)
        add(words.title, details.title)
        if let date = details.date {
            // Excel's dates start in 1900: an earlier one is text, as Excel keeps it when typed.
            let value: CellValue = date.year >= 1900 ? .date(year: date.year, month: date.month, day: date.day) : .text(date.description)
            pairs.append((words.date, value))
        }
        add(words.winner, request.references.winner.map { edition.nominees[$0].name })
        let mentions = request.references.mentions.map { edition.nominees[$0].name }
        add(words.mentions, mentions.isEmpty ? nil : mentions.joined(separator: "; "))
        add(words.chair, request.references.chair.map { edition.jury[$0].name })
        pairs.append((words.juryMembers, .number(Double(edition.jury.count))))
        pairs.append((words.nomineeCount, .number(Double(edition.nominees.count))))
        if !edition.criteria.isEmpty {
            let criteria = edition.criteria.map { "\($0.name) (\(NumberText.shortest($0.weight)))" }
            pairs.append((words.criteria, .text(criteria.joined(separator: "; "))))
        }
        if !edition.scores.isEmpty { pairs.append((words.scores, .number(Double(edition.scores.count)))) }
        let valueTexts = pairs.map { pair -> String in
            if case .text(let text) = pair.1 { return text }
            return "0000-00-00"
        }
        return SheetPlan(
            name: name,
            columns: [fit(words.field, pairs.map(\.0)), fit(words.value, valueTexts)],
            rowCount: pairs.count,
            row: { index in
                let (label, value) = pairs[index]
                let style: CellStyle
                if case .date = value { style = CellStyle(numberFormat: .date) } else { style = .wrapped }
                return [Cell(value: .text(label), style: .label), Cell(value: value, style: style)]
            })
    }

    private enum RowKind {
        case plain, winner, mention
    }

    private func kind(ofNomineeAt index: Int) -> RowKind {
        switch request.references.distinction(ofNomineeAt: index) {
        case .winner: return .winner
        case .mention: return .mention
        case nil: return .plain
        }
    }

    private static func style(_ kind: RowKind, wraps: Bool, numberFormat: CellStyle.NumberFormat = .general) -> CellStyle {
        let role: CellStyle.Role
        switch kind {
        case .plain: role = .plain
        case .winner: role = .winner
        case .mention: role = .mention
        }
        return CellStyle(role: role, wraps: wraps, numberFormat: numberFormat)
    }

    private func nominees(_ name: String, scoreSheet: String?) -> SheetPlan {
        let nominees = edition.nominees
        func status(_ index: Int) -> String {
            switch kind(ofNomineeAt: index) {
            case .winner: return words.winner
            case .mention: return words.mention
            case .plain: return ""
            }
        }
        var columns = [
            // By index: iterating the nominees would copy each, a retain per field.
            fit(words.number, nominees.indices.lazy.map { String(nominees[$0].number) }),
            fit(words.name, nominees.indices.lazy.map { nominees[$0].name }),
            fit(words.status, nominees.indices.lazy.map(status)),
            fit(words.lead, nominees.indices.lazy.map { nominees[$0].lead ?? "" }),
            fit(words.location, nominees.indices.lazy.map { nominees[$0].location ?? "" }),
            fit(words.sector, nominees.indices.lazy.map { nominees[$0].sector ?? "" }),
            fit(words.partners, nominees.indices.lazy.map { nominees[$0].partners.joined(separator: "; ") }),
            fit(words.summary, nominees.indices.lazy.map { nominees[$0].summary ?? "" }),
            fit(words.website, nominees.indices.lazy.map { nominees[$0].url ?? "" }),
        ]
        let scoreLayout = scoreSheet.map { ScoreLayout(edition: edition, sheet: $0) }
        if scoreLayout != nil {
            columns.append(ColumnPlan(header: words.total, width: 10))
            columns.append(ColumnPlan(header: words.rank, width: 8))
        }
        let wraps = columns.map(\.wraps)
        let standings = request.standings
        return SheetPlan(
            name: name, columns: columns, rowCount: nominees.count,
            row: { index in
                let nominee = nominees[index]
                let rowKind = kind(ofNomineeAt: index)
                let texts = [
                    nominee.name, status(index), nominee.lead ?? "", nominee.location ?? "", nominee.sector ?? "",
                    nominee.partners.joined(separator: "; "), nominee.summary ?? "", nominee.url ?? "",
                ]
                var cells = [Cell(value: .number(Double(nominee.number)), style: Self.style(rowKind, wraps: false))]
                for (offset, text) in texts.enumerated() {
                    cells.append(Cell(value: text.isEmpty ? .empty : .text(text), style: Self.style(rowKind, wraps: wraps[offset + 1])))
                }
                if let scoreLayout {
                    let entry = standings.entry(for: nominee.id)
                    cells.append(Cell(
                        value: .formula(
                            "=" + scoreLayout.reference(row: index, column: scoreLayout.totalColumn),
                            result: entry.map { .number($0.total) } ?? .text("")),
                        style: Self.style(rowKind, wraps: false, numberFormat: .twoDecimals)))
                    cells.append(Cell(
                        value: .formula(
                            "=" + scoreLayout.reference(row: index, column: scoreLayout.rankColumn),
                            result: entry.map { .number(Double($0.rank)) } ?? .text("")),
                        style: Self.style(rowKind, wraps: false)))
                }
                return cells
            },
            frozenColumns: 2,
            table: TablePlan(name: "Nominees", firstDataRow: 0))
    }

    private func keyFigures(_ name: String) -> SheetPlan {
        let nominees = edition.nominees
        // Indexes, not copies: a nominee copied per row costs a retain per field.
        let rows = nominees.indices.flatMap { nominee in nominees[nominee].facts.indices.map { (nominee, $0) } }
        return SheetPlan(
            name: name,
            columns: [
                fit(words.number, rows.lazy.map { String(nominees[$0.0].number) }),
                fit(words.nominee, rows.lazy.map { nominees[$0.0].name }),
                fit(words.figure, rows.lazy.map { nominees[$0.0].facts[$0.1].label }),
                fit(words.value, rows.lazy.map { nominees[$0.0].facts[$0.1].value.description }),
            ],
            rowCount: rows.count,
            row: { index in
                let (nomineeIndex, factIndex) = rows[index]
                let fact = nominees[nomineeIndex].facts[factIndex]
                let value: CellValue
                switch fact.value {
                case .number(let number): value = .number(number)
                case .text(let text): value = .text(text)
                }
                return [
                    Cell(value: .number(Double(nominees[nomineeIndex].number))), Cell(value: .text(nominees[nomineeIndex].name)),
                    Cell(value: .text(fact.label), style: CellStyle(wraps: true)), Cell(value: value, style: CellStyle(wraps: true)),
                ]
            },
            frozenColumns: 2)
    }

    private func jury(_ name: String) -> SheetPlan {
        let jury = edition.jury
        return SheetPlan(
            name: name,
            columns: [
                fit(words.name, jury.map(\.name)),
                fit(words.role, jury.map { $0.role ?? "" }),
                fit(words.affiliation, jury.map { $0.affiliation ?? "" }),
                fit(words.chair, [words.yes]),
            ],
            rowCount: jury.count,
            row: { index in
                let member = jury[index]
                let style: CellStyle = member.chair ? .chair : .plain
                return [
                    Cell(value: .text(member.name), style: style),
                    Cell(value: member.role.map(CellValue.text) ?? .empty, style: style),
                    Cell(value: member.affiliation.map(CellValue.text) ?? .empty, style: style),
                    Cell(value: member.chair ? .text(words.yes) : .empty, style: style),
                ]
            })
    }

    private func scores(_ name: String) -> SheetPlan {
        let layout = ScoreLayout(edition: edition, sheet: name)
        let nominees = edition.nominees
        let standings = request.standings
        let grid = ScoreGrid(edition)
        let jurorNames = Dictionary(edition.jury.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let criterionNames = Dictionary(edition.criteria.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var columns = [
            fit(words.number, nominees.map { String($0.number) }),
            fit(words.nominee, nominees.map(\.name) + [words.weight]),
        ]
        for key in layout.scoreColumns {
            let juror = jurorNames[key.juror] ?? key.juror
            let header = key.criterion.map { "\(juror): \(criterionNames[$0] ?? $0)" } ?? juror
            // Headers such as "Ada Lovelace: Originality" wrap onto two lines.
            columns.append(ColumnPlan(header: header, width: min(max(Double(header.count) / 2 + 3, 8), 16), wraps: true))
        }
        columns.append(ColumnPlan(header: words.total, width: 10))
        columns.append(ColumnPlan(header: words.rank, width: 8))
        let lastData = nominees.count  // data rows: the weights row, then one per nominee
        return SheetPlan(
            name: name, columns: columns, rowCount: nominees.count + 1,
            row: { index in
                guard index > 0 else {
                    return [Cell.empty, Cell(value: .text(words.weight), style: .weight)]
                        + layout.scoreColumns.map { Cell(value: .number(layout.weight(of: $0)), style: .weight) }
                }
                let nominee = nominees[index - 1]
                var cells = [Cell(value: .number(Double(nominee.number))), Cell(value: .text(nominee.name))]
                cells.reserveCapacity(layout.scoreColumns.count + 4)
                // Score columns run jury member by jury member, criterion by criterion.
                let criteria = edition.criteria.count
                for column in layout.scoreColumns.indices {
                    let score = criteria == 0
                        ? grid.score(nominee: index - 1, juror: column, criterion: nil)
                        : grid.score(nominee: index - 1, juror: column / criteria, criterion: column % criteria)
                    cells.append(score.map { Cell(value: .number($0)) } ?? .empty)
                }
                let entry = standings.entry(for: nominee.id)
                cells.append(Cell(
                    value: .formula(layout.totalFormula(row: index - 1), result: entry.map { .number($0.total) } ?? .text("")),
                    style: .total))
                cells.append(Cell(
                    value: .formula(layout.rankFormula(row: index - 1), result: entry.map { .number(Double($0.rank)) } ?? .text(""))))
                return cells
            },
            frozenRows: 2, frozenColumns: 2,
            colourScale: ColumnRange(column: layout.totalColumn, firstRow: 1, lastRow: lastData),
            chart: nominees.count <= Self.maximumChartBars
                ? ChartPlan(
                    title: words.total, categories: ColumnRange(column: 1, firstRow: 1, lastRow: lastData),
                    values: ColumnRange(column: layout.totalColumn, firstRow: 1, lastRow: lastData),
                    valueRange: min(0, edition.scale.min)...edition.scale.max,
                    anchorRow: 0, anchorColumn: layout.rankColumn + 2)
                : nil)
    }

    /// A column fitted to its header and values, within bounds; long text wraps.
    private func fit(_ header: String, _ values: some Sequence<String>) -> ColumnPlan {
        // Unicode scalars approximate the characters shown, at a fraction of the cost of
        // counting grapheme clusters over every cell of a large edition.
        var longest = header.unicodeScalars.count
        for value in values {
            // No line of a value has more scalars than the value has bytes.
            if value.utf8.count <= longest { continue }
            var line = 0
            for scalar in value.unicodeScalars {
                if scalar == "\n" {
                    line = 0
                } else {
                    line += 1
                    longest = max(longest, line)
                }
            }
        }
        let width = min(max(Double(longest) + 2, 6), Self.maximumColumnWidth)
        return ColumnPlan(header: header, width: width, wraps: Double(longest) + 2 > Self.maximumColumnWidth)
    }
}

/// Where the score sheet keeps what: one column per juror (and criterion), then the total
/// and the rank; a weights row under the header; one row per nominee in report order.
struct ScoreLayout {
    struct ScoreColumn: Equatable {
        var juror: String
        var criterion: String?
    }

    let sheet: String
    let scoreColumns: [ScoreColumn]
    let nomineeCount: Int
    private let weights: [String: Double]

    init(edition: Edition, sheet: String) {
        self.sheet = sheet
        nomineeCount = edition.nominees.count
        weights = Dictionary(edition.criteria.map { ($0.id, $0.weight) }, uniquingKeysWith: { first, _ in first })
        scoreColumns = edition.jury.flatMap { member -> [ScoreColumn] in
            edition.criteria.isEmpty
                ? [ScoreColumn(juror: member.id, criterion: nil)]
                : edition.criteria.map { ScoreColumn(juror: member.id, criterion: $0.id) }
        }
    }

    static let firstScoreColumn = 2
    var totalColumn: Int { Self.firstScoreColumn + scoreColumns.count }
    var rankColumn: Int { totalColumn + 1 }

    func weight(of column: ScoreColumn) -> Double {
        column.criterion.flatMap { weights[$0] } ?? 1
    }

    /// Sheet rows (0-based, header 0): the weights row is 1, nominee `i` is `i + 2`.
    private static let weightsRow = 1
    private func sheetRow(_ nominee: Int) -> Int { nominee + 2 }

    /// The weighted mean of the nominee's scores, over the scores present: empty when none.
    func totalFormula(row nominee: Int) -> String {
        let row = sheetRow(nominee)
        let first = Self.firstScoreColumn
        let last = totalColumn - 1
        let scores = ColumnName.cell(row: row, column: first) + ":" + ColumnName.cell(row: row, column: last)
        let weights = ColumnName.cell(row: Self.weightsRow, column: first, absoluteRow: true) + ":"
            + ColumnName.cell(row: Self.weightsRow, column: last, absoluteRow: true)
        return "=IF(COUNT(\(scores))=0,\"\",SUMPRODUCT(\(scores),\(weights))/SUMPRODUCT(--(\(scores)<>\"\"),\(weights)))"
    }

    /// Competition ranking (1, 2, 2, 4) of the total among all totals: empty without one.
    func rankFormula(row nominee: Int) -> String {
        let total = ColumnName.cell(row: sheetRow(nominee), column: totalColumn)
        let all = ColumnName.cell(row: sheetRow(0), column: totalColumn, absoluteRow: true) + ":"
            + ColumnName.cell(row: sheetRow(nomineeCount - 1), column: totalColumn, absoluteRow: true)
        return "=IF(\(total)=\"\",\"\",RANK(\(total),\(all)))"
    }

    /// A reference from another sheet to a nominee's cell here.
    func reference(row nominee: Int, column: Int) -> String {
        SheetName.reference(sheet) + "!" + ColumnName.cell(row: sheetRow(nominee), column: column, absoluteRow: true, absoluteColumn: true)
    }
}
