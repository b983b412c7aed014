import CXlsxWriter
import JuryReportCore
import Foundation

/// What a sheet has beside its cells: the logo, data checks, print setup, the Excel table
/// with its filters, the chart.
extension SheetWriter {
    /// The logo two columns right of the sheet's table, about 80 pixels tall. libxlsxwriter
    /// keeps the buffer until the workbook is closed, so the bytes are copied into one the
    /// workbook's life outlasts.
    mutating func place(_ logo: Logo, on worksheet: UnsafeMutablePointer<lxw_worksheet>, beside sheet: SheetPlan) throws {
        guard let height = logo.pixelSize?.height, height > 0 else { return }
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

    /// Validations, notes and the tint of blank cells still to fill in.
    func addChecks(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        for validation in sheet.validations where validation.block.lastRow >= validation.block.firstRow {
            // Excel limits the title to 32 and the message to 255 characters.
            try withCStrings([
                XLSXText.prefix(validation.title, limit: 32), XLSXText.prefix(validation.message, limit: 255),
            ]) { strings in
                var rule = lxw_data_validation()
                switch validation.kind {
                case .number:
                    rule.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
                    rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
                    rule.minimum_number = validation.minimum
                    rule.maximum_number = validation.maximum
                case .textLength:
                    rule.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
                    rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
                    rule.value_number = validation.maximum
                }
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
                    "adding the checks of \(sheet.name)")
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

    func setUpPrinting(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        worksheet_set_paper(worksheet, 9)
        worksheet_set_margins(worksheet, PrintFit.sideMargin, PrintFit.sideMargin, 0.75, 0.75)
        let fit = PrintFit(sheet)
        if fit.landscape { worksheet_set_landscape(worksheet) }
        worksheet_set_print_scale(worksheet, UInt16(fit.scale))
        if fit.acrossPages && sheet.frozenColumns > 0 {
            // Page after page of columns at a readable size, the name columns on each.
            try check(
                worksheet_repeat_columns(worksheet, 0, lxw_col_t(sheet.frozenColumns - 1)),
                "setting the print columns of \(sheet.name)")
        }
        try check(
            worksheet_repeat_rows(
                worksheet, lxw_row_t(sheet.headerRow - sheet.headingPreambleRows), lxw_row_t(sheet.headerRow + sheet.frozenRows - 1)),
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

    mutating func addTable(_ sheet: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
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

    func insertChart(_ plan: ChartPlan, _ sheetPlan: SheetPlan, _ worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
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
        var fill = lxw_chart_fill()
        fill.color = plan.colour
        chart_series_set_fill(series, &fill)
        // Each total beside its bar (a bar chart's labels stand outside its end), in the totals' decimals.
        chart_series_set_labels(series)
        chart_series_set_labels_num_format(series, plan.labelFormat)
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
        options.x_scale = PrintFit.chartScale
        try check(
            worksheet_insert_chart_opt(worksheet, lxw_row_t(plan.anchorRow), lxw_col_t(plan.anchorColumn), chart, &options),
            "inserting the chart into \(sheet)")
    }
}

/// How a sheet fits the A4 page: portrait when its columns fit, else landscape, at full size
/// while they fit and shrunk down to ``smallestScale`` at most; wider sheets print over
/// pages of columns, the name columns on each, rather than in smaller text.
struct PrintFit: Equatable {
    var landscape = false
    /// Percent.
    var scale = 100
    var acrossPages = false

    /// Left and right margins, inches (Excel's own are 0.7).
    static let sideMargin = 0.4
    /// The text stays readable: Calibri 11 at 80 % is about 9 pt.
    static let smallestScale = 80
    /// The chart's width over libxlsxwriter's 480 pixels.
    static let chartScale = 1.25

    /// The printable width in pixels at 96 per inch: A4 less the side margins, and a
    /// twentieth kept free (pages break between columns, and programs round widths apart).
    static let portraitWidth = (8.27 - 2 * sideMargin) * 96 * 0.95
    static let landscapeWidth = (11.69 - 2 * sideMargin) * 96 * 0.95

    /// A column of `width` characters in pixels, as Excel sets it for Calibri 11 (a digit 7
    /// pixels wide, 5 of padding).
    static func pixels(_ width: Double) -> Double { (width * 7 + 0.5).rounded(.down) + 5 }

    init(width pixels: Double) {
        if pixels <= Self.portraitWidth { return }
        landscape = true
        if pixels <= Self.landscapeWidth { return }
        let fitting = Int((Self.landscapeWidth / pixels * 100).rounded(.down))
        scale = max(fitting, Self.smallestScale)
        acrossPages = fitting < Self.smallestScale
    }

    /// The visible columns' width, or a chart's and the columns left of it.
    init(_ sheet: SheetPlan) {
        let hidden = Set(sheet.hiddenColumns)
        func width(_ column: Int) -> Double {
            // Past the sheet's own columns, Excel's default width.
            guard column < sheet.columns.count else { return Self.pixels(8.43) }
            return hidden.contains(column) ? 0 : Self.pixels(sheet.columns[column].width)
        }
        let columns = sheet.columns.indices.map(width).reduce(0, +)
        // A page holds whole columns: the chart counts as the default-width columns it reaches into.
        let chartColumns = (480 * Self.chartScale / Self.pixels(8.43)).rounded(.up)
        let chart = sheet.chart.map { (0..<$0.anchorColumn).map(width).reduce(0, +) + chartColumns * Self.pixels(8.43) } ?? 0
        self.init(width: max(columns, chart))
    }
}

