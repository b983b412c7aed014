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
    /// The widest the name column of the score sheet gets.
    static let scoreNameWidth = 30.0

    func plan() -> WorkbookPlan {
        var names: [String] = []
        func name(_ wanted: String) -> String {
            let made = SheetName.make(wanted, taken: names)
            names.append(made)
            return made
        }
        let editionSheet = name(words.edition)
        let nomineeSheet = name(words.nominees)
        let factSheet = name(words.keyFigures)
        let jurySheet = name(words.jury)
        let criteriaSheet = edition.criteria.isEmpty ? nil : name(words.criteria)
        let layout = ScoreLayout(edition: edition, sheet: name(words.scores), criteriaSheet: criteriaSheet)
        let rankingSheet = request.standings.isEmpty ? nil : name(words.judging.ranking)
        var sheets = [
            self.editionSheet(editionSheet),
            nominees(nomineeSheet, scoreLayout: edition.scores.isEmpty ? nil : layout),
            keyFigures(factSheet),
            jury(jurySheet),
        ]
        if let criteriaSheet { sheets.append(criteria(criteriaSheet)) }
        sheets.append(scores(layout))
        if let rankingSheet { sheets.append(ranking(rankingSheet, layout: layout)) }
        // presentation.numbering false: the number columns hidden (kept, for sorting back).
        if !edition.presentation.numbering {
            for index in sheets.indices {
                sheets[index].hiddenColumns += sheets[index].columns.indices.filter { sheets[index].columns[$0].header == words.number }
            }
        }
        let documentTitle = words.documentTitle(of: edition)
        for index in sheets.indices { sheets[index].printTitle = documentTitle }
        return WorkbookPlan(
            properties: DocumentProperties(
                title: documentTitle, subject: edition.details.theme, author: request.references.chair.map { edition.jury[$0].name },
                company: edition.award.organizer, created: request.timestamp),
            sheets: sheets, definedNames: layout.definedNames,
            numberFormats: NumberFormats(words: words, decimals: edition.presentation.decimals, language: edition.details.language),
            headerFill: edition.branding.accentTint(0.3).flatMap { UInt32($0.dropFirst(), radix: 16) } ?? 0xDDEBF7,
            logo: edition.branding.logo)
    }

    // MARK: Sheets

    private func editionSheet(_ name: String) -> SheetPlan {
        let details = edition.details
        var pairs: [(String, CellValue)] = [(words.award, .text(edition.award.name))]
        func add(_ label: String, _ value: String?) {
            if let value { pairs.append((label, .text(value))) }
        }
        add(words.organizer, edition.award.organizer)
        add(words.website, edition.award.url)
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
        add(words.place, details.place)
        add(words.winner, request.references.winner.map { edition.nominees[$0].name })
        let mentions = request.references.mentions.map { edition.nominees[$0].name }
        add(words.mentions, mentions.isEmpty ? nil : mentions.joined(separator: "; "))
        add(words.chair, request.references.chair.map { edition.jury[$0].name })
        pairs.append((words.juryMembers, .number(Double(edition.jury.count))))
        pairs.append((words.nomineeCount, .number(Double(edition.nominees.count))))
        if !edition.criteria.isEmpty {
            let criteria = edition.criteria.map { "\($0.name) (\(words.shortest($0.weight)))" }
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

    private func nominees(_ name: String, scoreLayout: ScoreLayout?) -> SheetPlan {
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
                var numberStyle = Self.style(rowKind, wraps: false)
                numberStyle.centred = true
                var cells = [Cell(value: .number(Double(nominee.number)), style: numberStyle)]
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
                    Cell(value: .number(Double(nominees[nomineeIndex].number)), style: .number), Cell(value: .text(nominees[nomineeIndex].name)),
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

    /// The criteria, one weight cell each, which every score formula refers to.
    private func criteria(_ name: String) -> SheetPlan {
        let criteria = edition.criteria
        return SheetPlan(
            name: name,
            columns: [
                fit(words.criterion, criteria.map(\.name)),
                ColumnPlan(header: words.weight, width: 10),
                fit(words.description, criteria.map { $0.description?.source ?? "" }),
                fit("id", criteria.map(\.id)),
            ],
            rowCount: criteria.count,
            row: { index in
                let criterion = criteria[index]
                return [
                    Cell(value: .text(criterion.name), style: .label), Cell(value: .number(criterion.weight), style: .input),
                    Cell(value: criterion.description.map { .text($0.source) } ?? .empty, style: .wrapped),
                    Cell(value: .text(criterion.id), style: .note),
                ]
            })
    }

    /// The score grid: a column per jury member (and criterion), weights from the Criteria
    /// sheet, live totals, ranks, per-criterion means and the lowest and highest score.
    private func scores(_ layout: ScoreLayout) -> SheetPlan {
        let nominees = edition.nominees
        let standings = request.standings
        let grid = ScoreGrid(edition)
        let judging = words.judging
        let jurorNames = Dictionary(edition.jury.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let criterionNames = Dictionary(edition.criteria.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        // The name column is repeated on every printed page of a wide sheet: at most 30
        // wide, longer names wrap.
        var nameColumn = fit(words.nominee, nominees.map(\.name) + [words.weight])
        nameColumn.wraps = nameColumn.wraps || nameColumn.width > Self.scoreNameWidth
        nameColumn.width = min(nameColumn.width, Self.scoreNameWidth)
        let nameStyle = nameColumn.wraps ? CellStyle.wrapped : CellStyle.plain
        var columns = [fit(words.number, nominees.map { String($0.number) }), nameColumn]
        for key in layout.scoreColumns {
            let juror = jurorNames[key.juror] ?? key.juror
            let header = key.criterion.map { "\(juror): \(criterionNames[$0] ?? $0)" } ?? juror
            // Headers such as "Ada Lovelace: Originality" wrap onto two lines.
            columns.append(ColumnPlan(header: header, width: min(max(Double(header.count) / 2 + 3, 8), 16), wraps: true))
        }
        columns.append(ColumnPlan(header: words.total, width: 10))
        columns.append(ColumnPlan(header: words.rank, width: 8))
        for criterion in edition.criteria {
            let header = "\(judging.mean): \(criterion.name)"
            columns.append(ColumnPlan(header: header, width: min(max(Double(header.count) / 2 + 3, 10), 16), wraps: true))
        }
        columns.append(ColumnPlan(header: judging.lowest, width: 10))
        columns.append(ColumnPlan(header: judging.highest, width: 10))
        let criteriaCount = edition.criteria.count
        var comments: [CellComment] = []
        let recused = RecusalIndex(edition)
        for nominee in edition.recusals.isEmpty ? 0..<0 : nominees.indices {
            for juror in edition.jury.indices {
                guard let index = recused.recusal(juror: juror, nominee: nominee) else { continue }
                let recusal = edition.recusals[index]
                let text = recusal.reason.map { judging.recusedBecause($0) } ?? judging.recused
                for column in layout.columns(ofJuror: juror) { comments.append(CellComment(row: nominee + 1, column: column, text: text)) }
            }
        }
        let scoreBlock = CellBlock(
            firstRow: 1, lastRow: nominees.count, firstColumn: ScoreLayout.firstScoreColumn, lastColumn: layout.totalColumn - 1)
        return SheetPlan(
            name: layout.sheet, columns: columns, rowCount: nominees.count + 1,
            row: { index in
                guard index > 0 else {
                    return [Cell.empty, Cell(value: .text(words.weight), style: .weight)]
                        + layout.scoreColumns.map { Cell(value: layout.weightCell(of: $0), style: .weight) }
                }
                let nomineeIndex = index - 1
                // By index: a copy of the nominee would retain every field.
                var cells = [
                    Cell(value: .number(Double(nominees[nomineeIndex].number)), style: .number),
                    Cell(value: .text(nominees[nomineeIndex].name), style: nameStyle),
                ]
                cells.reserveCapacity(columns.count)
                var present: [Double] = []
                var byCriterion = [[Double]](repeating: [], count: criteriaCount)
                // Score columns run jury member by jury member, criterion by criterion.
                for column in layout.scoreColumns.indices {
                    let juror = criteriaCount == 0 ? column : column / criteriaCount
                    if recused.isRecused(juror: juror, nominee: nomineeIndex) {
                        cells.append(Cell(value: .text(judging.notJudged), style: CellStyle(role: .recused)))
                        continue
                    }
                    let score = criteriaCount == 0
                        ? grid.score(nominee: nomineeIndex, juror: juror, criterion: nil)
                        : grid.score(nominee: nomineeIndex, juror: juror, criterion: column % criteriaCount)
                    if let score {
                        present.append(score)
                        if criteriaCount > 0 { byCriterion[column % criteriaCount].append(score) }
                    }
                    cells.append(Cell(value: score.map(CellValue.number) ?? .empty, style: .input))
                }
                let entry = standings.entry(for: nominees[nomineeIndex].id)
                cells.append(Cell(
                    value: .formula(layout.totalFormula(row: nomineeIndex), result: entry.map { .number($0.total) } ?? .text("")),
                    style: .total))
                cells.append(Cell(
                    value: .formula(layout.rankFormula(row: nomineeIndex), result: entry.map { .number(Double($0.rank)) } ?? .text("")),
                    style: .number))
                func result(_ values: [Double], _ reduce: ([Double]) -> Double) -> FormulaResult {
                    values.isEmpty ? .text("") : .number(reduce(values))
                }
                for criterion in 0..<criteriaCount {
                    cells.append(Cell(
                        value: .formula(
                            layout.criterionMeanFormula(row: nomineeIndex, criterion: criterion),
                            result: result(byCriterion[criterion]) { $0.reduce(0, +) / Double($0.count) }),
                        style: .total))
                }
                cells.append(Cell(
                    value: .formula(layout.extremeFormula("MIN", row: nomineeIndex), result: result(present) { $0.min() ?? 0 }),
                    style: .total))
                cells.append(Cell(
                    value: .formula(layout.extremeFormula("MAX", row: nomineeIndex), result: result(present) { $0.max() ?? 0 }),
                    style: .total))
                return cells
            },
            frozenRows: 2, frozenColumns: 2,
            colourScale: ColumnRange(column: layout.totalColumn, firstRow: 1, lastRow: nominees.count),
            isProtected: true, comments: comments, blankHighlight: scoreBlock, printsAcrossPages: true)
    }

    /// The nominees in the order of the standings when the workbook was made, each total
    /// and rank a live reference to the score sheet, and the chart of the totals, best first.
    private func ranking(_ name: String, layout: ScoreLayout) -> SheetPlan {
        let ranked = request.standings.ranked
        let nominees = edition.nominees
        return SheetPlan(
            name: name,
            columns: [
                ColumnPlan(header: words.rank, width: 8), fit(words.number, ranked.map { String(nominees[$0.nomineeIndex].number) }),
                fit(words.nominee, ranked.map { nominees[$0.nomineeIndex].name }), ColumnPlan(header: words.total, width: 10),
            ],
            rowCount: ranked.count,
            row: { index in
                let entry = ranked[index]
                let nominee = nominees[entry.nomineeIndex]
                let style = Self.style(kind(ofNomineeAt: entry.nomineeIndex), wraps: false)
                var centred = style
                centred.centred = true
                var total = style
                total.numberFormat = .twoDecimals
                return [
                    Cell(
                        value: .formula("=" + layout.reference(row: entry.nomineeIndex, column: layout.rankColumn), result: .number(Double(entry.rank))),
                        style: centred),
                    Cell(value: .number(Double(nominee.number)), style: centred), Cell(value: .text(nominee.name), style: style),
                    Cell(
                        value: .formula("=" + layout.reference(row: entry.nomineeIndex, column: layout.totalColumn), result: .number(entry.total)),
                        style: total),
                ]
            },
            frozenColumns: 0,
            chart: ranked.count <= Self.maximumChartBars
                ? ChartPlan(
                    title: words.total, categories: ColumnRange(column: 2, firstRow: 0, lastRow: ranked.count - 1),
                    values: ColumnRange(column: 3, firstRow: 0, lastRow: ranked.count - 1),
                    valueRange: min(0, edition.scale.min)...edition.scale.max,
                    anchorRow: 0, anchorColumn: 5)
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

/// Where the score sheet keeps what: one column per juror (and criterion), then the total,
/// the rank, the mean of each criterion, the lowest and the highest score; a weights row
/// under the header, each weight a reference to its one cell on the Criteria sheet; one row
/// per nominee in report order.
struct ScoreLayout {
    struct ScoreColumn: Equatable {
        var juror: String
        var criterion: String?
    }

    let sheet: String
    let scoreColumns: [ScoreColumn]
    let nomineeCount: Int
    private let criteriaSheet: String?
    private let criteria: [Criterion]

    init(edition: Edition, sheet: String, criteriaSheet: String?) {
        self.sheet = sheet
        self.criteriaSheet = criteriaSheet
        criteria = edition.criteria
        nomineeCount = edition.nominees.count
        scoreColumns = edition.jury.flatMap { member -> [ScoreColumn] in
            edition.criteria.isEmpty
                ? [ScoreColumn(juror: member.id, criterion: nil)]
                : edition.criteria.map { ScoreColumn(juror: member.id, criterion: $0.id) }
        }
    }

    static let firstScoreColumn = 2
    var totalColumn: Int { Self.firstScoreColumn + scoreColumns.count }
    var rankColumn: Int { totalColumn + 1 }

    /// The score columns of the jury member at `juror`.
    func columns(ofJuror juror: Int) -> Range<Int> {
        let width = max(criteria.count, 1)
        return (Self.firstScoreColumn + juror * width)..<(Self.firstScoreColumn + (juror + 1) * width)
    }

    /// The weight of a score column: a reference to the criterion's weight on the Criteria
    /// sheet, with its value; 1 without criteria.
    func weightCell(of column: ScoreColumn) -> CellValue {
        guard let criteriaSheet, let id = column.criterion, let index = criteria.firstIndex(where: { $0.id == id }) else {
            return .number(1)
        }
        return .formula(
            "=" + SheetName.reference(criteriaSheet) + "!" + ColumnName.cell(row: index + 1, column: 1, absoluteRow: true, absoluteColumn: true),
            result: .number(criteria[index].weight))
    }

    /// Sheet rows (0-based, header 0): the weights row is 1, nominee `i` is `i + 2`.
    private static let weightsRow = 1
    private func sheetRow(_ nominee: Int) -> Int { nominee + 2 }

    private func scoreRange(row nominee: Int) -> String {
        let row = sheetRow(nominee)
        return ColumnName.cell(row: row, column: Self.firstScoreColumn) + ":" + ColumnName.cell(row: row, column: totalColumn - 1)
    }

    /// The weighted mean of the nominee's scores, over the scores present: empty when none.
    /// A recused cell holds text, which neither sum counts.
    func totalFormula(row nominee: Int) -> String {
        let scores = scoreRange(row: nominee)
        let weights = ColumnName.cell(row: Self.weightsRow, column: Self.firstScoreColumn, absoluteRow: true) + ":"
            + ColumnName.cell(row: Self.weightsRow, column: totalColumn - 1, absoluteRow: true)
        return Self.weightedMean(of: scores, weights: weights)
    }

    /// The mean of the `scores` range weighted by the `weights` range, over the cells that
    /// hold numbers (a recused cell's text weighs nothing); empty when none does. The score
    /// sheet's totals and a form's means alike.
    static func weightedMean(of scores: String, weights: String) -> String {
        "=IF(COUNT(\(scores))=0,\"\",SUMPRODUCT(\(scores),\(weights))/SUMPRODUCT(ISNUMBER(\(scores))*\(weights)))"
    }

    /// Competition ranking (1, 2, 2, 4) of the total among all totals: empty without one.
    func rankFormula(row nominee: Int) -> String {
        let total = ColumnName.cell(row: sheetRow(nominee), column: totalColumn)
        let all = ColumnName.cell(row: sheetRow(0), column: totalColumn, absoluteRow: true) + ":"
            + ColumnName.cell(row: sheetRow(nomineeCount - 1), column: totalColumn, absoluteRow: true)
        return "=IF(\(total)=\"\",\"\",RANK(\(total),\(all)))"
    }

    /// The mean of every jury member's score on the criterion at `criterion`.
    func criterionMeanFormula(row nominee: Int, criterion: Int) -> String {
        let row = sheetRow(nominee)
        let cells = stride(from: Self.firstScoreColumn + criterion, to: totalColumn, by: criteria.count)
            .map { ColumnName.cell(row: row, column: $0) }.joined(separator: ",")
        // AVERAGE of no number is #DIV/0!: empty instead. (IFERROR names the cells once,
        // where a COUNT guard would name every one twice, in a formula on every row.)
        return "=IFERROR(AVERAGE(\(cells)),\"\")"
    }

    /// `MIN` or `MAX` of the nominee's scores: the spread between the jury members.
    func extremeFormula(_ function: String, row nominee: Int) -> String {
        let scores = scoreRange(row: nominee)
        return "=IF(COUNT(\(scores))=0,\"\",\(function)(\(scores)))"
    }

    /// A reference from another sheet to a nominee's cell here.
    func reference(row nominee: Int, column: Int) -> String {
        SheetName.reference(sheet) + "!" + ColumnName.cell(row: sheetRow(nominee), column: column, absoluteRow: true, absoluteColumn: true)
    }

    /// `ScoreGrid` (every score cell), `Weights` (the weights row) and `Totals`, for
    /// formulas and macros of the organizers' own.
    var definedNames: [DefinedName] {
        guard nomineeCount > 0 else { return [] }
        func range(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) -> String {
            "=" + SheetName.reference(sheet) + "!"
                + ColumnName.cell(row: firstRow, column: firstColumn, absoluteRow: true, absoluteColumn: true) + ":"
                + ColumnName.cell(row: lastRow, column: lastColumn, absoluteRow: true, absoluteColumn: true)
        }
        let last = sheetRow(nomineeCount - 1)
        return [
            DefinedName(name: "ScoreGrid", formula: range(sheetRow(0), Self.firstScoreColumn, last, totalColumn - 1)),
            DefinedName(name: "Weights", formula: range(Self.weightsRow, Self.firstScoreColumn, Self.weightsRow, totalColumn - 1)),
            DefinedName(name: "Totals", formula: range(sheetRow(0), totalColumn, last, totalColumn)),
        ]
    }
}
