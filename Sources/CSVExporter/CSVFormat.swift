/// How one CSV file is written: RFC 4180 fields and rows, with the formula guard.
struct CSVFormat {
    /// The field separator: `,` by default, `;` for Dutch Excel, or a tab.
    var delimiter: Character = ","
    /// Whether text that a spreadsheet could read as a formula gets a `'` in front.
    var formulaGuard = true

    /// First characters that make a spreadsheet read a cell as a formula, full-width
    /// forms included.
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]

    /// The row terminator of RFC 4180.
    static let lineEnd = "\r\n"

    /// One row: the fields joined by the delimiter, and CRLF.
    func row(_ fields: [Field]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(delimiter) }
            line += encode(field)
        }
        return line + Self.lineEnd
    }

    /// A cell: text (guarded and quoted as needed) or a number (never guarded).
    enum Field {
        case text(String)
        case number(String)
    }

    func encode(_ field: Field) -> String {
        switch field {
        case .number(let text):
            return text
        case .text(let raw):
            let text = formulaGuard ? Self.guardFormulas(raw) : raw
            guard needsQuotes(text) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// Whether `text` holds a character that makes a field quoted: `, ; " tab CR LF` whatever
    /// the delimiter (a file written with commas may be opened with `;` as separator, and the
    /// other way round), or the delimiter. Looks at bytes: every one is ASCII, and a CSV
    /// reader splits at the byte even where a combining mark follows.
    private func needsQuotes(_ text: String) -> Bool {
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        return text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == 0x09 || byte == UInt8(ascii: "\"")
                || byte == 0x0A || byte == 0x0D || byte == delimiterByte
        }
    }

    /// False when no line of `text` can start a formula: a single line whose first byte is
    /// neither a space, tab or carriage return, nor `= + - @`, nor the first byte of their
    /// full-width forms (U+FF0B to U+FF20 start with EF). Most cells; the rest are walked.
    private static func mayNeedGuard(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case 0x20, 0x09, 0x0D, UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0xEF:
            return true
        default:
            return text.utf8.contains { $0 == 0x0A || $0 == 0x0D }
        }
    }

    /// Puts a `'` before the text, and before each line in it, that a spreadsheet could run
    /// as a formula: one whose first non-space character is `= + - @` (or their full-width
    /// forms), or that starts with a tab or carriage return. A plain number such as `-5`
    /// or `+1.5e3` stays as it is.
    static func guardFormulas(_ text: String) -> String {
        if !mayNeedGuard(text) || isPlainNumber(text) { return text }
        var result = ""
        var atLineStart = true
        var pendingSpaces = ""
        for character in text {
            if atLineStart {
                if character == " " {
                    pendingSpaces.append(character)
                    continue
                }
                let startsFormula = formulaTriggers.contains(character)
                    || (pendingSpaces.isEmpty && (character == "\t" || character == "\r"))
                if startsFormula { result.append("'") }
                result += pendingSpaces
                pendingSpaces = ""
                atLineStart = false
            }
            result.append(character)
            if character == "\n" || character == "\r\n" { atLineStart = true }
        }
        return result + pendingSpaces
    }

    /// `-5`, `1234.5`, `+3`, `.5`, `1e3`: what spreadsheets read as a number, not a formula.
    static func isPlainNumber(_ text: String) -> Bool {
        var sawDigit = false
        var sawPoint = false
        var sawExponent = false
        var previous: Character?
        for character in text {
            defer { previous = character }
            switch character {
            case "0"..."9": sawDigit = true
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return false }
            case ".":
                guard !sawPoint, !sawExponent else { return false }
                sawPoint = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return false }
                sawExponent = true
                sawDigit = false
            default:
                return false
            }
        }
        return sawDigit
    }
}
