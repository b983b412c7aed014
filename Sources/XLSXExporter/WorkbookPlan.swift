/// A workbook as plain values: sheets, columns, cells, styles, tables and charts. The
/// ``WorkbookPlanner`` makes it from an edition; ``XLSXWorkbook`` writes it through
/// libxlsxwriter. Rows are produced on demand, so a large edition is never copied into cells.
struct WorkbookPlan {
    var properties: DocumentProperties
    var sheets: [SheetPlan]
}

/// The workbook's document properties.
struct DocumentProperties: Equatable {
    var title: String
    var subject: String?
    var author: String?
    var company: String?
    /// Seconds since 1970, UTC.
    var created: Int64
}

/// One worksheet.
struct SheetPlan {
    /// A valid, unique Excel sheet name (see ``SheetName``).
    var name: String
    var columns: [ColumnPlan]
    /// Rows below the header row, including fixed rows such as weights.
    var rowCount: Int
    /// The cells of data row `index` (0-based, below the header), left to right.
    var row: (Int) -> [Cell]
    /// Rows and columns kept in view: the header, and for some sheets the name columns.
    var frozenRows = 1
    var frozenColumns = 0
    /// An Excel table over the header and data rows (or only an autofilter range where
    /// tables are not possible).
    var table: TablePlan?
    /// A colour scale over one column's data rows.
    var colourScale: ColumnRange?
    var chart: ChartPlan?
    /// What stands above every printed page: the report's title.
    var printTitle = ""
}

struct ColumnPlan: Equatable {
    var header: String
    /// Width in Excel's character units.
    var width: Double
    /// Long text wraps within the width.
    var wraps = false
}

struct TablePlan: Equatable {
    /// A valid Excel table name (letters, digits, underscores).
    var name: String
    /// Data rows the table covers, starting after the header.
    var firstDataRow: Int
}

/// Data rows `firstRow...lastRow` (0-based below the header) of one column.
struct ColumnRange: Equatable {
    var column: Int
    var firstRow: Int
    var lastRow: Int
}

/// A bar chart of one column against another.
struct ChartPlan: Equatable {
    var title: String
    var categories: ColumnRange
    var values: ColumnRange
    /// The value axis's range: the score scale.
    var valueRange: ClosedRange<Double>?
    /// Where the chart's top-left corner goes: sheet row and column (0-based, header = 0).
    var anchorRow: Int
    var anchorColumn: Int
}

/// One cell.
struct Cell: Equatable {
    var value: CellValue
    var style: CellStyle = .plain

    static let empty = Cell(value: .empty)
}

enum CellValue: Equatable {
    case empty
    /// Always written as a string, never as a formula.
    case text(String)
    case number(Double)
    /// A date, shown as `yyyy-mm-dd`.
    case date(year: Int, month: Int, day: Int)
    /// A live formula with its computed result, for viewers that do not recalculate.
    case formula(String, result: FormulaResult)
}

enum FormulaResult: Equatable {
    case number(Double)
    case text(String)
}

/// The look of a cell; ``XLSXWorkbook`` turns each distinct style into one format.
struct CellStyle: Hashable {
    enum Role: Int, Hashable, CaseIterable {
        case plain, header, label, winner, mention, chair, weight
    }

    enum NumberFormat: Int, Hashable, CaseIterable {
        case general
        /// Two decimals shown; the full value kept.
        case twoDecimals
        case date
    }

    var role: Role = .plain
    var wraps = false
    var numberFormat: NumberFormat = .general

    /// A number for each distinct style, below ``count``: a table index for the writer.
    var index: Int {
        (role.rawValue * NumberFormat.allCases.count + numberFormat.rawValue) * 2 + (wraps ? 1 : 0)
    }

    static let count = Role.allCases.count * NumberFormat.allCases.count * 2

    static let plain = CellStyle()
    static let wrapped = CellStyle(wraps: true)
    static let header = CellStyle(role: .header, wraps: true)
    static let label = CellStyle(role: .label)
    static let chair = CellStyle(role: .chair)
    static let weight = CellStyle(role: .weight)
    static let total = CellStyle(numberFormat: .twoDecimals)
}
