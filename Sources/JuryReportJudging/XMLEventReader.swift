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
        bytes.withUnsafeBufferPointer { buffer in
            var reader = XMLEventReader(bytes: buffer)
            return reader.run(handler)
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the document starts: after a byte-order mark.
    private let first: Int
    private var at: Int

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        first = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        at = first
    }

    private mutating func run(_ handler: some XMLEventHandler) -> Bool {
        var open: [String] = []
        var seenRoot = false
        while at < bytes.count {
            if bytes[at] != UInt8(ascii: "<") {
                var end = at
                while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
                // Text outside the root element may only be whitespace.
                if open.isEmpty {
                    guard (at..<end).allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains(bytes[$0]) }) else { return false }
                } else {
                    guard let text = text(at..<end), handler.characters(text) else { return false }
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
                // Its end looked for after its start: in `<!-->` the `-->` overlaps the `<!--`.
                at += 4
                let start = at
                guard skip(past: "-->"), find("--", in: start..<(at - 3)) == nil, bytes[at - 4] != 0x2D || at - 4 < start
                else { return false }
            } else if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { return false }
                at += 9
                let start = at
                guard skip(past: "]]>") else { return false }
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<(at - 3)])
                guard Self.isText(raw), handler.characters(Self.lineEnds(String(decoding: raw, as: UTF8.self))) else { return false }
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
        var index = 0
        while index < count {
            if bytes[at + index] != prefix.utf8Start[index] { return false }
            index += 1
        }
        return true
    }

    /// Where `pattern` first starts within `range`, if anywhere.
    private func find(_ pattern: StaticString, in range: Range<Int>) -> Int? {
        let count = pattern.utf8CodeUnitCount
        var start = range.lowerBound
        while start + count <= range.upperBound {
            var index = 0
            while index < count, bytes[start + index] == pattern.utf8Start[index] { index += 1 }
            if index == count { return start }
            start += 1
        }
        return nil
    }

    /// Moves past the next `terminator`; false when there is none.
    private mutating func skip(past terminator: StaticString) -> Bool {
        guard let found = find(terminator, in: at..<bytes.count) else { return false }
        at = found + terminator.utf8CodeUnitCount
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
        var ascii = true
        while at < bytes.count {
            let byte = bytes[at]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
            {
                break
            }
            ascii = ascii && byte < 0x80
            at += 1
        }
        guard at > start else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<at])
        if ascii {
            // The names of workbook parts: letters, digits, `_ : . -`.
            guard Self.isNameStart(Unicode.Scalar(raw[0])), raw.allSatisfy({ Self.isNameCharacter(Unicode.Scalar($0)) }) else { return nil }
            return String(decoding: raw, as: UTF8.self)
        }
        guard Self.isText(raw) else { return nil }
        let name = String(decoding: raw, as: UTF8.self)
        guard let head = name.unicodeScalars.first, Self.isNameStart(head), name.unicodeScalars.allSatisfy(Self.isNameCharacter) else {
            return nil
        }
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
            var end = at + 1
            while end < bytes.count, bytes[end] != quote {
                if bytes[end] == UInt8(ascii: "<") { return nil }
                end += 1
            }
            guard end < bytes.count, let value = text((at + 1)..<end, attribute: true), attributes[name] == nil else { return nil }
            attributes[name] = value
            at = end + 1
        }
    }

    /// The text of `range` as XML reads it: references replaced, line ends as `\n` (and, in
    /// an attribute, each whitespace character written as such a space); nil when not
    /// well-formed.
    private func text(_ range: Range<Int>, attribute: Bool = false) -> String? {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        // Most text has no reference, no line end to change and is ASCII: it is taken as it is.
        var plain = true
        var bracket = 0
        for byte in raw {
            switch byte {
            case 0x20...0x25, 0x27...0x3D, 0x3F...0x5C, 0x5E...0x7E: bracket = 0
            case 0x5D: bracket += 1  // `]`
            case 0x3E:  // `>`: `]]>` may not stand in text (it ends a CDATA section)
                if bracket >= 2, !attribute { return nil }
                bracket = 0
            case 0x09 where !attribute, 0x0A where !attribute: bracket = 0
            default:
                plain = false
                bracket = 0
            }
        }
        if plain { return String(decoding: raw, as: UTF8.self) }
        guard Self.isText(raw) else { return nil }
        var source = Self.lineEnds(String(decoding: raw, as: UTF8.self))
        if attribute { source = String(String.UnicodeScalarView(source.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 })) }
        guard source.utf8.contains(UInt8(ascii: "&")) else { return source }
        var result = String.UnicodeScalarView()
        var scalars = source.unicodeScalars[...]
        while let ampersand = scalars.firstIndex(of: "&") {
            result.append(contentsOf: scalars[..<ampersand])
            guard let semicolon = scalars[ampersand...].firstIndex(of: ";") else { return nil }
            let reference = String(String.UnicodeScalarView(scalars[scalars.index(after: ampersand)..<semicolon]))
            guard let replacement = Self.replacement(of: reference) else { return nil }
            result.append(replacement)
            scalars = scalars[scalars.index(after: semicolon)...]
        }
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The character an entity or character reference (between `&` and `;`) stands for.
    private static func replacement(of reference: String) -> Unicode.Scalar? {
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

    /// Whether `raw` is UTF-8 of XML 1.0's characters only.
    private static func isText(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < raw.count {
            let lead = raw[index]
            if lead < 0x80 {
                guard lead >= 0x20 || lead == 0x09 || lead == 0x0A || lead == 0x0D else { return false }
                index += 1
                continue
            }
            let length = lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
            guard length > 0, index + length <= raw.count else { return false }
            var value = UInt32(lead) & (0x7F >> UInt32(length))
            for offset in 1..<length {
                let next = raw[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(next & 0x3F)
            }
            // Not overlong, not a surrogate, and a character XML allows.
            let least: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            guard value >= least, let scalar = Unicode.Scalar(value), isAllowed(scalar) else { return false }
            index += length
        }
        return true
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
