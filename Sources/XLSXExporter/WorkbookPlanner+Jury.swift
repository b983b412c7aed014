import JuryReportCore

/// The jury at work, for the organizer: each member's scale against the others', and the
/// nominees the jury disagreed on most. Live formulas over the score sheet where a
/// spreadsheet function computes the figure (COUNT, AVERAGE, STDEV, MIN, MAX), their results
/// cached; the rest (the correlation with the other members, Kendall's W) as values.
extension WorkbookPlanner {
    /// One row per jury member: scores, mean, spread, lowest, highest, leniency (their mean
    /// less the jury's) and the correlation with the other members' means; the jury's
    /// agreement (Kendall's W) above.
    func juryAtWork(_ name: String, layout: ScoreLayout, statistics: JuryStatistics) -> SheetPlan {
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
            Self.headed(labels[.leniency]), Self.headed(labels[.correlation]),
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
                    Cell(value: figures.correlation.map(CellValue.number) ?? .empty, style: .total),
                ]
            },
            frozenColumns: 1,
            preamble: [PreambleRow(cells: [Cell(value: .text(agreement), style: .wrapped)], spansColumns: true, height: 2 * RowHeight.line)])
    }

    /// The nominees by the spread of their scores, widest first: where the deliberation
    /// starts.
    func differences(_ name: String, layout: ScoreLayout, statistics: JuryStatistics) -> SheetPlan {
        let nominees = edition.nominees
        let rows = statistics.nominees
        return SheetPlan(
            name: name,
            columns: [
                fit(words.number, rows.map { String(nominees[$0.nomineeIndex].number) }),
                Self.capped(fit(words.nominee, rows.map { nominees[$0.nomineeIndex].name }), at: 40),
                Self.headed(words.scores), Self.headed(words.labels[.spread]),
            ],
            rowCount: rows.count,
            row: { index in
                let figures = rows[index]
                let range = layout.nomineeRange(figures.nomineeIndex)
                let style = Self.style(kind(ofNomineeAt: figures.nomineeIndex), wraps: false)
                var centred = style
                centred.centred = true
                var spread = style
                spread.numberFormat = .twoDecimals
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
}
