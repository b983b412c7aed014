import JuryReportCore

/// The sheets of the judging: the criteria, the score sheet to fill in, the ranking.
extension WorkbookPlanner {
    /// The criteria, one weight cell each, which every score formula refers to.
    func criteria(_ name: String) -> SheetPlan {
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
    func scores(_ layout: ScoreLayout) -> SheetPlan {
        let nominees = edition.nominees
        let standings = request.standings
        let grid = ScoreGrid(edition)
        let judging = words.judging
        let jurorNames = Dictionary(edition.jury.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let criterionNames = Dictionary(edition.criteria.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        // The name column is repeated on every printed page of a wide sheet: at most 30
        // wide, longer names wrap.
        // Read in place: copies of a long list's names and numbers only to measure them were
        // most of a large workbook's memory.
        let nameColumn = Self.capped(
            fit(words.nominee, (0...nominees.count).lazy.map { $0 < nominees.count ? nominees[$0].name : words.weight }), at: Self.scoreNameWidth)
        let nameStyle = nameColumn.wraps ? CellStyle.wrapped : CellStyle.plain
        var columns = [fit(words.number, numbers: nominees.indices.lazy.map { nominees[$0].number }), nameColumn]
        // With criteria, the header row names the criterion and the group row above it the
        // jury member, once over their columns; without, the header names the member.
        for key in layout.scoreColumns {
            let header = key.criterion.map { criterionNames[$0] ?? $0 } ?? (jurorNames[key.juror] ?? key.juror)
            columns.append(Self.headed(header))
        }
        if let method = layout.methodColumn.map({ _ in edition.scoring.method }) {
            columns.append(Self.headed(words.labels[.rawTotal]))
            columns.append(Self.headed(words.labels[method.totalLabel]))
        } else {
            columns.append(ColumnPlan(header: words.total, width: 9))
        }
        columns.append(ColumnPlan(header: words.rank, width: Double(max(words.rank.count + 2, 6))))
        for criterion in edition.criteria { columns.append(Self.headed(criterion.name)) }
        columns.append(Self.headed(judging.lowest))
        columns.append(Self.headed(judging.highest))
        var groups = PreambleRow(cells: Array(repeating: Cell(value: .empty, style: .header), count: columns.count))
        if layout.groupRow {
            for juror in edition.jury.indices {
                let span = layout.columns(ofJuror: juror)
                groups.cells[span.lowerBound] = Cell(value: .text(edition.jury[juror].name), style: Self.groupHeader)
                groups.merges.append(span.lowerBound...(span.upperBound - 1))
            }
            groups.cells[layout.firstMeanColumn] = Cell(value: .text(judging.mean), style: Self.groupHeader)
            groups.merges.append(layout.firstMeanColumn...(layout.firstMeanColumn + edition.criteria.count - 1))
        }
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
                    value: .formula(layout.totalFormula(row: nomineeIndex), result: entry.map { .number($0.rawTotal) } ?? .text("")),
                    style: .total))
                if layout.methodColumn != nil {
                    cells.append(Cell(value: entry.map { .number($0.total) } ?? .empty, style: .total))
                }
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
            colourScale: ColumnRange(column: layout.rankedColumn, firstRow: 1, lastRow: nominees.count),
            preamble: layout.groupRow ? [groups] : [], isProtected: true, comments: comments, blankHighlight: scoreBlock,
            headingPreambleRows: layout.groupRow ? 1 : 0)
    }

    /// The nominees in the order of the standings when the workbook was made, each total
    /// and rank a live reference to the score sheet, and the chart of the totals, best first.
    func ranking(_ name: String, layout: ScoreLayout) -> SheetPlan {
        let ranked = request.standings.ranked
        let nominees = edition.nominees
        return SheetPlan(
            name: name,
            columns: [
                ColumnPlan(header: words.rank, width: 8), fit(words.number, numbers: ranked.map { nominees[$0.nomineeIndex].number }),
                fit(words.nominee, ranked.map { nominees[$0.nomineeIndex].name }),
                ColumnPlan(header: words.labels[edition.scoring.method.totalLabel], width: 10),
            ],
            rowCount: ranked.count,
            row: { index in
                let entry = ranked[index]
                let nominee = nominees[entry.nomineeIndex]
                let (style, centred, total) = rowStyles(ofNomineeAt: entry.nomineeIndex)
                return [
                    Cell(
                        value: .formula("=" + layout.reference(row: entry.nomineeIndex, column: layout.rankColumn), result: .number(Double(entry.rank))),
                        style: centred),
                    Cell(value: .number(Double(nominee.number)), style: centred), Cell(value: .text(nominee.name), style: style),
                    Cell(
                        value: .formula("=" + layout.reference(row: entry.nomineeIndex, column: layout.rankedColumn), result: .number(entry.total)),
                        style: total),
                ]
            },
            frozenColumns: 0,
            chart: ranked.count <= Self.maximumChartBars
                ? ChartPlan(
                    title: words.labels[edition.scoring.method.totalLabel], categories: ColumnRange(column: 2, firstRow: 0, lastRow: ranked.count - 1),
                    values: ColumnRange(column: 3, firstRow: 0, lastRow: ranked.count - 1),
                    valueRange: min(0, edition.scale.min)...edition.scale.max,
                    colour: edition.branding.accentTint(0.6).flatMap { UInt32($0.dropFirst(), radix: 16) } ?? Self.winnerBar,
                    labelFormat: NumberFormats(words: words, decimals: edition.presentation.decimals, language: edition.details.language).total,
                    anchorRow: 0, anchorColumn: 5)
                : nil)
    }

    /// The jury's remarks, for the organizer: nominee by nominee in report order, each
    /// nominee's by jury order; an Excel table, so that they filter by nominee or member.
    func remarks(_ name: String) -> SheetPlan {
        let nominees = Dictionary(edition.nominees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let jury = Dictionary(edition.jury.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let remarks = edition.remarks.enumerated().sorted { a, b in
            let x = (nominees[a.element.nominee] ?? 0, jury[a.element.juror] ?? 0, a.offset)
            let y = (nominees[b.element.nominee] ?? 0, jury[b.element.juror] ?? 0, b.offset)
            return x < y
        }.map(\.element)
        let nomineeName = { (remark: Remark) in nominees[remark.nominee].map { edition.nominees[$0].name } ?? remark.nominee }
        let jurorName = { (remark: Remark) in jury[remark.juror].map { edition.jury[$0].name } ?? remark.juror }
        return SheetPlan(
            name: name,
            columns: [
                fit(words.number, remarks.map { nominees[$0.nominee].map { String(edition.nominees[$0].number) } ?? "" }),
                Self.capped(fit(words.nominee, remarks.map(nomineeName)), at: 30),
                Self.capped(fit(words.juror, remarks.map(jurorName)), at: 24),
                ColumnPlan(header: words.judging.remarks, width: 80, wraps: true),
            ],
            rowCount: remarks.count,
            row: { index in
                let remark = remarks[index]
                return [
                    Cell(value: nominees[remark.nominee].map { .number(Double(edition.nominees[$0].number)) } ?? .empty, style: .number),
                    Cell(value: .text(nomineeName(remark)), style: .wrapped), Cell(value: .text(jurorName(remark)), style: .wrapped),
                    Cell(value: .text(remark.text), style: .wrapped),
                ]
            },
            table: TablePlan(name: "Remarks", firstDataRow: 0))
    }

    /// A nominee's row of a list: its text, a centred number and a figure of the report's
    /// decimals, each marked as the winner's or a mention's.
    func rowStyles(ofNomineeAt index: Int) -> (text: CellStyle, centred: CellStyle, decimals: CellStyle) {
        let style = Self.style(kind(ofNomineeAt: index), wraps: false)
        var centred = style
        centred.centred = true
        var decimals = style
        decimals.numberFormat = .twoDecimals
        return (style, centred, decimals)
    }

    /// A name over the columns it groups, centred.
    static let groupHeader = CellStyle(role: .header, wraps: true, centred: true)

    /// The bars' colour without a house colour: the PDF's, its winner green at 60 %.
    static let winnerBar: UInt32 = 0x66A066

    /// A column for a short heading over numbers: as wide as its longest word (so no word
    /// breaks), 7 to 14 wide, the heading wrapping at spaces.
    static func headed(_ header: String) -> ColumnPlan {
        let longestWord = header.split(separator: " ").map { $0.unicodeScalars.count }.max() ?? 0
        return ColumnPlan(header: header, width: Double(min(max(longestWord + 2, 7), 14)), wraps: true)
    }

    /// `column` no wider than `width`, wrapping beyond.
    static func capped(_ column: ColumnPlan, at width: Double) -> ColumnPlan {
        var column = column
        if column.width > width {
            column.width = width
            column.wraps = true
        }
        return column
    }
}
