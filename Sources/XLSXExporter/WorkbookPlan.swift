import JuryReportCore
/// A workbook as plain values: sheets, columns, cells, styles, tables and charts. The
/// ``WorkbookPlanner`` makes it from an edition; ``XLSXWorkbook`` writes it through
/// libxlsxwriter. Rows are produced on demand, so a large edition is never copied into cells.
struct WorkbookPlan {
    var properties: DocumentProperties
    var sheets: [SheetPlan]
    /// Workbook-wide names for ranges (`ScoreGrid` → `Scores!$C$3:$H$9`).
    var definedNames: [DefinedName] = []
    /// Custom document properties, name and text: a form's identity.
    var customProperties: [(name: String, value: String)] = []
    /// How totals and dates are shown, in the edition's language.
    var numberFormats = NumberFormats()
    /// The header rows' fill, `0xRRGGBB`: the house colour's tint, else a light blue.
    var headerFill: UInt32 = 0xDDEBF7
    /// A PNG or JPEG logo, placed on the first sheet beside its table.
    var logo: Logo?
}

/// A workbook-wide name for a range or a constant.
struct DefinedName: Equatable {
    /// Letters, digits and underscores, starting with a letter.
    var name: String
    /// What it stands for, such as `=Scores!$C$3:$H$9`.
    var formula: String
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
    /// Rows above the header row (a form's title and instructions); data rows follow the
    /// header as always, so the header is sheet row `preamble.count`.
    var preamble: [PreambleRow] = []
    /// Protected without a password: a guard against accidents, not security. Cells of an
    /// ``CellStyle/Role/input`` style stay editable.
    var isProtected = false
    /// Number checks on ranges of cells, with their messages.
    var validations: [ValidationPlan] = []
    /// Notes on cells, by data row and column.
    var comments: [CellComment] = []
    /// Columns not shown (a form's ids).
    var hiddenColumns: [Int] = []
    /// Data rows not shown (a form's key row).
    var hiddenRows: [Int] = []
    /// The whole sheet not shown (figures other sheets' formulas read).
    var isHidden = false
    /// Blank cells of this block are tinted while they stay blank: the scores still missing.
    var blankHighlight: CellBlock?
    /// The preamble's last rows that head the columns (a score sheet's jury members over
    /// their criteria): printed on every page with the header.
    var headingPreambleRows = 0

    /// The sheet row (0-based) of the header.
    var headerRow: Int { preamble.count }

    /// The sheet row (0-based) of data row `row`.
    func sheetRow(_ row: Int) -> Int { preamble.count + 1 + row }
}

/// A row above a sheet's header.
struct PreambleRow {
    var cells: [Cell]
    /// The first cell spans every column of the sheet (a title, instructions).
    var spansColumns = false
    /// Columns merged into one cell, which the cell at each range's first column fills
    /// (a jury member's name over their criteria).
    var merges: [ClosedRange<Int>] = []
    /// In points; nil fits the row to its text.
    var height: Double?
}

/// A check on what may be typed into a block of cells: a decimal number within bounds.
struct ValidationPlan: Equatable {
    /// What the cells take: a number from `minimum` to `maximum`, or text of at most
    /// `maximum` characters.
    enum Kind: Equatable {
        case number
        case textLength
    }

    var block: CellBlock
    var kind: Kind = .number
    var minimum: Double
    var maximum: Double
    /// Shown when the cell is selected and when a wrong value is typed.
    var title: String
    var message: String
}

/// A note on one cell, such as why it is not to be filled in.
struct CellComment: Equatable {
    var row: Int
    var column: Int
    var text: String
}

/// Data rows `firstRow...lastRow` and columns `firstColumn...lastColumn`.
struct CellBlock: Equatable {
    var firstRow: Int
    var lastRow: Int
    var firstColumn: Int
    var lastColumn: Int
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
    /// The bars' colour, `0xRRGGBB`.
    var colour: UInt32
    /// The number format of the values written beside the bars (the totals' decimals).
    var labelFormat = "0.00"
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
        /// A cell to fill in: tinted, and unlocked on a protected sheet.
        case input
        /// A cell not to be filled in: grey.
        case recused
        /// A sheet's title, large.
        case title
        /// Small grey text: a form's ids.
        case note
    }

    enum NumberFormat: Int, Hashable, CaseIterable {
        case general
        /// The presentation's decimals shown (``NumberFormats/total``); the full value kept.
        case twoDecimals
        case date
    }

    var role: Role = .plain
    var wraps = false
    var numberFormat: NumberFormat = .general
    /// Centred in its cell (a nominee's number, kept apart from the name beside it).
    var centred = false
    /// Set left even when a number (a column of values of every kind).
    var leftAligned = false

    /// A number for each distinct style, below ``count``: a table index for the writer.
    var index: Int {
        (((role.rawValue * NumberFormat.allCases.count + numberFormat.rawValue) * 2 + (wraps ? 1 : 0)) * 2 + (centred ? 1 : 0)) * 2
            + (leftAligned ? 1 : 0)
    }

    static let count = Role.allCases.count * NumberFormat.allCases.count * 8

    static let plain = CellStyle()
    static let wrapped = CellStyle(wraps: true)
    static let header = CellStyle(role: .header, wraps: true)
    static let label = CellStyle(role: .label)
    static let chair = CellStyle(role: .chair)
    static let weight = CellStyle(role: .weight)
    static let total = CellStyle(numberFormat: .twoDecimals)
    static let number = CellStyle(centred: true)
    static let input = CellStyle(role: .input)
    static let note = CellStyle(role: .note)
}

/// Row heights that fit wrapped text: spreadsheet programs keep the height a file gives,
/// and a file that gives none shows one line, the rest running into the next row.
enum RowHeight {
    /// Points per line of Calibri 11, the default font.
    static let line = 15.0

    /// The height for `cells` in columns of `widths`, or nil when every cell fits one line.
    static func fitting(_ cells: [Cell], widths: [Double]) -> Double? {
        var lines = 1
        for (index, cell) in cells.enumerated() where cell.style.wraps && index < widths.count {
            guard case .text(let text) = cell.value else { continue }
            // A character of Calibri is narrower than Excel's width unit, the digit 0, on
            // average; one unit is kept for the cell's padding.
            let capacity = max(Int((widths[index] - 1) * 1.1), 1)
            // No line of the text has more characters than it has bytes.
            if text.utf8.count <= capacity { continue }
            lines = max(lines, wrappedLines(text, capacity: capacity))
        }
        // Excel's largest row is 409 points.
        return lines > 1 ? min(Double(lines) * line, 409) : nil
    }

    /// The lines `text` takes wrapped at spaces within `capacity` characters: a word that
    /// does not fit on the rest of a line starts the next one; a line break starts one too.
    /// One walk over the scalars, nothing allocated.
    static func wrappedLines(_ text: String, capacity: Int) -> Int {
        var lines = 1
        var used = 0  // characters on the current line
        var word = 0  // characters of the word being read
        func place() {
            guard word > 0 else { return }
            if used > 0 && used + 1 + word > capacity {
                lines += 1
                used = 0
            }
            used += (used > 0 ? 1 : 0) + word
            // A word longer than a line runs over several.
            while used > capacity {
                lines += 1
                used -= capacity
            }
            word = 0
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ":
                place()
            case "\n":
                place()
                lines += 1
                used = 0
            default:
                word += 1
            }
        }
        place()
        return lines
    }
}
