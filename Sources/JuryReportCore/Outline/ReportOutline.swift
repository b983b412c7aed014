/// What a jury report holds and in what order: the title block, then a tree of blocks and
/// inlines, made once from an edition for every format that renders a whole report.
///
/// Like pandoc's document between its readers and writers: the outline decides what the
/// report says (which parts, which words, which order, who won); a renderer (Markdown,
/// LaTeX, HTML) decides only how it looks. Every text in it is literal except the
/// ``Inline`` nodes of rich text, and every id has been resolved to a name.
public struct ReportOutline: Sendable, Equatable {
    /// Title, author, subject and language, for a document's metadata.
    public var metadata: ReportMetadata
    /// The block at the top: award, title, edition, theme, organizer, date.
    public var title: ReportTitle
    /// The report's parts in order.
    public var blocks: [ReportBlock]
    /// How the edition asks the report to be set.
    public var style: ReportStyle

    public init(metadata: ReportMetadata, title: ReportTitle, blocks: [ReportBlock], style: ReportStyle = ReportStyle()) {
        self.metadata = metadata
        self.title = title
        self.blocks = blocks
        self.style = style
    }
}
