/// A part of a report: a heading (or none) and its blocks.
public struct ReportSection: Sendable, Equatable {
    /// What the part is, for renderers that style or link parts by kind.
    public enum Kind: Sendable, Equatable {
        /// A free-text section of the edition, before or after the nominees.
        case text
        case criteria
        /// The part that holds every nominee's section.
        case nominees
        /// One nominee, with its distinction if it has one.
        case nominee(ReportDistinction.Kind?)
        case standings
        /// Who did not judge whom.
        case recusals
        case verdict
    }

    public var kind: Kind
    /// 1 for the report's parts, 2 for a part inside one (a nominee).
    public var level: Int
    public var heading: String?
    /// A name unique in the report, made of `a-z`, `0-9` and `-`: for links and bookmarks.
    public var anchor: String
    public var blocks: [ReportBlock]

    public init(kind: Kind, level: Int, heading: String?, anchor: String, blocks: [ReportBlock]) {
        self.kind = kind
        self.level = level
        self.heading = heading
        self.anchor = anchor
        self.blocks = blocks
    }
}
