/// A table of a report: criteria, a nominee's key figures, the standings.
public struct ReportTable: Sendable, Equatable {
    /// What the table holds, for renderers that size its columns by kind.
    public enum Kind: Sendable, Equatable {
        case criteria
        case keyFigures
        case standings
        /// Who did not judge whom, and why.
        case recusals
        /// An award's editions, newest first (``AwardArchive``).
        case archive
    }

    /// A column: its header and which side its cells keep to where a format can align only
    /// whole columns (Markdown); a row may align a cell otherwise (``Row/alignments``).
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
        /// Each cell's nodes, made when read: read them once per row.
        public var cells: [[Inline]] {
            get { storedCells.map(\.nodes) }
            set { storedCells = newValue.map(OutlineText.init) }
        }

        /// The winner's row, which renderers may set apart.
        public var isWinner: Bool
        /// Each cell's side where it differs from its column's (a number right in a column of
        /// text); empty when every cell keeps to its column.
        public var alignments: [Column.Alignment]

        private var storedCells: [OutlineText]

        public init(cells: [[Inline]], isWinner: Bool = false, alignments: [Column.Alignment] = []) {
            storedCells = cells.map(OutlineText.init)
            self.isWinner = isWinner
            self.alignments = alignments
        }

        /// A row whose cells are each plain text.
        public init(texts: [String], isWinner: Bool = false, alignments: [Column.Alignment] = []) {
            storedCells = texts.map(OutlineText.text)
            self.isWinner = isWinner
            self.alignments = alignments
        }
    }

    // The stored properties largest first: a block holds its table in place, and every
    // nominee's key figures are one (64 bytes a block, not 80).
    /// What the table shows, in words, for a caption.
    public var caption: String
    public var columns: [Column]
    public var rows: [Row]
    /// A note under the table, in the edition's language.
    public var note: String?
    /// The column whose cell names its row (a criterion, a nominee), for the formats that
    /// mark it as the row's header; nil when no column does.
    public var rowHeader: Int?
    public var kind: Kind

    public init(kind: Kind, caption: String, columns: [Column], rows: [Row], rowHeader: Int? = 0, note: String? = nil) {
        self.kind = kind
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.rowHeader = rowHeader
        self.note = note
    }

    /// Tables of more rows than this may run over pages where a format sets pages (print);
    /// shorter ones are kept whole.
    public static let longestWholeTable = 30

    /// Whether the table is long enough to run over pages (see ``longestWholeTable``).
    public var mayRunOverPages: Bool { rows.count > Self.longestWholeTable }

    /// The side the cell of `row` in `column` keeps to.
    public func alignment(row: Row, column: Int) -> Column.Alignment {
        column < row.alignments.count ? row.alignments[column] : columns[column].alignment
    }
}
