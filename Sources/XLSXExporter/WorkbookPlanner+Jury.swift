import JuryReportCore

/// The jury at work, for the organizer: each member's scale against the others', and the
/// nominees the jury disagreed on most. Live formulas over the score sheet where a
/// spreadsheet function computes the figure (COUNT, AVERAGE, STDEV, MIN, MAX, CORREL over a
/// hidden sheet of the other members' means), their results cached; Kendall's W, which no
/// spreadsheet function computes, as a value.
extension WorkbookPlanner {
    /// One row per jury member: scores, mean, spread, lowest, highest, leniency (their mean
    /// less the jury's) and the correlation with the other members' means; above, the jury's
    /// agreement (Kendall's W) in a sentence, then W alone as a number.
    func juryAtWork(_ name: String, layout: ScoreLayout, statistics: JuryStatistics, others: OthersSheet?) -> SheetPlan {
        let jury = edition.jury
        let labels = words.labels
        let agreement = statistics.agreement.map { agreement in
            labels.fill(.agreement, [
                "nominees": String(agreement.nominees),
                "value": words.fixed(agreement.w, decimals: max(edition.presentation.decimals, 2)),
            ])
        } ?? labels[.agreementUnknown]
        let columns = [
            Self.capped(fit(words.juror, jury.map(\.name)), at: 30), Self.headed(words.scores), Self.headed(words.judging.mean),
            Self.headed(labels[.spread]), Self.headed(words.judging.lowest), Self.headed(words.judging.highest),
            // Two lines wide enough for "Agreement with the rest" and its translations.
            Self.headed(labels[.leniency]), ColumnPlan(header: labels[.correlation], width: 16, wraps: true),
        ]
        let grid = layout.gridRange
        return SheetPlan(
            name: name, columns: columns, rowCount: jury.count,
            row: { index in
                let range = layout.jurorRange(index)
                let figures = statistics.jurors[index]
                let none = "IF(COUNT(\(range))=0,\"\","
                func cached(_ value: Double?) -> FormulaResult { value.map { .number($0) } ?? .text("") }
                return [
                    Cell(value: .text(jury[index].name), style: jury[index].chair ? .chair : .plain),
                    Cell(value: .formula("=COUNT(\(range))", result: .number(Double(figures.count))), style: .number),
                    Cell(value: .formula("=\(none)AVERAGE(\(range)))", result: cached(figures.mean)), style: .total),
                    Cell(value: .formula("=IF(COUNT(\(range))<2,\"\",STDEV(\(range)))", result: cached(figures.spread)), style: .total),
                    Cell(value: .formula("=\(none)MIN(\(range)))", result: cached(figures.lowest)), style: .total),
                    Cell(value: .formula("=\(none)MAX(\(range)))", result: cached(figures.highest)), style: .total),
                    Cell(value: .formula("=\(none)AVERAGE(\(range))-AVERAGE(\(grid)))", result: cached(figures.leniency)), style: .total),
                    Cell(
                        value: others.map { .formula("=IFERROR(CORREL(\(range),\($0.range(ofJuror: index))),\"\")", result: cached(figures.correlation)) }
                            ?? figures.correlation.map(CellValue.number) ?? .empty,
                        style: .total),
                ]
            },
            frozenColumns: 1,
            preamble: [
                PreambleRow(cells: [Cell(value: .text(agreement), style: .wrapped)], spansColumns: true, height: 2 * RowHeight.line),
                // W itself in full precision, for the organizer's own formulas.
                PreambleRow(cells: [
                    Cell(value: .text("W"), style: .label),
                    Cell(value: statistics.agreement.map { .number($0.w) } ?? .empty, style: .total),
                ]),
            ])
    }

    /// The nominees by the spread of their scores, widest first: where the deliberation
    /// starts.
    func differences(_ name: String, layout: ScoreLayout, statistics: JuryStatistics) -> SheetPlan {
        let nominees = edition.nominees
        let rows = statistics.nominees
        return SheetPlan(
            name: name,
            columns: [
                fit(words.number, numbers: rows.map { nominees[$0.nomineeIndex].number }),
                Self.capped(fit(words.nominee, rows.map { nominees[$0.nomineeIndex].name }), at: 40),
                Self.headed(words.scores), Self.headed(words.labels[.spread]),
            ],
            rowCount: rows.count,
            row: { index in
                let figures = rows[index]
                let range = layout.nomineeRange(figures.nomineeIndex)
                let (style, centred, spread) = rowStyles(ofNomineeAt: figures.nomineeIndex)
                return [
                    Cell(value: .number(Double(nominees[figures.nomineeIndex].number)), style: centred),
                    Cell(value: .text(nominees[figures.nomineeIndex].name), style: style),
                    Cell(value: .formula("=COUNT(\(range))", result: .number(Double(figures.count))), style: centred),
                    Cell(
                        value: .formula("=IF(COUNT(\(range))<2,\"\",STDEV(\(range)))", result: figures.spread.map { .number($0) } ?? .text("")),
                        style: spread),
                ]
            },
            frozenColumns: 2)
    }

    /// Where the hidden sheet of the other members' means keeps what: per nominee, each
    /// criterion's count and sum of scores over the whole jury, then one column per score
    /// column of the score sheet holding the mean of the other members' scores on that
    /// nominee and criterion (empty where the member gave none or nobody else did). The
    /// correlation of a member's block of the score sheet with their block here is CORREL's.
    struct OthersSheet {
        let name: String
        let layout: ScoreLayout
        /// Slots per nominee: one per criterion, or one without criteria.
        var slots: Int { max(layout.criterionCount, 1) }

        /// The most score cells for which the workbook carries the sheet: beyond, the
        /// correlation is a value (the sheet would double the score sheet's formulas).
        static let mostScoreCells = 250_000

        /// The range of the jury member at `juror`'s block, sheet-qualified.
        func range(ofJuror juror: Int) -> String {
            let columns = layout.columns(ofJuror: juror)
            let first = 2 * slots + columns.lowerBound - ScoreLayout.firstScoreColumn
            return SheetName.reference(name) + "!"
                + ColumnName.cell(row: 1, column: first, absoluteRow: true, absoluteColumn: true) + ":"
                + ColumnName.cell(row: layout.nomineeCount, column: first + columns.count - 1, absoluteRow: true, absoluteColumn: true)
        }
    }

    /// The hidden sheet of the other members' means, for the live correlation.
    func others(_ sheet: OthersSheet, grid: ScoreGrid) -> SheetPlan {
        let layout = sheet.layout
        let slots = sheet.slots
        let criteria = layout.criterionCount
        var columns: [ColumnPlan] = []
        for slot in 0..<slots {
            let name = criteria == 0 ? "" : " " + edition.criteria[slot].id
            columns.append(ColumnPlan(header: "count" + name, width: 8))
            columns.append(ColumnPlan(header: "sum" + name, width: 8))
        }
        for column in layout.scoreColumns { columns.append(ColumnPlan(header: column.juror + (column.criterion.map { " " + $0 } ?? ""), width: 8)) }
        let jury = edition.jury.count
        return SheetPlan(
            name: sheet.name, columns: columns, rowCount: layout.nomineeCount,
            row: { nominee in
                var cells: [Cell] = []
                cells.reserveCapacity(columns.count)
                // The values, for the cached results: each slot's scores by jury member.
                var values = [[Double?]](repeating: [], count: slots)
                for slot in 0..<slots {
                    values[slot] = (0..<jury).map { grid.score(nominee: nominee, juror: $0, criterion: criteria == 0 ? nil : slot) }
                    let present = values[slot].compactMap { $0 }
                    let cells_ = layout.criterionCells(row: nominee, criterion: criteria == 0 ? nil : slot).joined(separator: ",")
                    cells.append(Cell(value: .formula("=COUNT(\(cells_))", result: .number(Double(present.count))), style: .plain))
                    cells.append(Cell(value: .formula("=SUM(\(cells_))", result: .number(present.reduce(0, +))), style: .plain))
                }
                let row = nominee + 1
                for column in layout.scoreColumns.indices {
                    let juror = criteria == 0 ? column : column / criteria, slot = criteria == 0 ? 0 : column % criteria
                    let count = ColumnName.cell(row: row, column: 2 * slot, absoluteColumn: true)
                    let sum = ColumnName.cell(row: row, column: 2 * slot + 1, absoluteColumn: true)
                    let own = layout.scoreCell(row: nominee, column: column)
                    let present = values[slot].compactMap { $0 }
                    let result: FormulaResult = values[slot][juror].map { score in
                        present.count > 1 ? .number((present.reduce(0, +) - score) / Double(present.count - 1)) : .text("")
                    } ?? .text("")
                    cells.append(Cell(
                        value: .formula("=IF(AND(ISNUMBER(\(own)),\(count)>1),(\(sum)-\(own))/(\(count)-1),\"\")", result: result),
                        style: .plain))
                }
                return cells
            },
            frozenColumns: 0, isHidden: true)
    }
}
