/// A table of a report: criteria, a nominee's key figures, the standings.
public struct ReportTable: Sendable, Equatable {
    /// What the table holds, for renderers that size its columns by kind.
    public enum Kind: Sendable, Equatable {
        case criteria
        case keyFigures
        case standings
        /// Who did not judge whom, and why.
        case recusals
    }

    /// A column: its header and which side its cells keep to.
    public struct Column: Sendable, Equatable {
        public enum Alignment: Sendable, Equatable {
            case leading
            case trailing
        }

        public var header: String
        public var alignment: Alignment

        public init(header: String, alignment: Alignment) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// A row: one cell per column.
    public struct Row: Sendable, Equatable {
        public var cells: [[Inline]]
        /// The winner's row, which renderers may set apart.
        public var isWinner: Bool

        public init(cells: [[Inline]], isWinner: Bool = false) {
            self.cells = cells
            self.isWinner = isWinner
        }
    }

    public var kind: Kind
    /// What the table shows, in words, for a caption.
    public var caption: String
    public var columns: [Column]
    public var rows: [Row]

    public init(kind: Kind, caption: String, columns: [Column], rows: [Row]) {
        self.kind = kind
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}
