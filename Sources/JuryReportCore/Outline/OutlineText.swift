/// Inline nodes as an outline keeps them: one text alone held as that text, other runs as
/// their nodes.
///
/// Most of a large outline's cells and details are one plain text (a key figure, a
/// location). Held as `[Inline]`, each was an array of its own on the heap for as long as
/// the outline lives; 100,000 nominees made a million of them, and the outline's time went
/// to the memory they took. Readers still get `[Inline]`, made when asked.
enum OutlineText: Sendable, Equatable {
    case text(String)
    case nodes([Inline])

    init(_ nodes: [Inline]) {
        if nodes.count == 1, case .text(let text) = nodes[0] {
            self = .text(text)
        } else {
            self = .nodes(nodes)
        }
    }

    var nodes: [Inline] {
        switch self {
        case .text(let text): [.text(text)]
        case .nodes(let nodes): nodes
        }
    }
}
