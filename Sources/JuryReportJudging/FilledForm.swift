import JuryReportCore

/// A score form as a spreadsheet program left it, read by a workbook reader: its document
/// properties and the cells of each sheet. Neutral of the file format, so that the checks
/// of ``ScoreCollector`` know no workbook.
public struct FilledForm: Sendable {
    /// One cell's value as the program saved it.
    public enum Value: Sendable, Equatable {
        case number(Double)
        case text(String)
        case boolean(Bool)
        /// A formula's error, such as `#DIV/0!`.
        case error(String)
    }

    /// One non-empty cell: 0-based row and column.
    public struct Cell: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var value: Value

        public init(row: Int, column: Int, value: Value) {
            self.row = row
            self.column = column
            self.value = value
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var cells: [Cell]

        public init(name: String, cells: [Cell]) {
            self.name = name
            self.cells = cells
        }
    }

    /// How messages name the file: the path the user typed.
    public var file: String
    /// Custom document properties by name (see `FormIdentity`).
    public var properties: [String: String]
    public var sheets: [Sheet]

    public init(file: String, properties: [String: String], sheets: [Sheet]) {
        self.file = file
        self.properties = properties
        self.sheets = sheets
    }
}
