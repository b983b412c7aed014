import JuryReportSource
/// The CSV table of scores that `juryreport collect` writes and an edition's `scoresFile`
/// names: a header `juror,nominee,criterion,score`, then one score a row.
public enum ScoresTable {
    /// The columns, in the order they are written.
    public static let columns = ["juror", "nominee", "criterion", "score"]

    /// The table of `scores`, comma separated with CRLF line ends, numbers in full precision.
    public static func text(of scores: [Score]) -> String {
        var text = columns.joined(separator: ",") + "\r\n"
        for score in scores {
            // Ids are `[a-z0-9-]`: nothing to quote or guard.
            text += [score.juror, score.nominee, score.criterion ?? "", NumberText.shortest(score.score)].joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// Where one score's fields stand in the table, for messages.
    public struct Positions: Sendable, Equatable {
        public var row: SourcePosition
        public var juror: SourcePosition
        public var nominee: SourcePosition
        public var criterion: SourcePosition?
        public var score: SourcePosition
    }

    /// The scores of a table's text, with where each stands; faults as diagnostics of `file`.
    public static func read(_ text: String, file: String) -> (scores: [Score], positions: [Positions], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func fault(_ message: String, _ position: SourcePosition) {
            diagnostics.append(Diagnostic(.error, file: file, position: position, message: message))
        }
        let parsed: (rows: [[CSVTableParser.Field]], delimiter: Character)
        do {
            parsed = try CSVTableParser.rows(of: text)
        } catch {
            fault(error.message, error.position)
            return ([], [], diagnostics)
        }
        guard let header = parsed.rows.first else {
            fault("the table is empty; it needs the header \(columns.joined(separator: ","))", SourcePosition(line: 1, column: 1))
            return ([], [], diagnostics)
        }
        // A file that is no scores table (a password file, a report) is not echoed line by
        // line: one fault, none of its content.
        guard header.contains(where: { columns.contains($0.text.trimmingWhitespace().lowercased()) }) else {
            fault("is not a scores table: its first line is not the header \(columns.joined(separator: ","))",
                  header.first?.position ?? SourcePosition(line: 1, column: 1))
            return ([], [], diagnostics)
        }
        var place: [String: Int] = [:]
        for (index, field) in header.enumerated() {
            let name = field.text.trimmingWhitespace().lowercased()
            if !columns.contains(name) {
                var message = "unknown column \(DisplayText.quoted(field.text))"
                if let suggestion = Suggestion.closest(to: name, among: columns) { message += "; did you mean '\(suggestion)'?" }
                fault(message + "; the columns are \(columns.joined(separator: ", "))", field.position)
            } else if place[name] != nil {
                fault("the column '\(name)' is given twice", field.position)
            } else {
                place[name] = index
            }
        }
        let missing = ["juror", "nominee", "score"].filter { place[$0] == nil }
        if !missing.isEmpty {
            fault("the header has no column \(missing.map { "'\($0)'" }.joined(separator: ", "))", header[0].position)
        }
        guard diagnostics.isEmpty, let juror = place["juror"], let nominee = place["nominee"], let scoreColumn = place["score"]
        else { return ([], [], diagnostics) }
        let criterion = place["criterion"]
        var scores: [Score] = []
        var positions: [Positions] = []
        for row in parsed.rows.dropFirst() {
            func field(_ index: Int) -> CSVTableParser.Field? { index < row.count ? row[index] : nil }
            if row.count > header.count {
                fault("\(row.count) fields, but the header has \(header.count)", row[header.count].position)
                continue
            }
            func id(_ index: Int, _ name: String) -> (String, SourcePosition)? {
                guard let field = field(index) else {
                    fault("the row has no \(name)", row[0].position)
                    return nil
                }
                let text = field.text.trimmingWhitespace()
                if text.isEmpty {
                    fault("the \(name) is empty", field.position)
                    return nil
                }
                if let problem = TextRules.problem(in: text) {
                    fault(problem, field.position)
                    return nil
                }
                return (text, field.position)
            }
            let jurorID = id(juror, "juror")
            let nomineeID = id(nominee, "nominee")
            let criterionField = criterion.flatMap(field)
            let criterionID = criterionField.map { $0.text.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            var value: Double?
            if let scoreField = field(scoreColumn) {
                let written = scoreField.text.trimmingWhitespace()
                value = NumberSyntax.parse(written)
                    ?? (parsed.delimiter == ";" ? NumberSyntax.parse(written.replacingOccurrences(of: ",", with: ".")) : nil)
                if value == nil {
                    fault(written.isEmpty ? "the score is empty" : "expected a number, found \(DisplayText.quoted(written))", scoreField.position)
                } else if let number = value, abs(number) > NumberSyntax.largestMagnitude {
                    fault("must be between -10^15 and 10^15, found \(DisplayText.quoted(written))", scoreField.position)
                    value = nil
                }
            } else {
                fault("the row has no score", row[0].position)
            }
            guard let (jurorText, jurorPosition) = jurorID, let (nomineeText, nomineePosition) = nomineeID, let value,
                let scoreField = field(scoreColumn)
            else { continue }
            scores.append(Score(juror: jurorText, nominee: nomineeText, criterion: criterionID, score: value))
            positions.append(Positions(
                row: row[0].position, juror: jurorPosition, nominee: nomineePosition, criterion: criterionField?.position,
                score: scoreField.position))
        }
        return (scores, positions, diagnostics)
    }
}
