/// Reads an RFC 4180 table (as a spreadsheet or ``ScoresTable`` writes it): fields split by
/// one delimiter, `"` quoting with `""` for a quote, CRLF or LF line ends, an optional UTF-8
/// byte order mark. Each field keeps where it starts, for messages.
package struct CSVTableParser {
    /// One field and the place of its first character.
    package struct Field: Equatable {
        package var text: String
        package var position: SourcePosition
    }

    /// A fault of the table's syntax, at a place.
    package struct Problem: Error, Equatable {
        package var message: String
        package var position: SourcePosition
    }

    /// The rows of `text`, blank lines left out. The delimiter is `,`, or `;` when the first
    /// line holds a `;` and no `,` (a table saved by a spreadsheet in a language whose decimal
    /// separator is the comma).
    package static func rows(of text: String) throws(Problem) -> (rows: [[Field]], delimiter: Character) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Unicode.Scalar = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        var rows: [[Field]] = []
        var row: [Field] = []
        var field = String.UnicodeScalarView()
        var fieldStart = SourcePosition(line: 1, column: 1)
        var line = 1
        var column = 1
        var index = 0
        var quoted = false
        var afterQuote = false
        var rowHasContent = false

        func endField() {
            row.append(Field(text: String(field), position: fieldStart))
            field = String.UnicodeScalarView()
        }
        func endRow() {
            endField()
            if rowHasContent || row.count > 1 || !(row.first?.text.isEmpty ?? true) { rows.append(row) }
            row = []
            rowHasContent = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2
                        column += 2
                        continue
                    }
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(scalar)
                    if scalar == "\n" {
                        line += 1
                        column = 0
                    }
                }
                index += 1
                column += 1
                continue
            }
            switch scalar {
            case delimiter:
                endField()
                afterQuote = false
                rowHasContent = true
                fieldStart = SourcePosition(line: line, column: column + 1)
            case "\r", "\n":
                if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                endRow()
                afterQuote = false
                line += 1
                column = 0
                fieldStart = SourcePosition(line: line, column: 1)
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
                rowHasContent = true
            default:
                if afterQuote {
                    throw Problem(message: "text after a closing quote; a quote inside a quoted field is written \"\"", position: SourcePosition(line: line, column: column))
                }
                field.append(scalar)
            }
            index += 1
            column += 1
        }
        if quoted { throw Problem(message: "a quoted field is not closed", position: fieldStart) }
        endRow()
        return (rows, Character(delimiter))
    }
}
