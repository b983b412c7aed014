import CXlsxWriter
import JuryReportCore
import Foundation

/// Writes sheets into one open workbook; owns the formats it creates.
struct SheetWriter {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    let constantMemory: Bool
    var notes = WorkbookNotes()
    /// The notes of the sheet being written, by data row.
    private var commentsByRow: [Int: [CellComment]] = [:]
    /// By ``CellStyle/index``: looked up for every cell, so an array rather than a dictionary.
    private var formats = [UnsafeMutablePointer<lxw_format>?](repeating: nil, count: CellStyle.count)

    let numberFormats: NumberFormats
    let headerFill: UInt32
    /// Images handed to libxlsxwriter, freed with the writer's workbook (see ``freeImages()``).
    var logoBuffers: [UnsafeMutableBufferPointer<UInt8>] = []

    func freeImages() {
        for buffer in logoBuffers { buffer.deallocate() }
    }

    init(workbook: UnsafeMutablePointer<lxw_workbook>, constantMemory: Bool, numberFormats: NumberFormats, headerFill: UInt32) {
        self.workbook = workbook
        self.constantMemory = constantMemory
        self.numberFormats = numberFormats
        self.headerFill = headerFill
    }

    /// The workbook's format for `style`, made on first use.
    mutating func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let format = formats[style.index] { return format }
        let format = workbook_add_format(workbook)
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        if style.wraps { format_set_text_wrap(format) }
        if style.centred { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        if style.leftAligned { format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue)) }
        switch style.numberFormat {
        case .general: break
        case .twoDecimals: format_set_num_format(format, numberFormats.total)
        case .date:
            format_set_num_format(format, numberFormats.date)
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        }
        switch style.role {
        case .plain: break
        case .label, .chair: format_set_bold(format)
        case .header:
            format_set_bold(format)
            format_set_bg_color(format, headerFill)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .winner:
            format_set_bold(format)
            format_set_bg_color(format, 0xC6EFCE)
            format_set_font_color(format, 0x006100)
        case .mention:
            format_set_bg_color(format, 0xFFEB9C)
            format_set_font_color(format, 0x7F6000)
        case .weight:
            format_set_italic(format)
            format_set_font_color(format, 0x595959)
        case .input:
            format_set_unlocked(format)
            format_set_bg_color(format, 0xFFF8DC)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_border_color(format, 0xBFBFBF)
        case .recused:
            format_set_bg_color(format, 0xD9D9D9)
            format_set_font_color(format, 0x595959)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_border_color(format, 0xBFBFBF)
        case .title:
            format_set_bold(format)
            format_set_font_size(format, 14)
        case .note:
            format_set_font_size(format, 8)
            format_set_font_color(format, 0x808080)
        }
        formats[style.index] = format
        return format
    }

    /// 1000-01-01 and 9999-12-31 23:59:59 UTC, in seconds since 1970.
    static let earliestCreated = CalendarDate(year: 1000, month: 1, day: 1).secondsSinceEpoch
    static let latestCreated = CalendarDate(year: 9999, month: 12, day: 31).secondsSinceEpoch + 86_399

    func setProperties(_ properties: DocumentProperties) throws {
        try withCStrings([properties.title, properties.subject, properties.author, properties.company]) { strings in
            var documentProperties = lxw_doc_properties()
            documentProperties.title = strings[0]
            documentProperties.subject = strings[1]
            documentProperties.author = strings[2]
            documentProperties.company = strings[3]
            // libxlsxwriter writes the year without padding: keep it to four digits, which
            // the file format's W3C dates require (a report dated 0001 would be unreadable).
            documentProperties.created = time_t(min(max(properties.created, Self.earliestCreated), Self.latestCreated))
            try check(workbook_set_properties(workbook, &documentProperties), "setting the document properties")
        }
    }

    func setCustomProperties(_ properties: [(name: String, value: String)]) throws {
        for property in properties {
            try check(workbook_set_custom_property_string(workbook, property.name, property.value), "setting the property \(property.name)")
        }
    }

    func define(_ names: [DefinedName]) throws {
        for name in names {
            try check(workbook_define_name(workbook, name.name, name.formula), "defining the name \(name.name)")
        }
    }

    mutating func write(_ sheet: SheetPlan, logo: Logo? = nil) throws {
        guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
            throw XLSXError(context: "adding the sheet \(sheet.name)", reason: "libxlsxwriter refused the sheet name")
        }
        if let logo { try place(logo, on: worksheet, beside: sheet) }
        let hidden = Set(sheet.hiddenColumns)
        for (index, column) in sheet.columns.enumerated() {
            var options = lxw_row_col_options()
            options.hidden = hidden.contains(index) ? 1 : 0
            try check(
                worksheet_set_column_opt(worksheet, lxw_col_t(index), lxw_col_t(index), column.width, nil, &options),
                "setting column widths of \(sheet.name)")
        }
        worksheet_freeze_panes(worksheet, lxw_row_t(sheet.headerRow + sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
        try setUpPrinting(sheet, worksheet)
        try writePreamble(sheet, worksheet)
        let headerHeight = RowHeight.fitting(
            sheet.columns.map { Cell(value: .text($0.header), style: .header) }, widths: sheet.columns.map(\.width))
        if let headerHeight {
            try check(worksheet_set_row(worksheet, lxw_row_t(sheet.headerRow), headerHeight, nil), "setting the header height of \(sheet.name)")
        }
        for (index, column) in sheet.columns.enumerated() {
            try writeText(worksheet, sheet.name, row: sheet.headerRow, column: index, column.header, format(.header))
        }
        // Notes go with their row: constant-memory mode cannot go back to a row written.
        commentsByRow = Dictionary(grouping: sheet.comments, by: \.row)
        try writeComments(row: -1, sheet, worksheet)
        try writeRows(sheet, worksheet)
        try addTable(sheet, worksheet)
        try addChecks(sheet, worksheet)
        if let scale = sheet.colourScale, scale.lastRow >= scale.firstRow {
            var format = lxw_conditional_format()
            format.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            format.min_color = 0xF8696B
            format.mid_color = 0xFFEB84
            format.max_color = 0x63BE7B
            try check(
                worksheet_conditional_format_range(
                    worksheet, lxw_row_t(sheet.sheetRow(scale.firstRow)), lxw_col_t(scale.column),
                    lxw_row_t(sheet.sheetRow(scale.lastRow)), lxw_col_t(scale.column), &format),
                "adding the colour scale to \(sheet.name)")
        }
        if let chart = sheet.chart, chart.values.lastRow >= chart.values.firstRow {
            try insertChart(chart, sheet, worksheet)
        }
        if sheet.isHidden { worksheet_hide(worksheet) }
        if sheet.isProtected {
            var protection = lxw_protection()
            // Jurors may still widen columns and rows to read long names.
            protection.format_columns = 1
            protection.format_rows = 1
            worksheet_protect(worksheet, nil, &protection)
        }
    }

    /// The rows above the header: written first, as constant-memory mode needs.
    private mutating func writePreamble(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        let hidden = Set(sheet.hiddenColumns)
        let widths = sheet.columns.enumerated().map { hidden.contains($0.offset) ? 0 : $0.element.width }
        for (row, preamble) in sheet.preamble.enumerated() {
            var merges = preamble.merges
            if preamble.spansColumns, sheet.columns.count > 1 {
                // The span starts after the hidden columns, where the text is seen.
                let start = (0..<sheet.columns.count).first { !hidden.contains($0) } ?? 0
                merges = [start...(sheet.columns.count - 1)]
            }
            // A merged cell's text wraps in the width of all its columns.
            var cells = preamble.cells
            var cellWidths = widths
            if preamble.spansColumns, let first = cells.first, let span = merges.first {
                cells = Array(repeating: Cell.empty, count: span.lowerBound) + [first]
            }
            for span in merges where span.upperBound < cellWidths.count {
                cellWidths[span.lowerBound] = widths[span].reduce(0, +)
            }
            if let height = preamble.height ?? RowHeight.fitting(cells, widths: cellWidths) {
                try check(worksheet_set_row(worksheet, lxw_row_t(row), height, nil), "setting a row height of \(sheet.name)")
            }
            if !constantMemory {
                for span in merges where span.count > 1 && span.lowerBound < cells.count {
                    try check(
                        worksheet_merge_range(
                            worksheet, lxw_row_t(row), lxw_col_t(span.lowerBound), lxw_row_t(row), lxw_col_t(span.upperBound), "",
                            format(cells[span.lowerBound].style)),
                        "merging a row of \(sheet.name)")
                }
            }
            // Constant-memory mode cannot merge: each text stands in its range's first cell.
            try write(cells, worksheet, sheet.name, row: row)
        }
    }

    /// A4, one page wide (landscape when the columns are wide), the header rows on every
    /// page, the title and sheet name above and page numbers below.
    /// Sheets with fewer rows are made as they are written: a second core costs more.
    static let rowsWorthASecondCore = 4_096
    private static let batchSize = 2_048

    /// The sheet's rows. A long sheet's next batch of rows is made on another core while this
    /// batch goes to libxlsxwriter, so planning cells and formatting XML overlap; only one
    /// thread at a time ever calls libxlsxwriter.
    private mutating func writeRows(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        // For every row's height: made once, not for each of 100,000 rows.
        let widths = sheet.columns.map(\.width)
        guard sheet.rowCount >= Self.rowsWorthASecondCore && ProcessInfo.processInfo.activeProcessorCount > 1 else {
            for rowIndex in 0..<sheet.rowCount {
                try writeRow(sheet.row(rowIndex), worksheet, sheet, row: rowIndex, widths: widths)
            }
            return
        }
        var start = 0
        var batch = (0..<min(Self.batchSize, sheet.rowCount)).map(sheet.row)
        while !batch.isEmpty {
            let next = (start + batch.count)..<min(start + batch.count + Self.batchSize, sheet.rowCount)
            let written = batch
            let first = start
            var failure: (any Error)?
            let made = ConcurrentMap.run(2) { part -> [[Cell]] in
                guard part == 1 else { return next.map(sheet.row) }
                do {
                    for (offset, cells) in written.enumerated() {
                        try writeRow(cells, worksheet, sheet, row: first + offset, widths: widths)
                    }
                } catch {
                    failure = error
                }
                return []
            }
            if let failure { throw failure }
            start += batch.count
            batch = made[0]
        }
    }

    /// Data row `row`: its height fitted to its wrapped text, hidden if the plan says so.
    private mutating func writeRow(
        _ cells: [Cell], _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ sheet: SheetPlan, row: Int, widths: [Double]
    ) throws {
        let sheetRow = sheet.sheetRow(row)
        let isHidden = !sheet.hiddenRows.isEmpty && sheet.hiddenRows.contains(row)
        if isHidden {
            var options = lxw_row_col_options()
            options.hidden = 1
            try check(worksheet_set_row_opt(worksheet, lxw_row_t(sheetRow), LXW_DEF_ROW_HEIGHT, nil, &options), "hiding a row of \(sheet.name)")
        } else if let height = RowHeight.fitting(cells, widths: widths) {
            try check(worksheet_set_row(worksheet, lxw_row_t(sheetRow), height, nil), "setting a row height of \(sheet.name)")
        }
        try write(cells, worksheet, sheet.name, row: sheetRow)
        try writeComments(row: row, sheet, worksheet)
    }

    /// The notes of data row `row` (-1: the header).
    private func writeComments(row: Int, _ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        guard !commentsByRow.isEmpty, let comments = commentsByRow[row] else { return }
        for comment in comments {
            try check(
                worksheet_write_comment(
                    worksheet, lxw_row_t(sheet.sheetRow(comment.row)), lxw_col_t(comment.column), XLSXText.prefix(comment.text, limit: 1000)),
                "adding a note to \(sheet.name)")
        }
    }

    private mutating func write(
        _ cells: [Cell], _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ sheet: String, row: Int
    ) throws {
        for (column, cell) in cells.enumerated() {
            try write(cell, worksheet, sheet, row: row, column: column)
        }
    }

    private mutating func write(
        _ cell: Cell, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ sheet: String, row: Int, column: Int
    ) throws {
        let format = self.format(cell.style)
        let r = lxw_row_t(row)
        let c = lxw_col_t(column)
        switch cell.value {
        case .empty:
            if cell.style != .plain {
                try check(worksheet_write_blank(worksheet, r, c, format), "writing \(sheet)!\(ColumnName.cell(row: row, column: column))")
            }
        case .text(let text):
            try writeText(worksheet, sheet, row: row, column: column, text, format)
        case .number(let number):
            try check(worksheet_write_number(worksheet, r, c, number, format), "writing \(sheet)!\(ColumnName.cell(row: row, column: column))")
        case .date(let year, let month, let day):
            var datetime = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(worksheet, r, c, &datetime, format), "writing \(sheet)!\(ColumnName.cell(row: row, column: column))")
        case .formula(let formula, .number(let result)):
            try check(
                worksheet_write_formula_num(worksheet, r, c, formula, format, result),
                "writing the formula at \(sheet)!\(ColumnName.cell(row: row, column: column))")
        case .formula(let formula, .text(let result)):
            try check(
                worksheet_write_formula_str(worksheet, r, c, formula, format, result),
                "writing the formula at \(sheet)!\(ColumnName.cell(row: row, column: column))")
        }
    }

    /// Writes text as a string cell: never a formula, `_xHHHH_` escaped, cut at Excel's limit.
    private mutating func writeText(
        _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ sheet: String, row: Int, column: Int, _ text: String,
        _ format: UnsafeMutablePointer<lxw_format>?
    ) throws {
        let (cellText, truncated) = XLSXText.cell(text)
        if truncated {
            notes.truncatedCells.append("\(sheet)!\(ColumnName.cell(row: row, column: column))")
        }
        try check(
            worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), cellText, format),
            "writing \(sheet)!\(ColumnName.cell(row: row, column: column))")
    }

}

/// Calls `body` with C strings for `texts` (nil stays nil), alive for the call.
func withCStrings<T>(_ texts: [String?], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> T) rethrows -> T {
    let pointers = texts.map { $0.map { strdup($0) } ?? nil }
    defer { pointers.forEach { free($0) } }
    return try body(pointers)
}
