import CXlsxWriter
import JuryReportCore

/// The workbook's formats by cell style. ``SheetWriter`` makes them, on one thread; the
/// threads that write rows only read a copy.
struct FormatTable {
    private var pointers = [UnsafeMutablePointer<lxw_format>?](repeating: nil, count: CellStyle.count)

    subscript(style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        get { pointers[style.index] }
        set { pointers[style.index] = newValue }
    }

    /// Whether `cell` is written with a format: every cell but an empty plain one, which is
    /// not written at all.
    static func needsFormat(_ cell: Cell) -> Bool {
        if case .empty = cell.value { return cell.style != .plain }
        return true
    }
}

/// Writes the cells of one worksheet with formats already made: the code that runs on the
/// rows' threads, so it reads its format table and changes nothing another thread uses.
struct CellWriter {
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    let sheet: String
    var formats: FormatTable
    /// Cells whose text was cut at Excel's limit, "sheet!A1", in the order written.
    var truncatedCells: [String] = []

    mutating func write(_ cells: [Cell], row: Int) throws {
        for (column, cell) in cells.enumerated() {
            try write(cell, row: row, column: column)
        }
    }

    mutating func write(_ cell: Cell, row: Int, column: Int) throws {
        let r = lxw_row_t(row)
        let c = lxw_col_t(column)
        switch cell.value {
        case .empty:
            if cell.style != .plain {
                try check(worksheet_write_blank(worksheet, r, c, format(cell.style)), "writing \(place(row, column))")
            }
        case .text(let text):
            try writeText(row: row, column: column, text, format(cell.style))
        case .number(let number):
            try check(worksheet_write_number(worksheet, r, c, number, format(cell.style)), "writing \(place(row, column))")
        case .date(let year, let month, let day):
            var datetime = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(worksheet, r, c, &datetime, format(cell.style)), "writing \(place(row, column))")
        case .formula(let formula, .number(let result)):
            try check(
                worksheet_write_formula_num(worksheet, r, c, formula, format(cell.style), result),
                "writing the formula at \(place(row, column))")
        case .formula(let formula, .text(let result)):
            try check(
                worksheet_write_formula_str(worksheet, r, c, formula, format(cell.style), result),
                "writing the formula at \(place(row, column))")
        }
    }

    /// Writes text as a string cell: never a formula, `_xHHHH_` escaped, cut at Excel's limit.
    mutating func writeText(row: Int, column: Int, _ text: String, _ format: UnsafeMutablePointer<lxw_format>?) throws {
        let (cellText, truncated) = XLSXText.cell(text)
        if truncated { truncatedCells.append(place(row, column)) }
        try check(worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), cellText, format), "writing \(place(row, column))")
    }

    /// The format of `style`, which ``SheetWriter`` made before these cells were handed over.
    private func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        let format = formats[style]
        assert(format != nil, "no format made for \(style)")
        return format
    }

    private func place(_ row: Int, _ column: Int) -> String { "\(sheet)!\(ColumnName.cell(row: row, column: column))" }
}

/// One sheet's data rows: planned in batches (the cells, and the styles they need that the
/// sheet has not used before), then written with their heights, hidden rows and notes.
struct DataRows {
    let sheet: SheetPlan
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    /// For every row's height: made once, not for each of 100,000 rows.
    let widths: [Double]
    /// The notes of the sheet by data row: constant-memory mode cannot go back to a row written.
    let comments: [Int: [CellComment]]

    init(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) {
        self.sheet = sheet
        self.worksheet = worksheet
        widths = sheet.columns.map(\.width)
        comments = Dictionary(grouping: sheet.comments, by: \.row)
    }

    /// Planned rows, and the styles they use in the order first used.
    struct Batch {
        var first: Int
        var rows: [[Cell]]
        var styles: [CellStyle]
    }

    /// The rows of `range`, planned, with the styles they need.
    func plan(_ range: Range<Int>) -> Batch {
        let rows = range.map(sheet.row)
        var seen = [Bool](repeating: false, count: CellStyle.count)
        var styles: [CellStyle] = []
        for row in rows {
            for cell in row where !seen[cell.style.index] && FormatTable.needsFormat(cell) {
                seen[cell.style.index] = true
                styles.append(cell.style)
            }
        }
        return Batch(first: range.lowerBound, rows: rows, styles: styles)
    }

    /// Writes `batch`: each row's height fitted to its wrapped text, hidden if the plan says so.
    func write(_ batch: Batch, with writer: inout CellWriter) throws {
        for (offset, cells) in batch.rows.enumerated() {
            let row = batch.first + offset
            let sheetRow = sheet.sheetRow(row)
            if !sheet.hiddenRows.isEmpty && sheet.hiddenRows.contains(row) {
                var options = lxw_row_col_options()
                options.hidden = 1
                try check(worksheet_set_row_opt(worksheet, lxw_row_t(sheetRow), LXW_DEF_ROW_HEIGHT, nil, &options), "hiding a row of \(sheet.name)")
            } else if let height = RowHeight.fitting(cells, widths: widths) {
                try check(worksheet_set_row(worksheet, lxw_row_t(sheetRow), height, nil), "setting a row height of \(sheet.name)")
            }
            try writer.write(cells, row: sheetRow)
            try writeComments(row: row)
        }
    }

    /// The notes of data row `row` (-1: the header).
    func writeComments(row: Int) throws {
        guard !comments.isEmpty, let notes = comments[row] else { return }
        for comment in notes {
            try check(
                worksheet_write_comment(
                    worksheet, lxw_row_t(sheet.sheetRow(comment.row)), lxw_col_t(comment.column), XLSXText.prefix(comment.text, limit: 1000)),
                "adding a note to \(sheet.name)")
        }
    }
}
