import CXlsxWriter
import JuryReportCore
import Foundation

/// A failure of libxlsxwriter, with what was being done.
struct XLSXError: Error, CustomStringConvertible {
    var context: String
    var reason: String
    /// A failure to write the file (disk full, no permission), not of the workbook's content.
    var isWriteFailure = false

    var description: String { "cannot write the workbook: \(context): \(reason)" }
}

/// What writing a workbook noticed that the user should know.
struct WorkbookNotes: Equatable {
    /// Cells whose text was over Excel's limit and was cut: "sheet!A1".
    var truncatedCells: [String] = []
    /// Tables written as an autofilter range because memory mode cannot hold tables.
    var tablesAsAutofilter: [String] = []
}

/// The one owner of a libxlsxwriter workbook: the only code that calls its C API. It turns
/// every `lxw_error` into an ``XLSXError`` and frees the workbook on every path.
struct XLSXWorkbook {
    /// Write row by row with flat memory (libxlsxwriter's `constant_memory`); tables become
    /// autofilter ranges.
    var constantMemory = false

    func write(_ plan: WorkbookPlan, to path: String) throws -> WorkbookNotes {
        let directory = (path as NSString).deletingLastPathComponent
        // Temporary files beside the output, so a full disk there fails the export instead of
        // silently leaving a corrupt file (a libxlsxwriter trap).
        let workbook: UnsafeMutablePointer<lxw_workbook> = try directory.withCString { tmpdir in
            var options = lxw_workbook_options()
            options.constant_memory = constantMemory ? 1 : 0
            options.tmpdir = UnsafeMutablePointer(mutating: tmpdir)
            options.use_zip64 = 1
            guard let workbook = workbook_new_opt(path, &options) else {
                throw XLSXError(context: "creating \(path)", reason: "libxlsxwriter could not create the workbook", isWriteFailure: true)
            }
            return workbook
        }
        var closed = false
        defer { if !closed { workbook_close(workbook) } }
        var writer = SheetWriter(
            workbook: workbook, constantMemory: constantMemory, numberFormats: plan.numberFormats, headerFill: plan.headerFill)
        try writer.setProperties(plan.properties)
        try writer.setCustomProperties(plan.customProperties)
        for (index, sheet) in plan.sheets.enumerated() {
            try writer.write(sheet, logo: index == 0 ? plan.logo : nil)
        }
        // After the sheets: a name refers to one.
        try writer.define(plan.definedNames)
        closed = true
        defer { writer.freeImages() }
        try check(workbook_close(workbook), "closing the workbook")
        try Self.verifyZip(at: path)
        return writer.notes
    }

    /// A workbook ends with a zip end-of-central-directory record; libxlsxwriter can report
    /// success and leave a truncated file when its temporary space runs out.
    static func verifyZip(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw XLSXError(context: "checking \(path)", reason: "the written file cannot be read", isWriteFailure: true)
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let tail = min(size, 65_557)
        try? handle.seek(toOffset: size - tail)
        let bytes = [UInt8](handle.readDataToEndOfFile())
        // "PK\u{5}\u{6}", searched from the end.
        let found = bytes.count >= 22 && (0...(bytes.count - 22)).reversed().contains {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x05 && bytes[$0 + 3] == 0x06
        }
        if !found {
            throw XLSXError(context: "checking \(path)", reason: "the written file is not a complete workbook (is the disk full?)", isWriteFailure: true)
        }
    }
}

func check(_ error: lxw_error, _ context: @autoclosure () -> String) throws {
    guard error != LXW_NO_ERROR else { return }
    let writeFailures = [
        LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE,
        LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE,
    ]
    throw XLSXError(context: context(), reason: describe(error), isWriteFailure: writeFailures.contains(error))
}

/// libxlsxwriter's error, by name (its numbers change between versions).
private func describe(_ error: lxw_error) -> String {
    switch error {
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED: return "a text is longer than Excel's 32,767 characters"
    case LXW_ERROR_FEATURE_NOT_SUPPORTED: return "not possible in constant-memory mode"
    case LXW_ERROR_CREATING_XLSX_FILE: return "cannot create the file (is the directory writable?)"
    case LXW_ERROR_CREATING_TMPFILE: return "cannot create a temporary file (is the disk full?)"
    case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD: return "cannot write the zip container (is the disk full?)"
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return "out of memory"
    default: return String(cString: lxw_strerror(error))
    }
}

/// Writes sheets into one open workbook; owns the formats it creates.
private struct SheetWriter {
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
    private(set) var logoBuffers: [UnsafeMutableBufferPointer<UInt8>] = []

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
    private mutating func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let format = formats[style.index] { return format }
        let format = workbook_add_format(workbook)
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        if style.wraps { format_set_text_wrap(format) }
        if style.centred { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
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

    /// The logo two columns right of the sheet's table, about 80 pixels tall. libxlsxwriter
    /// keeps the buffer until the workbook is closed, so the bytes are copied into one the
    /// workbook's life outlasts.
    private mutating func place(_ logo: Logo, on worksheet: UnsafeMutablePointer<lxw_worksheet>, beside sheet: SheetPlan) throws {
        guard logo.kind != .pdf, let height = ImageSize.height(of: logo), height > 0 else { return }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: logo.bytes.count)
        _ = buffer.initialize(from: logo.bytes)
        logoBuffers.append(buffer)
        var options = lxw_image_options()
        let scale = min(1, 80 / Double(height))
        options.x_scale = scale
        options.y_scale = scale
        try check(
            worksheet_insert_image_buffer_opt(
                worksheet, 0, lxw_col_t(sheet.columns.count + 1), buffer.baseAddress, buffer.count, &options),
            "placing the logo on \(sheet.name)")
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
        let totalWidth = sheet.columns.enumerated().filter { !sheet.hiddenColumns.contains($0.offset) }.map(\.element.width).reduce(0, +)
        for (row, preamble) in sheet.preamble.enumerated() {
            let widths = preamble.spansColumns ? [totalWidth] : sheet.columns.map(\.width)
            if let height = preamble.height ?? RowHeight.fitting(preamble.cells, widths: widths) {
                try check(worksheet_set_row(worksheet, lxw_row_t(row), height, nil), "setting a row height of \(sheet.name)")
            }
            if preamble.spansColumns, !constantMemory, let first = preamble.cells.first, sheet.columns.count > 1 {
                // The span starts after the hidden columns, where the text is seen.
                let start = (0..<sheet.columns.count).first { !sheet.hiddenColumns.contains($0) } ?? 0
                try check(
                    worksheet_merge_range(
                        worksheet, lxw_row_t(row), lxw_col_t(start), lxw_row_t(row), lxw_col_t(sheet.columns.count - 1), "",
                        format(first.style)),
                    "merging a row of \(sheet.name)")
                try write(first, worksheet, sheet.name, row: row, column: start)
                continue
            }
            try write(preamble.cells, worksheet, sheet.name, row: row)
        }
    }

    /// Validations, notes and the tint of blank cells still to fill in.
    private func addChecks(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        for validation in sheet.validations where validation.block.lastRow >= validation.block.firstRow {
            // Excel limits the title to 32 and the message to 255 characters.
            try withCStrings([
                XLSXText.prefix(validation.title, limit: 32), XLSXText.prefix(validation.message, limit: 255),
            ]) { strings in
                var rule = lxw_data_validation()
                rule.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
                rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
                rule.minimum_number = validation.minimum
                rule.maximum_number = validation.maximum
                rule.input_title = strings[0]
                rule.input_message = strings[1]
                rule.error_title = strings[0]
                rule.error_message = strings[1]
                rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
                let block = validation.block
                try check(
                    worksheet_data_validation_range(
                        worksheet, lxw_row_t(sheet.sheetRow(block.firstRow)), lxw_col_t(block.firstColumn),
                        lxw_row_t(sheet.sheetRow(block.lastRow)), lxw_col_t(block.lastColumn), &rule),
                    "adding the score check to \(sheet.name)")
            }
        }
        if let block = sheet.blankHighlight, block.lastRow >= block.firstRow, block.lastColumn >= block.firstColumn {
            let tint = workbook_add_format(workbook)
            format_set_bg_color(tint, 0xFCE4D6)
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_BLANKS.rawValue)
            rule.format = tint
            try check(
                worksheet_conditional_format_range(
                    worksheet, lxw_row_t(sheet.sheetRow(block.firstRow)), lxw_col_t(block.firstColumn),
                    lxw_row_t(sheet.sheetRow(block.lastRow)), lxw_col_t(block.lastColumn), &rule),
                "tinting the missing scores of \(sheet.name)")
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
        guard sheet.rowCount >= Self.rowsWorthASecondCore && ProcessInfo.processInfo.activeProcessorCount > 1 else {
            for rowIndex in 0..<sheet.rowCount {
                try writeRow(sheet.row(rowIndex), worksheet, sheet, row: rowIndex)
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
                        try writeRow(cells, worksheet, sheet, row: first + offset)
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

    private func setUpPrinting(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        worksheet_set_paper(worksheet, 9)
        let hidden = Set(sheet.hiddenColumns)
        let width = sheet.columns.enumerated().filter { !hidden.contains($0.offset) }.map(\.element.width).reduce(0, +)
            + (sheet.chart == nil ? 0 : 60)
        if width > 100 { worksheet_set_landscape(worksheet) }
        if sheet.printsAcrossPages && width > 150 {
            // Page after page of columns at a readable size, the name columns on each.
            try check(
                worksheet_repeat_columns(worksheet, 0, lxw_col_t(max(sheet.frozenColumns, 1) - 1)),
                "setting the print columns of \(sheet.name)")
        } else {
            worksheet_fit_to_pages(worksheet, 1, 0)
        }
        try check(
            worksheet_repeat_rows(worksheet, lxw_row_t(sheet.headerRow), lxw_row_t(sheet.headerRow + sheet.frozenRows - 1)),
            "setting the print titles of \(sheet.name)")
        // In header and footer codes `&` starts a code: a literal one is doubled, after the
        // text is cut to fit Excel's 255 characters (so no `&&` is cut in half).
        let doubled = { (scalar: Unicode.Scalar) in scalar == "&" ? 2 : 1 }
        let name = XLSXText.prefix(sheet.name, limit: 40, weight: doubled).replacingOccurrences(of: "&", with: "&&")
        let title = XLSXText.prefix(sheet.printTitle, limit: 250 - 4 - name.utf16.count, weight: doubled)
            .replacingOccurrences(of: "&", with: "&&")
        try check(worksheet_set_header(worksheet, "&L" + title + "&R" + name), "setting the page header of \(sheet.name)")
        try check(worksheet_set_footer(worksheet, "&C&P / &N"), "setting the page footer of \(sheet.name)")
    }

    /// Data row `row`: its height fitted to its wrapped text, hidden if the plan says so.
    private mutating func writeRow(
        _ cells: [Cell], _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ sheet: SheetPlan, row: Int
    ) throws {
        let sheetRow = sheet.sheetRow(row)
        let isHidden = !sheet.hiddenRows.isEmpty && sheet.hiddenRows.contains(row)
        if isHidden {
            var options = lxw_row_col_options()
            options.hidden = 1
            try check(worksheet_set_row_opt(worksheet, lxw_row_t(sheetRow), LXW_DEF_ROW_HEIGHT, nil, &options), "hiding a row of \(sheet.name)")
        } else if let height = RowHeight.fitting(cells, widths: sheet.columns.map(\.width)) {
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

    private mutating func addTable(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        guard let table = sheet.table else { return }
        let lastRow = lxw_row_t(sheet.headerRow + max(sheet.rowCount, 1))
        let firstRow = lxw_row_t(sheet.headerRow)
        let lastColumn = lxw_col_t(sheet.columns.count - 1)
        if constantMemory {
            try check(worksheet_autofilter(worksheet, firstRow, 0, lastRow, lastColumn), "adding the autofilter to \(sheet.name)")
            notes.tablesAsAutofilter.append(sheet.name)
            return
        }
        let headers = sheet.columns.map(\.header)
        let headerFormat = format(.header)
        try withCStrings(headers + [table.name]) { strings in
            var columns = headers.indices.map { index -> lxw_table_column in
                var column = lxw_table_column()
                column.header = strings[index]
                column.header_format = headerFormat
                return column
            }
            try columns.withUnsafeMutableBufferPointer { buffer in
                var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
                pointers.append(nil)
                try pointers.withUnsafeMutableBufferPointer { list in
                    var options = lxw_table_options()
                    options.name = strings[headers.count]
                    options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue)
                    options.style_type_number = 9
                    options.columns = list.baseAddress
                    try check(
                        worksheet_add_table(worksheet, firstRow, 0, lastRow, lastColumn, &options),
                        "adding the table to \(sheet.name)")
                }
            }
        }
    }

    private func insertChart(_ plan: ChartPlan, _ sheetPlan: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        let sheet = sheetPlan.name
        guard let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_BAR.rawValue)) else {
            throw XLSXError(context: "adding the chart to \(sheet)", reason: "libxlsxwriter could not create it")
        }
        guard let series = chart_add_series(chart, nil, nil) else {
            throw XLSXError(context: "adding the chart to \(sheet)", reason: "libxlsxwriter could not create a series")
        }
        chart_series_set_categories(
            series, sheet, lxw_row_t(sheetPlan.sheetRow(plan.categories.firstRow)), lxw_col_t(plan.categories.column),
            lxw_row_t(sheetPlan.sheetRow(plan.categories.lastRow)), lxw_col_t(plan.categories.column))
        chart_series_set_values(
            series, sheet, lxw_row_t(sheetPlan.sheetRow(plan.values.firstRow)), lxw_col_t(plan.values.column),
            lxw_row_t(sheetPlan.sheetRow(plan.values.lastRow)), lxw_col_t(plan.values.column))
        chart_title_set_name(chart, plan.title)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        // Bars top to bottom in report order.
        // In a bar chart the categories run up the y axis: reverse it to read top down.
        chart_axis_set_reverse(chart.pointee.y_axis)
        if let range = plan.valueRange {
            chart_axis_set_min(chart.pointee.x_axis, range.lowerBound)
            chart_axis_set_max(chart.pointee.x_axis, range.upperBound)
        }
        let bars = plan.values.lastRow - plan.values.firstRow + 1
        var options = lxw_chart_options()
        options.y_scale = max(1, Double(bars) / 8)
        options.x_scale = 1.5
        try check(
            worksheet_insert_chart_opt(worksheet, lxw_row_t(plan.anchorRow), lxw_col_t(plan.anchorColumn), chart, &options),
            "inserting the chart into \(sheet)")
    }
}

/// Calls `body` with C strings for `texts` (nil stays nil), alive for the call.
private func withCStrings<T>(_ texts: [String?], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> T) rethrows -> T {
    let pointers = texts.map { $0.map { strdup($0) } ?? nil }
    defer { pointers.forEach { free($0) } }
    return try body(pointers)
}
