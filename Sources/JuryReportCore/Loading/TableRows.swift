import JuryReportSource

/// The rows of a CSV table juryreport reads (the scores and the remarks tables): the header
/// checked against the table's columns, then each row's fields by column, with the faults
/// of the file as diagnostics.
struct TableRows {
    let file: String
    /// The table's name in messages: "scores", "remarks".
    let name: String
    let columns: [String]
    let required: [String]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, name: String, columns: [String], required: [String]) {
        self.file = file
        self.name = name
        self.columns = columns
        self.required = required
    }

    mutating func fault(_ message: String, _ position: SourcePosition) {
        diagnostics.append(Diagnostic(.error, file: file, position: position, message: message))
    }

    /// The rows below a valid header, each as its fields by column name, and the CSV
    /// delimiter; nil when the text or its header is at fault.
    mutating func read(_ text: String) -> (rows: [Row], delimiter: Character)? {
        let parsed: (rows: [[CSVTableParser.Field]], delimiter: Character)
        do {
            parsed = try CSVTableParser.rows(of: text)
        } catch {
            fault(error.message, error.position)
            return nil
        }
        let header = columns.joined(separator: ",")
        guard let first = parsed.rows.first else {
            fault("the table is empty; it needs the header \(header)", SourcePosition(line: 1, column: 1))
            return nil
        }
        // A file that is no such table (a password file, a report) is not echoed line by
        // line: one fault, none of its content.
        guard first.contains(where: { columns.contains($0.text.trimmingWhitespace().lowercased()) }) else {
            fault("is not a \(name) table: its first line is not the header \(header)", first.first?.position ?? SourcePosition(line: 1, column: 1))
            return nil
        }
        var place: [String: Int] = [:]
        for (index, field) in first.enumerated() {
            let column = field.text.trimmingWhitespace().lowercased()
            if !columns.contains(column) {
                var message = "unknown column \(DisplayText.quoted(field.text))"
                if let suggestion = Suggestion.closest(to: column, among: columns) { message += "; did you mean '\(suggestion)'?" }
                fault(message + "; the columns are \(columns.joined(separator: ", "))", field.position)
            } else if place[column] != nil {
                fault("the column '\(column)' is given twice", field.position)
            } else {
                place[column] = index
            }
        }
        let missing = required.filter { place[$0] == nil }
        if !missing.isEmpty {
            fault("the header has no column \(missing.map { "'\($0)'" }.joined(separator: ", "))", first[0].position)
        }
        guard diagnostics.isEmpty else { return nil }
        // Each of the table's columns' place in the file's rows.
        let places = columns.map { place[$0] }
        var rows: [Row] = []
        rows.reserveCapacity(parsed.rows.count - 1)
        for fields in parsed.rows.dropFirst() {
            if fields.count > first.count {
                fault("\(fields.count) fields, but the header has \(first.count)", fields[first.count].position)
                continue
            }
            rows.append(Row(position: fields[0].position, fields: places.map { $0.flatMap { $0 < fields.count ? fields[$0] : nil } }))
        }
        return (rows, parsed.delimiter)
    }

    /// One row: its fields in the order of the table's columns (nil where the header has no
    /// such column or a short row ends before it).
    struct Row {
        var position: SourcePosition
        var fields: [CSVTableParser.Field?]

        var positions: TableRowPositions {
            TableRowPositions(row: position, fields: fields.map { $0?.position })
        }
    }

    /// The field of `column` in `row`.
    func field(_ column: String, of row: Row) -> CSVTableParser.Field? {
        columns.firstIndex(of: column).flatMap { row.fields[$0] }
    }

    /// The id in `column` of `row`: present, not empty, and text an edition may hold.
    mutating func id(_ column: String, of row: Row) -> String? {
        guard let field = field(column, of: row) else {
            fault("the row has no \(column)", row.position)
            return nil
        }
        let text = field.text.trimmingWhitespace()
        if text.isEmpty {
            fault("the \(column) is empty", field.position)
            return nil
        }
        if let problem = TextRules.problem(in: text) {
            fault(problem, field.position)
            return nil
        }
        return text
    }
}
