import CXlsxWriter
import JuryReportCore
import Foundation

/// Writes sheets into one open workbook; owns the formats it creates.
struct SheetWriter {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    let constantMemory: Bool
    /// Whether rows may be written on several threads (``writeRows(of:)``).
    let sharesWork: Bool
    var notes = WorkbookNotes()
    /// Looked up for every cell, so an array rather than a dictionary.
    private(set) var formats = FormatTable()
    /// Constant-memory mode: the formats by their index in the workbook, so that two styles
    /// that look the same share one format.
    private var formatsByIndex: [Int32: UnsafeMutablePointer<lxw_format>] = [:]

    let numberFormats: NumberFormats
    let headerFill: UInt32
    /// Images handed to libxlsxwriter, freed with the writer's workbook (see ``freeImages()``).
    var logoBuffers: [UnsafeMutableBufferPointer<UInt8>] = []

    func freeImages() {
        for buffer in logoBuffers { buffer.deallocate() }
    }

    init(
        workbook: UnsafeMutablePointer<lxw_workbook>, constantMemory: Bool, sharesWork: Bool, numberFormats: NumberFormats,
        headerFill: UInt32
    ) {
        self.workbook = workbook
        self.constantMemory = constantMemory
        self.sharesWork = sharesWork
        self.numberFormats = numberFormats
        self.headerFill = headerFill
    }

    /// The workbook's format for `style`, made on first use.
    ///
    /// In constant-memory mode it gets its number in the workbook at once: libxlsxwriter
    /// would otherwise number it when the first row using it is written out, which happens
    /// on the rows' threads (``writeRows(of:)``), in an order that would vary from run to run.
    mutating func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let format = formats[style] { return format }
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
        if constantMemory, let format {
            // A format that looks like one already numbered is not numbered itself (each
            // lookup would search the workbook's table again): its twin stands for it.
            let index = lxw_format_get_xf_index(format)
            if let twin = formatsByIndex[index] {
                formats[style] = twin
                return twin
            }
            formatsByIndex[index] = format
        }
        formats[style] = format
        return format
    }

    /// Makes the formats `cells` are written with, in the order of the cells.
    mutating func prepareFormats(for cells: [Cell]) {
        for cell in cells where FormatTable.needsFormat(cell) { _ = format(cell.style) }
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

    /// A sheet whose header is written and whose data rows are not yet.
    struct StartedSheet {
        let rows: DataRows
        /// Cells cut at Excel's limit: the header's and rows above it, then the data rows'.
        var truncatedCells: [String]
    }

    /// Writes `sheet` whole: its header, its rows, then what lies over them.
    mutating func write(_ sheet: SheetPlan, logo: Logo? = nil) throws {
        var started = [try begin(sheet, logo: logo)]
        try writeRows(of: &started)
        try finish(started[0])
    }

    /// Adds `sheet` to the workbook and writes what comes before its data rows: columns,
    /// print setup, the rows above the header, the header.
    mutating func begin(_ sheet: SheetPlan, logo: Logo? = nil) throws -> StartedSheet {
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
        var cells = CellWriter(worksheet: worksheet, sheet: sheet.name, formats: formats)
        try writePreamble(sheet, worksheet, &cells)
        let header = sheet.columns.map { Cell(value: .text($0.header), style: .header) }
        if let headerHeight = RowHeight.fitting(header, widths: sheet.columns.map(\.width)) {
            try check(worksheet_set_row(worksheet, lxw_row_t(sheet.headerRow), headerHeight, nil), "setting the header height of \(sheet.name)")
        }
        prepareFormats(for: header)
        cells.formats = formats
        try cells.write(header, row: sheet.headerRow)
        let rows = DataRows(sheet, worksheet)
        try rows.writeComments(row: -1)
        return StartedSheet(rows: rows, truncatedCells: cells.truncatedCells)
    }

    /// What lies over a sheet's rows, added once they are written: the table or filter,
    /// checks, colour scale and chart; then the sheet hidden or protected as planned.
    mutating func finish(_ started: StartedSheet) throws {
        let sheet = started.rows.sheet
        let worksheet = started.rows.worksheet
        notes.truncatedCells += started.truncatedCells
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
    private mutating func writePreamble(
        _ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ writer: inout CellWriter
    ) throws {
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
            prepareFormats(for: cells)
            writer.formats = formats
            try writer.write(cells, row: row)
        }
    }

    /// Sheets with fewer rows than this (all those written together) are written on one
    /// thread: a second core costs more.
    static let rowsWorthASecondCore = 4_096
    /// The rows a round writes of the longest sheet.
    static let batchSize = 2_048

    /// The data rows of `sheets`, written together in rounds: in each, every sheet's next
    /// batch of rows goes to libxlsxwriter while the batch after it is planned, each sheet on
    /// a thread of its own (libxlsxwriter keeps each worksheet apart: its own row, its own
    /// temporary file). Between rounds this thread makes the formats the next batches need,
    /// in sheet order, so the workbook is the same whatever the threads did and on any
    /// number of cores. Every sheet has as many rounds as the longest, so they end together.
    mutating func writeRows(of sheets: inout [StartedSheet]) throws {
        let counts = sheets.map(\.rows.sheet.rowCount)
        let rounds = counts.map { ($0 + Self.batchSize - 1) / Self.batchSize }.max() ?? 0
        guard rounds > 0 else { return }
        let sizes = counts.map { ($0 + rounds - 1) / rounds }
        func range(_ sheet: Int, _ round: Int) -> Range<Int> {
            let start = min(round * sizes[sheet], counts[sheet])
            return start..<min(start + sizes[sheet], counts[sheet])
        }
        let together = sharesWork && counts.reduce(0, +) >= Self.rowsWorthASecondCore
        func run<Result>(_ count: Int, _ work: (Int) -> Result) -> [Result] {
            together ? ConcurrentMap.run(count, work) : (0..<count).map(work)
        }
        let rows = sheets.map(\.rows)
        let count = rows.count
        var batches = run(count) { rows[$0].plan(range($0, 0)) }
        for round in 0..<rounds {
            for batch in batches {
                for style in batch.styles { _ = format(style) }
            }
            let formats = self.formats
            let current = batches
            // Tasks 0..<count write this round's batches (the longer work, so first), the
            // rest plan the next round's.
            let outcomes = run(2 * count) { task -> RoundOutcome in
                guard task < count else {
                    let sheet = task - count
                    return round + 1 < rounds ? .planned(rows[sheet].plan(range(sheet, round + 1))) : .planned(nil)
                }
                var writer = CellWriter(worksheet: rows[task].worksheet, sheet: rows[task].sheet.name, formats: formats)
                do {
                    try rows[task].write(current[task], with: &writer)
                } catch {
                    return .failed(error)
                }
                return .written(writer.truncatedCells)
            }
            batches = []
            for (task, outcome) in outcomes.enumerated() {
                switch outcome {
                case .written(let cut): sheets[task].truncatedCells += cut
                case .failed(let error): throw error
                case .planned(let batch): if let batch { batches.append(batch) }
                }
            }
        }
    }

    private enum RoundOutcome {
        case written([String])
        case failed(any Error)
        case planned(DataRows.Batch?)
    }
}

/// Calls `body` with C strings for `texts` (nil stays nil), alive for the call.
func withCStrings<T>(_ texts: [String?], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> T) rethrows -> T {
    let pointers = texts.map { $0.map { strdup($0) } ?? nil }
    defer { pointers.forEach { free($0) } }
    return try body(pointers)
}
