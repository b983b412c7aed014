/// How the typeset formats (LaTeX, HTML) set the punctuation an author typed: straight quotes
/// as curly ones by context (as pandoc's `smart` extension does), and, in French, the spaces
/// around « » and before `: ; ! ?` as spaces no line may break at.
///
/// It works on literal text only: addresses are never passed through it.
public struct Typography: Sendable, Equatable {
    /// `'` and `"` become ’ ‘ “ ” by context.
    public var curlyQuotes: Bool
    /// A space after « and before » : ; ! ? becomes a no-break space (U+00A0).
    public var frenchSpacing: Bool

    public init(curlyQuotes: Bool, frenchSpacing: Bool) {
        self.curlyQuotes = curlyQuotes
        self.frenchSpacing = frenchSpacing
    }

    /// The typography of an edition: its presentation's quotes and its language's spacing.
    public init(_ edition: Edition) {
        self.init(
            curlyQuotes: edition.presentation.quotes == .typographic,
            frenchSpacing: LanguageTag.primary(edition.details.language) == "fr")
    }

    /// Leaves text as typed.
    public static let asTyped = Typography(curlyQuotes: false, frenchSpacing: false)

    /// Rich text set by these rules, each text node seen in the context of its neighbours
    /// (`"*word*"` opens before the emphasis). A link that shows its own address is left
    /// as it is.
    public func apply(_ nodes: [Inline]) -> [Inline] {
        guard nodes.contains(where: needsWork) else { return nodes }
        var flat: [Character] = []
        Self.collect(nodes, into: &flat)
        var offset = 0
        return transform(nodes, flat: flat, offset: &offset)
    }

    private func needsWork(_ node: Inline) -> Bool {
        switch node {
        case .text(let text): return needsWork(text)
        case .softBreak: return false
        case .emphasis(let inner), .strong(let inner), .link(let inner, _): return inner.contains(where: needsWork)
        }
    }

    private static func collect(_ nodes: [Inline], into flat: inout [Character]) {
        for node in nodes {
            switch node {
            case .text(let text): flat += text
            case .softBreak: flat.append(" ")
            case .emphasis(let inner), .strong(let inner), .link(let inner, _): collect(inner, into: &flat)
            }
        }
    }

    private func transform(_ nodes: [Inline], flat: [Character], offset: inout Int) -> [Inline] {
        nodes.map { node in
            switch node {
            case .text(let text):
                let count = text.count
                let previous = offset > 0 ? flat[offset - 1] : nil
                let next = offset + count < flat.count ? flat[offset + count] : nil
                offset += count
                return .text(apply(text, after: previous, before: next))
            case .softBreak:
                offset += 1
                return node
            case .emphasis(let inner): return .emphasis(transform(inner, flat: flat, offset: &offset))
            case .strong(let inner): return .strong(transform(inner, flat: flat, offset: &offset))
            case .link(let label, let url):
                if label == [.text(url)] {
                    offset += url.count
                    return node
                }
                return .link(transform(label, flat: flat, offset: &offset), url: url)
            }
        }
    }

    /// `text` set by these rules: `previous` is the character before it and `following`
    /// the one after it (in neighbouring nodes of the same paragraph), nil at its edges.
    public func apply(_ text: String, after previous: Character? = nil, before following: Character? = nil) -> String {
        guard needsWork(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var before = previous
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : following
            switch character {
            case "'" where curlyQuotes:
                // Before a digit at a word's start an apostrophe ('90s), else by context.
                let opens = Self.opens(after: before, next: next) && next?.isNumber != true
                result.append(opens ? "\u{2018}" : "\u{2019}")
            case "\"" where curlyQuotes:
                result.append(Self.opens(after: before, next: next) ? "\u{201C}" : "\u{201D}")
            case " " where frenchSpacing && (before == "«" || next.map(Self.takesSpaceBefore) == true):
                result.append("\u{00A0}")
            default:
                result.append(character)
            }
            before = character
            index += 1
        }
        return result
    }

    /// Whether `text` holds anything these rules change: most names and labels do not.
    private func needsWork(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): if curlyQuotes { return true }
            case UInt8(ascii: " "): if frenchSpacing { return true }
            default: continue
            }
        }
        return false
    }

    /// French high punctuation and the closing guillemet, which a no-break space precedes.
    private static func takesSpaceBefore(_ character: Character) -> Bool {
        character == ":" || character == ";" || character == "!" || character == "?" || character == "»"
    }

    /// Whether a quote between `before` and `next` opens: at the start, after a space, an
    /// opening bracket, a dash or another opening quote, and not before a space or the end.
    private static func opens(after before: Character?, next: Character?) -> Bool {
        guard let next, !next.isWhitespace else { return false }
        guard let before else { return true }
        return before.isWhitespace || "([{<\u{2018}\u{201C}«-\u{2013}\u{2014}/".contains(before)
    }
}
