/// A strict RFC 8259 JSON parser that keeps what Foundation's `JSONSerialization` loses:
/// the position of every value, duplicate keys, and the text of numbers as written.
struct JSONSourceParser {
    private let bytes: [UInt8]
    private let limits: SourceLimits
    private var index = 0
    private var line = 1
    /// Index of the first byte of the current line, for columns.
    private var lineStart = 0
    /// The last column computed and its byte index: positions are asked for in file order,
    /// so counting on from there keeps a long line linear.
    private var columnCache = (index: 0, column: 1)

    init(bytes: [UInt8], limits: SourceLimits = SourceLimits()) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parse() throws(SourceSyntaxError) -> SourceNode {
        skipWhitespace()
        let node = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw fault("unexpected text after the JSON value") }
        return node
    }

    // MARK: Positions

    private var position: SourcePosition {
        mutating get {
            // Columns count Unicode scalars: count the bytes that start one.
            var (i, column) = columnCache.index >= lineStart && columnCache.index <= index ? columnCache : (lineStart, 1)
            while i < index {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            columnCache = (index, column)
            return SourcePosition(line: line, column: column)
        }
    }

    private mutating func fault(_ message: String) -> SourceSyntaxError {
        SourceSyntaxError(message: message, position: position)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(SourceSyntaxError) -> SourceNode {
        guard index < bytes.count else { throw fault("unexpected end of file, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            let start = position
            return .scalar(SourceScalar(text: try parseString(), isQuoted: true, position: start))
        case UInt8(ascii: "t"): return try parseLiteral("true")
        case UInt8(ascii: "f"): return try parseLiteral("false")
        case UInt8(ascii: "n"): return try parseLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fault("unexpected character, expected a value")
        }
    }

    private mutating func parseLiteral(_ word: String) throws(SourceSyntaxError) -> SourceNode {
        let start = position
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count,
            Array(bytes[index..<index + expected.count]) == expected
        else { throw fault("unexpected word, expected a value") }
        index += expected.count
        return .scalar(SourceScalar(text: word, isQuoted: false, position: start))
    }

    private mutating func parseNumber() throws(SourceSyntaxError) -> SourceNode {
        let start = position
        let first = index
        func digits(_ parser: inout JSONSourceParser) -> Int {
            let from = parser.index
            while parser.index < parser.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index])
            {
                parser.index += 1
            }
            return parser.index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw fault("invalid number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw fault("invalid number: leading zero")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw fault("invalid number: no digit after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw fault("invalid number: no digit in exponent") }
        }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        return .scalar(SourceScalar(text: text, isQuoted: false, position: start))
    }

    private mutating func parseString() throws(SourceSyntaxError) -> String {
        index += 1  // opening quote
        var utf8: [UInt8] = []
        while true {
            guard index < bytes.count else { throw fault("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                // The loader checked the file is valid UTF-8, and escapes are encoded below.
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw fault("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var value = try parseHexQuad()
                    if (0xD800...0xDBFF).contains(value) {
                        guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw fault("unpaired surrogate in \\u escape") }
                        index += 2
                        let low = try parseHexQuad()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw fault("unpaired surrogate in \\u escape")
                        }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(value) {
                        throw fault("unpaired surrogate in \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw fault("invalid \\u escape") }
                    utf8.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    index -= 1
                    throw fault("invalid escape in string")
                }
            case 0x00..<0x20:
                throw fault("control character in string (write it as an escape)")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseHexQuad() throws(SourceSyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw fault("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fault("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseArray(depth: Int) throws(SourceSyntaxError) -> SourceNode {
        guard depth <= limits.maximumDepth else { throw fault("nested more than \(limits.maximumDepth) levels deep") }
        let start = position
        index += 1
        var items: [SourceNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .sequence(items, at: start)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw fault("unexpected end of file in a list") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .sequence(items, at: start)
            } else {
                throw fault("expected ',' or ']'")
            }
        }
    }

    private mutating func parseObject(depth: Int) throws(SourceSyntaxError) -> SourceNode {
        guard depth <= limits.maximumDepth else { throw fault("nested more than \(limits.maximumDepth) levels deep") }
        let start = position
        index += 1
        var entries: [SourceMappingEntry] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .mapping(entries, at: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fault("expected a key in double quotes")
            }
            let keyPosition = position
            let key = try parseString()
            guard seen.insert(key).inserted else {
                throw SourceSyntaxError(
                    message: "duplicate key \(DisplayText.quoted(key))", position: keyPosition)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fault("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            entries.append(SourceMappingEntry(
                key: SourceScalar(text: key, isQuoted: true, position: keyPosition), value: value))
            skipWhitespace()
            guard index < bytes.count else { throw fault("unexpected end of file in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .mapping(entries, at: start)
            } else {
                throw fault("expected ',' or '}'")
            }
        }
    }
}
