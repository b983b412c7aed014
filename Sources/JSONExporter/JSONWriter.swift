import JuryReportCore

/// A small writer of pretty-printed JSON with keys in a fixed order, so the same value
/// always gives the same bytes.
struct JSONWriter {
    private(set) var text = ""
    private var indent = 0
    /// Whether the current container already has a member (a comma is due).
    private var needsComma: [Bool] = []

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open("[")
        body(&self)
        close("]")
    }

    /// A member of the current object; `value` writes its value.
    mutating func member(_ key: String, _ value: (inout JSONWriter) -> Void) {
        startItem()
        text += Self.quoted(key) + ": "
        value(&self)
    }

    /// A member whose value is an array of one object per item, the object's members
    /// written by `body`.
    mutating func member<Items: Sequence>(_ key: String, objects items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        member(key) { json in
            json.array { json in
                for item in items {
                    json.element { json in json.object { body(&$0, item) } }
                }
            }
        }
    }

    mutating func member(_ key: String, _ string: String?) {
        guard let string else { return }
        member(key) { $0.string(string) }
    }

    mutating func member(_ key: String, number: Double?) {
        guard let number else { return }
        member(key) { $0.number(number) }
    }

    mutating func member(_ key: String, bool: Bool) {
        member(key) { $0.raw(bool ? "true" : "false") }
    }

    /// An element of the current array.
    mutating func element(_ value: (inout JSONWriter) -> Void) {
        startItem()
        value(&self)
    }

    mutating func string(_ value: String) { text += Self.quoted(value) }
    mutating func number(_ value: Double) { text += NumberText.shortest(value) }
    mutating func raw(_ value: String) { text += value }

    private mutating func open(_ bracket: String) {
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        indent -= 1
        let hadMembers = needsComma.removeLast()
        if hadMembers { text += "\n" + String(repeating: "  ", count: indent) }
        text += bracket
    }

    private mutating func startItem() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        text += "\n" + String(repeating: "  ", count: indent)
    }

    /// A JSON string (see ``JSONText/quoted(_:)``).
    static func quoted(_ value: String) -> String {
        JSONText.quoted(value)
    }
}
