import JuryReportCore

/// Plans one jury member's score form as a workbook: the member's name and the instructions
/// on top, one row per nominee, one input column per criterion (its weight in the header,
/// its description in the header's note and in the criteria block below), a live weighted
/// mean per row, a remarks column, recused cells locked and grey, the sheet protected
/// without a password, and
/// the form's identity in its document properties. Hidden ids (see ``ScoreFormKeys``) let
/// `collect` read it back whatever a spreadsheet program did to its layout.
struct ScoreFormPlanner {
    let form: ScoreForm
    /// The time the form's properties give (see ``ReproducibleTime``).
    let timestamp: Int64

    private var edition: Edition { form.edition }
    private var words: Vocabulary { Vocabulary(edition) }

    /// Columns: the hidden ids, number, name, a score column per criterion, the mean, the
    /// remarks.
    static let idColumn = 0
    static let firstScoreColumn = 3
    /// Data rows: the weights, the (hidden) key row, then the nominees.
    static let weightsRow = 0
    static let keyRow = 1
    static let firstNomineeRow = 2

    func plan() -> WorkbookPlan {
        let words = self.words
        let judging = words.judging
        let nominees = edition.nominees
        let criteria = edition.criteria
        let scale = edition.scale
        let columns = form.columnCount
        let meanColumn = Self.firstScoreColumn + columns
        let remarksColumn = meanColumn + 1
        let lastNomineeRow = Self.firstNomineeRow + nominees.count - 1
        let min = words.shortest(scale.min)
        let max = words.shortest(scale.max)

        var sheetColumns = [
            ColumnPlan(header: "id", width: 12),
            ColumnPlan(header: words.number, width: 6),
            Self.nameColumn(words.nominee, nominees.map(\.name) + criteria.map(\.name)),
        ]
        for column in 0..<columns {
            // The weight stands in the weights row below, once.
            let header = criteria.isEmpty ? words.score : criteria[column].name
            // Wide enough for the header on one line up to 18, wrapped beyond.
            sheetColumns.append(ColumnPlan(header: header, width: Swift.min(Swift.max(Double(header.count) + 2, 10), 18), wraps: true))
        }
        sheetColumns.append(ColumnPlan(header: judging.weightedMean, width: 12, wraps: true))
        sheetColumns.append(ColumnPlan(header: judging.remarks, width: 40, wraps: true))

        let title = words.formTitle(of: edition)
        let member = form.member
        // Where and by when the form goes back, in the instructions' paragraph: the form's
        // rows stay where `collect`'s messages have always named them.
        let back = judging.returnLine(by: form.returnBy.map(words.longDate), to: edition.award.organizer)
        let instructions = [judging.formInstructions(min: min, max: max), back].compactMap { $0 }.joined(separator: " ")
        let preamble = [
            PreambleRow(cells: [Cell(value: .text(title), style: CellStyle(role: .title, wraps: true))], spansColumns: true),
            PreambleRow(cells: [Cell(value: .text("\(words.juror): \(member.name)"), style: CellStyle(role: .label, wraps: true))], spansColumns: true),
            PreambleRow(cells: [Cell(value: .text(instructions), style: .wrapped)], spansColumns: true),
            PreambleRow(cells: []),
        ]

        // The criteria block below the nominees: a blank row, a heading, one row each.
        let criteriaRows = criteria.isEmpty ? 0 : criteria.count + 2
        let rowCount = Self.firstNomineeRow + nominees.count + criteriaRows
        // Data row `row`'s sheet row, below the preamble and the header (as SheetPlan counts).
        let sheetRow = { (row: Int) in preamble.count + 1 + row }
        let weights = ColumnName.cell(row: sheetRow(Self.weightsRow), column: Self.firstScoreColumn, absoluteRow: true) + ":"
            + ColumnName.cell(row: sheetRow(Self.weightsRow), column: meanColumn - 1, absoluteRow: true)
        let form = self.form
        let row: (Int) -> [Cell] = { index in
            switch index {
            case Self.weightsRow:
                return [Cell.empty, Cell.empty, Cell(value: .text(words.weight), style: .weight)]
                    + (0..<columns).map { Cell(value: .number(criteria.isEmpty ? 1 : criteria[$0].weight), style: .weight) }
            case Self.keyRow:
                return [Cell(value: .text(ScoreFormKeys.corner), style: .note), Cell.empty, Cell.empty]
                    + (0..<columns).map { Cell(value: .text(form.columnKey($0)), style: .note) }
                    + [Cell.empty, Cell(value: .text(ScoreFormKeys.remarks), style: .note)]
            case Self.firstNomineeRow...lastNomineeRow:
                let nominee = index - Self.firstNomineeRow
                var cells = [
                    Cell(value: .text(nominees[nominee].id), style: .note),
                    Cell(value: .number(Double(nominees[nominee].number)), style: .number),
                    Cell(value: .text(nominees[nominee].name), style: .wrapped),
                ]
                let recusal = form.recusal(nominee: nominee)
                for column in 0..<columns {
                    if recusal != nil {
                        cells.append(Cell(value: .text(judging.notJudged), style: CellStyle(role: .recused)))
                    } else {
                        cells.append(Cell(value: form.score(nominee: nominee, column: column).map(CellValue.number) ?? .empty, style: .input))
                    }
                }
                let row = sheetRow(index)
                let scores = ColumnName.cell(row: row, column: Self.firstScoreColumn) + ":" + ColumnName.cell(row: row, column: meanColumn - 1)
                let present = (0..<columns).compactMap { column -> (Double, Double)? in
                    guard recusal == nil, let score = form.score(nominee: nominee, column: column) else { return nil }
                    return (score, criteria.isEmpty ? 1 : criteria[column].weight)
                }
                let weight = present.reduce(0) { $0 + $1.1 }
                let mean: FormulaResult = weight > 0 ? .number(present.reduce(0) { $0 + $1.0 * $1.1 } / weight) : .text("")
                cells.append(Cell(
                    value: .formula(ScoreLayout.weightedMean(of: scores, weights: weights), result: mean),
                    style: .total))
                // A recused member has nothing to remark: the cell is locked and grey.
                cells.append(
                    recusal != nil
                        ? Cell(value: .empty, style: CellStyle(role: .recused))
                        : Cell(value: form.remark(nominee: nominee).map(CellValue.text) ?? .empty, style: CellStyle(role: .input, wraps: true)))
                return cells
            case lastNomineeRow + 2:
                return [Cell.empty, Cell.empty, Cell(value: .text(words.criteria), style: .label), Cell(value: .text(words.weight), style: .label)]
            case (lastNomineeRow + 3)...:
                let criterion = criteria[index - lastNomineeRow - 3]
                let text = criterion.description.map { "\(criterion.name): \($0.source)" } ?? criterion.name
                return [Cell.empty, Cell.empty, Cell(value: .text(text), style: .wrapped), Cell(value: .number(criterion.weight))]
            default:
                return []
            }
        }

        var comments: [CellComment] = []
        for (column, criterion) in criteria.enumerated() {
            if let description = criterion.description {
                comments.append(CellComment(row: -1, column: Self.firstScoreColumn + column, text: description.source))
            }
        }
        for nominee in nominees.indices {
            guard let recusal = form.recusal(nominee: nominee) else { continue }
            let text = recusal.reason.map { judging.recusedBecause($0) } ?? judging.recused
            comments.append(CellComment(row: Self.firstNomineeRow + nominee, column: Self.firstScoreColumn, text: text))
        }

        let sheet = SheetPlan(
            name: SheetName.make(words.scores, taken: []), columns: sheetColumns, rowCount: rowCount, row: row,
            frozenRows: 2, frozenColumns: 3, printTitle: title, preamble: preamble, isProtected: true,
            validations: [
                ValidationPlan(
                    block: CellBlock(
                        firstRow: Self.firstNomineeRow, lastRow: lastNomineeRow, firstColumn: Self.firstScoreColumn,
                        lastColumn: meanColumn - 1),
                    minimum: scale.min, maximum: scale.max, title: judging.validationTitle,
                    message: judging.validationMessage(min: min, max: max)),
                ValidationPlan(
                    block: CellBlock(
                        firstRow: Self.firstNomineeRow, lastRow: lastNomineeRow, firstColumn: remarksColumn, lastColumn: remarksColumn),
                    kind: .textLength, minimum: 0, maximum: Double(Remark.maximumLength), title: judging.remarks,
                    message: judging.remarksLimit(Remark.maximumLength)),
            ],
            comments: comments, hiddenColumns: [Self.idColumn], hiddenRows: [Self.keyRow])
        let identity = form.identity
        return WorkbookPlan(
            properties: DocumentProperties(
                title: title, subject: edition.award.name, author: member.name, company: edition.award.organizer, created: timestamp),
            sheets: [sheet],
            customProperties: [
                (FormIdentity.PropertyName.edition, identity.edition), (FormIdentity.PropertyName.juror, identity.juror),
                (FormIdentity.PropertyName.fingerprint, identity.fingerprint),
            ])
    }

    /// The name column: as wide as the longest name, at most 40, wrapping beyond.
    private static func nameColumn(_ header: String, _ names: [String]) -> ColumnPlan {
        let longest = names.map { $0.unicodeScalars.count }.max() ?? 0
        return ColumnPlan(header: header, width: Swift.min(Swift.max(Double(longest) + 2, 16), 40), wraps: true)
    }
}

/// The score forms as an exporter for the `forms` command: one workbook per jury member,
/// `<base>.form.<juror>.xlsx`. Not a report format: `juryreport forms` runs it.
public struct XLSXFormExporter: Exporter {
    public let format = ExportFormat(
        name: "xlsx", fileSuffixes: [".xlsx"], summary: "a score form per jury member, to fill in with a spreadsheet program")

    /// The jury members to make forms for, by id; nil for every one.
    public let jurors: Set<String>?
    /// The day the forms are to be back, said on each.
    public let returnBy: CalendarDate?

    public init(jurors: Set<String>? = nil, returnBy: CalendarDate? = nil) {
        self.jurors = jurors
        self.returnBy = returnBy
    }

    public func files(for options: ExportOptions) -> [PlannedFile]? { nil }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        for form in ScoreForm.forms(of: request.edition, jurors: jurors, returnBy: returnBy) {
            let plan = ScoreFormPlanner(form: form, timestamp: request.timestamp).plan()
            try sink.fillFile(suffix: ScoreForm.suffix(juror: form.member.id, extension: "xlsx")) { path in
                do {
                    _ = try XLSXWorkbook().write(plan, to: path, observer: request.temporaryResourceObserver)
                } catch let error as XLSXError where error.isWriteFailure {
                    throw OutputError(path: path, reason: error.reason)
                }
            }
        }
    }
}
