/// Text with the inline markup of edition files (`*emphasis*`, `**strong**`, `[text](url)`,
/// backslash escapes), parsed once into paragraphs of ``Inline`` nodes that each exporter
/// renders in its own way.
public struct RichText: Sendable, Equatable {
    /// The text as written in the edition file.
    public let source: String
    /// The paragraphs (split at blank lines), each a sequence of inline nodes.
    public let paragraphs: [[Inline]]

    /// Parses `source`.
    public init(_ source: String) {
        self.source = source
        self.paragraphs = InlineMarkupParser.paragraphs(of: source)
    }

    public static func == (lhs: RichText, rhs: RichText) -> Bool {
        lhs.source == rhs.source
    }

    /// The text as a reader sees it: markup removed, paragraphs separated by a blank line,
    /// soft breaks as newlines.
    public var plainText: String {
        paragraphs.map(Inline.plainText(of:)).joined(separator: "\n\n")
    }

    /// Every link target in the text.
    public var linkTargets: [String] {
        var targets: [String] = []
        func visit(_ nodes: [Inline]) {
            for node in nodes {
                switch node {
                case .text, .softBreak: break
                case .emphasis(let inner), .strong(let inner): visit(inner)
                case .link(let inner, let url):
                    targets.append(url)
                    visit(inner)
                }
            }
        }
        paragraphs.forEach(visit)
        return targets
    }
}
