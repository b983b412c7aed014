/// A strict RFC 8259 JSON parser that keeps what Foundation's `JSONSerialization` loses:
/// the position of every value, duplicate keys, and the text of numbers as written.
package struct JSONSourceParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: SourceLimits
    private var document: SourceDocument
    private var keys = DuplicateKeyFinder()
    private var index = 0
    private var line = 1
    /// Index of the first byte of the current line, for columns.
    private var lineStart = 0
    /// The last column computed and its byte index: positions are asked for in file order,
    /// so counting on from there keeps a long line linear.
    private var columnCache = (index: 0, column: 1)
    /// Whether the bytes behind the parser are let go as it goes (``parse(consuming:limits:)``),
    /// and up to where they were.
    private var discardsRead = false
    private var discardedUpTo = 0

    /// Parses `bytes`, which the loader has checked are UTF-8, into a document.
    package static func parse(_ bytes: [UInt8], limits: SourceLimits = SourceLimits()) throws(SourceSyntaxError) -> SourceDocument {
        try parse(bytes, limits: limits, discardingRead: false)
    }

    /// Parses `bytes` as ``parse(_:limits:)`` does, letting go of the pages behind the parser
    /// as it goes (``MemoryPages``), so that a large file and its parsed document are not held
    /// whole at once. `bytes` is emptied: what is left of it must not be read.
    package static func parse(consuming bytes: inout [UInt8], limits: SourceLimits = SourceLimits()) throws(SourceSyntaxError) -> SourceDocument {
        defer { bytes = [] }
        return try parse(bytes, limits: limits, discardingRead: true)
    }

    private static func parse(_ bytes: [UInt8], limits: SourceLimits, discardingRead: Bool) throws(SourceSyntaxError) -> SourceDocument {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(SourceSyntaxError) -> SourceDocument in
                var parser = JSONSourceParser(bytes: buffer, limits: limits)
                parser.discardsRead = discardingRead
                return try parser.parse()
            }
        }
        return try result.get()
    }

    /// Lets go of the bytes read, a few megabytes at a time (``SourceLimits/discardStep``): all before where the next
    /// position will be counted from (the last position's byte, or the current line's start
    /// when a line began since).
    private mutating func discardRead() {
        let end = min(index, max(lineStart, columnCache.index))
        guard end - discardedUpTo >= limits.discardStep else { return }
        MemoryPages.discard(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[discardedUpTo..<end]))
        discardedUpTo = end
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: SourceLimits) {
        self.bytes = bytes
        self.limits = limits
        self.document = SourceDocument(expectedSize: bytes.count)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // Not part of the text: columns count from after it.
            index = 3
            lineStart = 3
            columnCache = (3, 1)
        }
    }

    private mutating func parse() throws(SourceSyntaxError) -> SourceDocument {
        skipWhitespace()
        try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw fault("unexpected text after the JSON value") }
        return document
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

    @discardableResult
    private mutating func parseValue(depth: Int) throws(SourceSyntaxError) -> SourceDocument.Index {
        guard index < bytes.count else { throw fault("unexpected end of file, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "t"): return try parseLiteral("true")
        case UInt8(ascii: "f"): return try parseLiteral("false")
        case UInt8(ascii: "n"): return try parseLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fault("unexpected character, expected a value")
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(SourceSyntaxError) -> SourceDocument.Index {
        let start = position
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count,
            UnsafeBufferPointer(rebasing: bytes[index..<index + expected.count]).elementsEqual(expected)
        else { throw fault("unexpected word, expected a value") }
        index += expected.count
        return try document.appendScalar(expected, quoted: false, at: start)
    }

    private mutating func parseNumber() throws(SourceSyntaxError) -> SourceDocument.Index {
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
        return try document.appendScalar(UnsafeBufferPointer(rebasing: bytes[first..<index]), quoted: false, at: start)
    }

    /// Parses a string into the document's text, as a quoted scalar.
    private mutating func parseString() throws(SourceSyntaxError) -> SourceDocument.Index {
        let start = position
        let textStart = document.textCount
        index += 1  // opening quote
        while true {
            // Copy the run up to the next quote, backslash or control character at once.
            let runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            if index > runStart { document.appendText(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            guard index < bytes.count else { throw fault("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return try document.appendScalar(textFrom: textStart, quoted: true, at: start)
            }
            if byte < 0x20 { throw fault("control character in string (write it as an escape)") }
            index += 1
            guard index < bytes.count else { throw fault("unterminated string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): document.appendText(escape)
            case UInt8(ascii: "b"): document.appendText(0x08)
            case UInt8(ascii: "f"): document.appendText(0x0C)
            case UInt8(ascii: "n"): document.appendText(0x0A)
            case UInt8(ascii: "r"): document.appendText(0x0D)
            case UInt8(ascii: "t"): document.appendText(0x09)
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
                for unit in UTF8.encode(scalar)! { document.appendText(unit) }
            default:
                index -= 1
                throw fault("invalid escape in string")
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

    private mutating func parseArray(depth: Int) throws(SourceSyntaxError) -> SourceDocument.Index {
        guard depth <= limits.maximumDepth else { throw fault("nested more than \(limits.maximumDepth) levels deep") }
        let list = try document.open(.sequence, at: position)
        index += 1
        var count = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            document.close(list, count: 0)
            return list
        }
        while true {
            skipWhitespace()
            try parseValue(depth: depth)
            count += 1
            if discardsRead, depth <= 2 { discardRead() }
            skipWhitespace()
            guard index < bytes.count else { throw fault("unexpected end of file in a list") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                document.close(list, count: count)
                return list
            } else {
                throw fault("expected ',' or ']'")
            }
        }
    }

    private mutating func parseObject(depth: Int) throws(SourceSyntaxError) -> SourceDocument.Index {
        guard depth <= limits.maximumDepth else { throw fault("nested more than \(limits.maximumDepth) levels deep") }
        let mapping = try document.open(.mapping, at: position)
        index += 1
        var count = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            document.close(mapping, count: 0)
            return mapping
        }
        keys.open()
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fault("expected a key in double quotes")
            }
            let key = try parseString()
            guard keys.insert(key, in: document) else {
                throw SourceSyntaxError(
                    message: "duplicate key \(DisplayText.quoted(document.string(key)))", position: document.position(key))
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fault("expected ':'") }
            index += 1
            skipWhitespace()
            try parseValue(depth: depth)
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw fault("unexpected end of file in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                keys.close()
                document.close(mapping, count: count)
                return mapping
            } else {
                throw fault("expected ',' or '}'")
            }
        }
    }
}
