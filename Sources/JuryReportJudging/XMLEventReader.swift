/// What an ``XMLEventReader`` tells as it reads: elements opened and closed, and text.
/// Each returns whether to go on (false stops the reading).
protocol XMLEventHandler: AnyObject {
    func start(_ element: String, attributes: [String: String]) -> Bool
    func end(_ element: String) -> Bool
    func characters(_ text: String) -> Bool
}

extension XMLEventHandler {
    func start(_ element: String, attributes: [String: String]) -> Bool { true }
    func end(_ element: String) -> Bool { true }
    func characters(_ text: String) -> Bool { true }
}

/// The XML of a workbook's parts read as events, by the rules of XML 1.0 that such parts
/// use: elements and attributes (names with their prefixes, as written), text with the five
/// entities and character references, CDATA sections, comments and processing instructions
/// passed over, line ends as `\n`, whitespace in attribute values as spaces.
///
/// A part that is not well-formed stops the reading where that shows (an end tag that
/// closes another element, an unknown entity, bytes that are not UTF-8, a character XML
/// does not allow, a tag left open), as an XML parser stops; the handler keeps what it
/// had. A document type declaration stops it too: no workbook part has one, and its
/// entities are how a file makes a reader expand text without end or read other files.
/// Elements nest at most ``deepest`` deep.
///
/// Ours rather than Foundation's `XMLParser`: that one brings libxml2 and ICU into every
/// start of the tool (2 ms of a small export), for four small parts of a filled form.
struct XMLEventReader {
    static let deepest = 256

    /// Whether the whole of the part was read (it was well-formed and the handler did not stop).
    @discardableResult
    static func read(_ bytes: [UInt8], into handler: some XMLEventHandler) -> Bool {
        var reader = XMLEventReader(bytes: bytes)
        return reader.run(handler)
    }

    private let bytes: [UInt8]
    /// Where the document starts: after a byte-order mark.
    private let first: Int
    private var at: Int

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        first = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        at = first
    }

    private mutating func run(_ handler: some XMLEventHandler) -> Bool {
        var open: [String] = []
        var seenRoot = false
        while at < bytes.count {
            if bytes[at] != UInt8(ascii: "<") {
                let end = bytes[at...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                guard let text = Self.text(bytes[at..<end]) else { return false }
                // Text outside the root element may only be whitespace.
                if open.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) else { return false }
                } else if !handler.characters(text) {
                    return false
                }
                at = end
                continue
            }
            if starts(with: "<?") {
                // The declaration only first; any other instruction is passed over.
                let start = at
                at += 2
                guard let target = name(), target.lowercased() != "xml" || start == first, skip(past: "?>") else { return false }
            } else if starts(with: "<!--") {
                let start = at + 4
                guard skip(past: "-->"), !bytes[start..<(at - 3)].contains([0x2D, 0x2D]), bytes[at - 4] != 0x2D || at - 4 < start
                else { return false }
            } else if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { return false }
                let start = at + 9
                guard skip(past: "]]>"), let text = String(validating: bytes[start..<(at - 3)], as: UTF8.self),
                    Self.allowed(text), handler.characters(Self.lineEnds(text))
                else { return false }
            } else if starts(with: "<!") {
                // A document type declaration (or anything else after `<!`).
                return false
            } else if starts(with: "</") {
                at += 2
                guard let name = name(), open.last == name else { return false }
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ">") else { return false }
                at += 1
                open.removeLast()
                guard handler.end(name) else { return false }
            } else {
                at += 1
                guard !(open.isEmpty && seenRoot), let name = name(), let (attributes, empty) = attributes() else { return false }
                seenRoot = true
                guard handler.start(name, attributes: attributes) else { return false }
                if empty {
                    guard handler.end(name) else { return false }
                } else {
                    guard open.count < Self.deepest else { return false }
                    open.append(name)
                }
            }
        }
        return open.isEmpty && seenRoot
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[at + $0] == prefix.utf8Start[$0] }
    }

    /// Moves past the next `terminator`; false when there is none.
    private mutating func skip(past terminator: StaticString) -> Bool {
        let pattern = Array(UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount))
        guard let range = bytes[at...].firstRange(of: pattern) else { return false }
        at = range.upperBound
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func skipSpace() {
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
    }

    /// A name: up to whitespace, `/`, `>`, `=` or a quote; nil when it is not one of XML's
    /// names (empty, not UTF-8, a character a name may not have).
    private mutating func name() -> String? {
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
            {
                break
            }
            at += 1
        }
        guard at > start, let name = String(validating: bytes[start..<at], as: UTF8.self),
            let head = name.unicodeScalars.first, Self.isNameStart(head), name.unicodeScalars.allSatisfy(Self.isNameCharacter)
        else { return nil }
        return name
    }

    /// XML 1.0's NameStartChar.
    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
            0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    /// XML 1.0's NameChar.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isNameStart(scalar)
        }
    }

    /// The attributes of a start tag and whether it closes itself (`/>`), up to its `>`;
    /// nil for a tag that is not well-formed (an attribute twice among them).
    private mutating func attributes() -> ([String: String], Bool)? {
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = at < bytes.count && Self.isSpace(bytes[at])
            skipSpace()
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: ">") {
                at += 1
                return (attributes, false)
            }
            if bytes[at] == UInt8(ascii: "/") {
                guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: ">") else { return nil }
                at += 2
                return (attributes, true)
            }
            guard hadSpace, let name = name() else { return nil }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { return nil }
            at += 1
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[at]
            guard let end = bytes[(at + 1)...].firstIndex(of: quote) else { return nil }
            let raw = bytes[(at + 1)..<end]
            guard !raw.contains(UInt8(ascii: "<")), let value = Self.text(raw, attribute: true), attributes[name] == nil else { return nil }
            attributes[name] = value
            at = end + 1
        }
    }

    /// Text as XML reads it: references replaced, line ends as `\n` (and, in an attribute,
    /// each whitespace character written as such a space); nil when not well-formed.
    private static func text(_ raw: ArraySlice<UInt8>, attribute: Bool = false) -> String? {
        // `]]>` may not stand in text (it ends a CDATA section).
        guard attribute || raw.firstRange(of: [0x5D, 0x5D, 0x3E]) == nil else { return nil }
        guard let decoded = String(validating: raw, as: UTF8.self), allowed(decoded) else { return nil }
        var source = lineEnds(decoded)
        if attribute { source = String(source.map { $0 == "\n" || $0 == "\t" ? " " : $0 }) }
        guard source.contains("&") else { return source }
        var result = ""
        var rest = Substring(source)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { return nil }
            let reference = rest[rest.index(after: ampersand)..<semicolon]
            guard let replacement = replacement(of: reference) else { return nil }
            result.unicodeScalars.append(replacement)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// The character an entity or character reference (between `&` and `;`) stands for.
    private static func replacement(of reference: Substring) -> Unicode.Scalar? {
        switch reference {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard reference.first == "#" else { return nil }
            let digits = reference.dropFirst()
            let value = digits.first == "x" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, !digits.isEmpty, digits.first != "+", digits.first != "-", let scalar = Unicode.Scalar(value), isAllowed(scalar)
            else { return nil }
            return scalar
        }
    }

    /// `\r\n` and a lone `\r` as `\n`, as XML reads line ends.
    private static func lineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var result = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterReturn {
                afterReturn = false
                continue
            }
            afterReturn = scalar == "\r"
            result.append(afterReturn ? "\n" : scalar)
        }
        return String(result)
    }

    private static func allowed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isAllowed)
    }

    /// XML 1.0's Char: tab, line ends and everything from space on, but the surrogates
    /// (no scalar is one) and U+FFFE, U+FFFF.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
