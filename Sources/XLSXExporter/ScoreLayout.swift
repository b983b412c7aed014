import JuryReportCore

/// Where the score sheet keeps what: one column per juror (and criterion), then the total
/// (the weighted mean), the total of the edition's scoring method when it is another, the rank, the mean of each criterion, the lowest and the highest score; a weights row
/// under the header, each weight a reference to its one cell on the Criteria sheet; one row
/// per nominee in report order. With criteria, a row above the header names each jury
/// member once over their criteria (``groupRow``).
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
    /// The scoring method whose totals rank.
    let method: Scoring.Method

    init(edition: Edition, sheet: String, criteriaSheet: String?) {
        self.sheet = sheet
        method = edition.scoring.method
        self.criteriaSheet = criteriaSheet
        criteria = edition.criteria
        nomineeCount = edition.nominees.count
        groupRow = !edition.criteria.isEmpty
        scoreColumns = edition.jury.flatMap { member -> [ScoreColumn] in
            edition.criteria.isEmpty
                ? [ScoreColumn(juror: member.id, criterion: nil)]
                : edition.criteria.map { ScoreColumn(juror: member.id, criterion: $0.id) }
        }
    }

    /// Whether a row above the header groups the columns: the jury members' names over their
    /// criteria, "Mean" over the criteria's means.
    let groupRow: Bool

    static let firstScoreColumn = 2
    /// The weighted mean of the nominee's scores, a live formula.
    var totalColumn: Int { Self.firstScoreColumn + scoreColumns.count }
    /// The total of a scoring method other than `mean`, beside the weighted mean: a value
    /// computed from the edition's scores (no spreadsheet function standardizes per juror).
    var methodColumn: Int? { method == .mean ? nil : totalColumn + 1 }
    /// The totals that rank: the method's.
    var rankedColumn: Int { methodColumn ?? totalColumn }
    var rankColumn: Int { rankedColumn + 1 }

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

    /// Sheet rows (0-based): the group row, the header, the weights row, then nominee by nominee.
    private var weightsRow: Int { groupRow ? 2 : 1 }
    private func sheetRow(_ nominee: Int) -> Int { weightsRow + 1 + nominee }

    private func scoreRange(row nominee: Int) -> String {
        let row = sheetRow(nominee)
        return ColumnName.cell(row: row, column: Self.firstScoreColumn) + ":" + ColumnName.cell(row: row, column: totalColumn - 1)
    }

    /// The weighted mean of the nominee's scores, over the scores present: empty when none.
    /// A recused cell holds text, which neither sum counts.
    func totalFormula(row nominee: Int) -> String {
        let scores = scoreRange(row: nominee)
        let weights = ColumnName.cell(row: weightsRow, column: Self.firstScoreColumn, absoluteRow: true) + ":"
            + ColumnName.cell(row: weightsRow, column: totalColumn - 1, absoluteRow: true)
        return Self.weightedMean(of: scores, weights: weights)
    }

    /// The mean of the `scores` range weighted by the `weights` range, over the cells that
    /// hold numbers (a recused cell's text weighs nothing); empty when none does. The score
    /// sheet's totals and a form's means alike.
    static func weightedMean(of scores: String, weights: String) -> String {
        "=IF(COUNT(\(scores))=0,\"\",SUMPRODUCT(\(scores),\(weights))/SUMPRODUCT(ISNUMBER(\(scores))*\(weights)))"
    }

    /// Competition ranking (1, 2, 2, 4) of the ranking total among all of them: empty
    /// without one.
    func rankFormula(row nominee: Int) -> String {
        let total = ColumnName.cell(row: sheetRow(nominee), column: rankedColumn)
        let all = ColumnName.cell(row: sheetRow(0), column: rankedColumn, absoluteRow: true) + ":"
            + ColumnName.cell(row: sheetRow(nomineeCount - 1), column: rankedColumn, absoluteRow: true)
        return "=IF(\(total)=\"\",\"\",RANK(\(total),\(all)))"
    }

    /// The first column of the criteria's means.
    var firstMeanColumn: Int { rankColumn + 1 }

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

    /// The range of every score the jury member at `juror` gave, for formulas on other sheets.
    func jurorRange(_ juror: Int) -> String {
        let columns = self.columns(ofJuror: juror)
        return SheetName.reference(sheet) + "!"
            + ColumnName.cell(row: sheetRow(0), column: columns.lowerBound, absoluteRow: true, absoluteColumn: true) + ":"
            + ColumnName.cell(row: sheetRow(nomineeCount - 1), column: columns.upperBound - 1, absoluteRow: true, absoluteColumn: true)
    }

    /// The range of every score of the nominee at `nominee`, for formulas on other sheets.
    func nomineeRange(_ nominee: Int) -> String {
        let row = sheetRow(nominee)
        return SheetName.reference(sheet) + "!"
            + ColumnName.cell(row: row, column: Self.firstScoreColumn, absoluteRow: true, absoluteColumn: true) + ":"
            + ColumnName.cell(row: row, column: totalColumn - 1, absoluteRow: true, absoluteColumn: true)
    }

    /// The range of the whole grid of scores, for formulas on other sheets.
    var gridRange: String {
        SheetName.reference(sheet) + "!"
            + ColumnName.cell(row: sheetRow(0), column: Self.firstScoreColumn, absoluteRow: true, absoluteColumn: true) + ":"
            + ColumnName.cell(row: sheetRow(max(nomineeCount - 1, 0)), column: totalColumn - 1, absoluteRow: true, absoluteColumn: true)
    }

    /// The score cells, sheet-qualified, of the nominee at `nominee` on the criterion at
    /// `criterion` (every jury member's; nil criterion: the edition has none).
    func criterionCells(row nominee: Int, criterion: Int?) -> [String] {
        let row = sheetRow(nominee)
        let prefix = SheetName.reference(sheet) + "!"
        guard let criterion else {
            return [prefix + ColumnName.cell(row: row, column: Self.firstScoreColumn) + ":" + ColumnName.cell(row: row, column: totalColumn - 1)]
        }
        return stride(from: Self.firstScoreColumn + criterion, to: totalColumn, by: criteria.count)
            .map { prefix + ColumnName.cell(row: row, column: $0) }
    }

    /// A score cell, sheet-qualified: the nominee's, in the score column at `column` (an
    /// index of ``scoreColumns``).
    func scoreCell(row nominee: Int, column: Int) -> String {
        SheetName.reference(sheet) + "!" + ColumnName.cell(row: sheetRow(nominee), column: Self.firstScoreColumn + column)
    }

    /// The number of criteria (0 without).
    var criterionCount: Int { criteria.count }

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
            DefinedName(name: "Weights", formula: range(weightsRow, Self.firstScoreColumn, weightsRow, totalColumn - 1)),
            DefinedName(name: "Totals", formula: range(sheetRow(0), totalColumn, last, totalColumn)),
        ]
    }
}
