/// One inline node of ``RichText``.
///
/// Not `indirect`: the nested runs are arrays, which already live apart, so text is held in
/// place. An indirect enum boxed every node on the heap: two allocations for a table cell's
/// one text instead of one, a third of a large report outline's memory.
public enum Inline: Sendable, Equatable {
    /// Literal text, every character as typed.
    case text(String)
    /// A line break inside a paragraph; readers show it as a space or a new line.
    case softBreak
    case emphasis([Inline])
    case strong([Inline])
    /// Boxed, so that the other nodes need not make room for its two fields.
    indirect case link([Inline], url: String)

    /// Whether a link's address may become a live link in a document: an absolute `http`,
    /// `https` or `mailto` address. Validation already refuses others; the formats that
    /// make links check again, so `javascript:` and its kin never become one even for an
    /// edition made by a program.
    ///
    /// A bare file name (`pro-motor-award-2020.html`: ASCII letters, digits, `-`, `_` and `.`,
    /// no scheme, no folder) is safe too: a link from an award's archive to an edition's own
    /// file beside it. Edition files cannot hold such links; validation refuses them.
    public static func isSafeLinkTarget(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if ["http://", "https://", "mailto:"].contains(where: { lowered.hasPrefix($0) }) { return true }
        return !url.isEmpty && !url.hasPrefix(".") && url.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

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
