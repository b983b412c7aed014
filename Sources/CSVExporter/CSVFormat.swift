/// How one CSV file is written: RFC 4180 fields and rows, with the formula guard.
struct CSVFormat {
    /// The field separator: `,` by default, `;` for Dutch Excel, or a tab.
    var delimiter: Character = ","
    /// Whether text that a spreadsheet could read as a formula gets a `'` in front.
    var formulaGuard = true
    /// Whether numbers are written with a decimal comma (`8,5`), as Dutch or German Excel
    /// reads them; quoted when the delimiter is a comma too.
    var decimalComma = false

    /// Characters that make a spreadsheet read a cell as a formula when they come first,
    /// full-width forms included. Scalars, not characters: `=` followed by a combining mark
    /// or a joiner is one character in Swift but still `=` to a spreadsheet.
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]

    /// Where a new cell starts under any of the usual separators, whichever one the file is
    /// opened with: `,` `;` tab, and line ends.
    static let cellBreaks: Set<Unicode.Scalar> = [",", ";", "\t", "\n", "\r"]

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
            guard decimalComma, text.utf8.contains(UInt8(ascii: ".")) else { return text }
            let comma = text.replacingOccurrences(of: ".", with: ",")
            return delimiter == "," ? "\"" + comma + "\"" : comma
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

    /// False when no cell that `text` could make starts like a formula: a walk over its
    /// bytes, with the cell starts of ``guardFormulas(_:)``, that answers true at a trigger,
    /// tab or carriage return where a cell starts (after spaces and quotes), and at any
    /// non-ASCII byte there (a full-width trigger, a no-break space, a joiner). Most cells
    /// end the walk at their first byte; the rest are walked by scalar.
    private static func mayNeedGuard(_ text: String) -> Bool {
        var atCellStart = true
        for byte in text.utf8 {
            if atCellStart {
                switch byte {
                case 0x20, UInt8(ascii: "\""): continue
                case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x80...0xFF:
                    return true
                default: atCellStart = false
                }
            }
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, 0x0A, 0x0D: atCellStart = true
            default: break
            }
        }
        return false
    }

    /// Puts a `'` in front of every cell a spreadsheet could run as a formula: its first
    /// scalar after spaces, invisible format characters or quotes is a trigger, or it starts
    /// with a tab or carriage return. A cell starts at the start of the text and after each of
    /// `,` `;` tab and line end: a comma file opened with `;` as separator, or the other way
    /// round, splits the field there. A text that is a plain number, such as `-5` or
    /// `+1.5e3`, stays as it is; a number inside a text is not exempt, as the cell a
    /// spreadsheet makes from there may run on to the end of the line.
    static func guardFormulas(_ text: String) -> String {
        guard mayNeedGuard(text), !isPlainNumber(text.unicodeScalars) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count + 4)
        var cellStart: Int? = 0
        for scalar in scalars {
            if let start = cellStart {
                if (scalar == "\t" || scalar == "\r") && start == result.count {
                    result.append("'")
                } else if formulaTriggers.contains(scalar) {
                    result.insert("'", at: start)
                    cellStart = nil
                } else if !isCellPadding(scalar) && !cellBreaks.contains(scalar) {
                    cellStart = nil
                }
            }
            result.append(scalar)
            if cellBreaks.contains(scalar) { cellStart = result.count }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: result)
        return String(view)
    }

    /// What may stand before a formula trigger in a cell that a spreadsheet still runs: white
    /// space, format characters (joiners, the byte order mark) and the quote that opens a
    /// quoted field.
    private static func isCellPadding(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }

    /// `-5`, `1234.5`, `+3`, `.5`, `1e3`: what spreadsheets read as a number, not a formula.
    static func isPlainNumber<Scalars: Collection<Unicode.Scalar>>(_ text: Scalars) -> Bool {
        var sawDigit = false
        var sawPoint = false
        var sawExponent = false
        var previous: Unicode.Scalar?
        for scalar in text {
            defer { previous = scalar }
            switch scalar {
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
