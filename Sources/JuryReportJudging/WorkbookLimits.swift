import JuryReportCore

/// What a workbook may hold before the reader refuses it: the file, its parts, its shared
/// strings, cells, rows and columns. ``form(of:)`` gives the limits of a score form of one
/// edition, with room for what spreadsheet programs add (styles, an empty row or column
/// more, a second sheet) but nowhere near what a zip bomb or a hand-made file can reach.
public struct WorkbookLimits: Sendable, Equatable {
    /// The file's size, in bytes.
    public var fileSize: Int64
    /// Entries in the zip container.
    public var parts: Int
    /// Any one part, unpacked, in bytes.
    public var partSize: Int64
    public var sharedStrings: Int
    /// Non-empty cells of all sheets together.
    public var cells: Int
    /// Rows and columns a cell may be in (1-based, as in `D8`).
    public var rows: Int
    public var columns: Int

    /// A worksheet's own bounds (`XFD1048576`), and sizes that no form reaches.
    public static let worksheet = WorkbookLimits(
        fileSize: 64 << 20, parts: 1_000, partSize: 256 << 20, sharedStrings: 1_000_000, cells: 2_000_000, rows: 1_048_576,
        columns: 16_384)

    public init(fileSize: Int64, parts: Int, partSize: Int64, sharedStrings: Int, cells: Int, rows: Int, columns: Int) {
        self.fileSize = fileSize
        self.parts = parts
        self.partSize = partSize
        self.sharedStrings = sharedStrings
        self.cells = cells
        self.rows = rows
        self.columns = columns
    }

    /// The limits of a score form of `edition`: its rows (a title block, a key row, one row
    /// per nominee, notes) and columns (name, ids, one per criterion, total, remarks), each
    /// with generous room, on at most a few sheets.
    public static func form(of edition: Edition) -> WorkbookLimits {
        let rows = edition.nominees.count + 100
        let columns = max(edition.criteria.count, 1) + 40
        let cells = rows * columns * 4
        return WorkbookLimits(
            fileSize: min(worksheet.fileSize, 8 << 20 + Int64(cells) * 256), parts: 200,
            partSize: min(worksheet.partSize, 4 << 20 + Int64(cells) * 512), sharedStrings: cells + 1_000, cells: cells, rows: rows,
            columns: columns)
    }
}
