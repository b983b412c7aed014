/// One inline node of ``RichText``.
public indirect enum Inline: Sendable, Equatable {
    /// Literal text, every character as typed.
    case text(String)
    /// A line break inside a paragraph; readers show it as a space or a new line.
    case softBreak
    case emphasis([Inline])
    case strong([Inline])
    case link([Inline], url: String)

    /// The visible text of a run of nodes; soft breaks as newlines.
    public static func plainText(of nodes: [Inline]) -> String {
        var text = ""
        for node in nodes {
            switch node {
            case .text(let literal): text += literal
            case .softBreak: text += "\n"
            case .emphasis(let inner), .strong(let inner), .link(let inner, _):
                text += plainText(of: inner)
            }
        }
        return text
    }
}
