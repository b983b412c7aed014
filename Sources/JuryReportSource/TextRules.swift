/// The characters edition files may hold, and where the bytes of a file stop being UTF-8.
package enum TextRules {
    /// Why `text` may not stand in an edition file, or nil when it may. Tab and newline are
    /// the only control characters allowed; noncharacters and bidi controls are refused too.
    package static func problem(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // Fast path: printable ASCII, tab, newline.
            if value >= 0x20 && value < 0x7F || value == 0x09 || value == 0x0A { continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                return "holds the control character U+\(hex(value))"
            }
            if scalar.properties.isNoncharacterCodePoint {
                return "holds the noncharacter U+\(hex(value))"
            }
            if isBidiControl(value) {
                return "holds the bidirectional control U+\(hex(value)), which can make text display misleadingly"
            }
        }
        return nil
    }

    /// False when `bytes` are all printable ASCII, tab or newline, which ``problem(in:)``
    /// would pass without looking at scalars.
    package static func needsCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { !($0 >= 0x20 && $0 < 0x7F || $0 == 0x09 || $0 == 0x0A) }
    }

    package static func isBidiControl(_ value: UInt32) -> Bool {
        value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The position of the first byte that is not part of valid UTF-8, or nil.
    package static func firstInvalidUTF8(in bytes: [UInt8]) -> SourcePosition? {
        if isValidUTF8(bytes) { return nil }
        var line = 1
        var column = 1
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            guard length > 0 else { return SourcePosition(line: line, column: column) }
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        return SourcePosition(line: line, column: column)
    }

    /// Whether `bytes` are well-formed UTF-8: eight bytes at a time while they are ASCII (most
    /// of an edition file), nothing copied (`String(validating:)` made a copy of the whole file).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                while i + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                guard i < raw.count else { break }
                let length = sequenceLength(bytes, at: i)
                guard length > 0 else { return false }
                i += length
            }
            return true
        }
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0.
    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let first = bytes[i]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        for k in 1..<length {
            let byte = bytes[i + k]
            let (low, high) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low && byte <= high else { return 0 }
        }
        return length
    }
}
