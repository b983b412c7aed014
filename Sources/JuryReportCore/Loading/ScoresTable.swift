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

    /// The scores of a table's text, with where each stands; faults as diagnostics of `file`.
    public static func read(_ text: String, file: String) -> (scores: [Score], positions: [TableRowPositions], diagnostics: [Diagnostic]) {
        var table = TableRows(file: file, name: "scores", columns: columns, required: ["juror", "nominee", "score"])
        guard let (rows, delimiter) = table.read(text) else { return ([], [], table.diagnostics) }
        var scores: [Score] = []
        var positions: [TableRowPositions] = []
        for row in rows {
            let juror = table.id("juror", of: row)
            let nominee = table.id("nominee", of: row)
            let criterion = table.field("criterion", of: row).map { $0.text.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            var value: Double?
            if let field = table.field("score", of: row) {
                let written = field.text.trimmingWhitespace()
                value = NumberSyntax.parse(written)
                    ?? (delimiter == ";" ? NumberSyntax.parse(written.replacingOccurrences(of: ",", with: ".")) : nil)
                if value == nil {
                    table.fault(written.isEmpty ? "the score is empty" : "expected a number, found \(DisplayText.quoted(written))", field.position)
                } else if let number = value, abs(number) > NumberSyntax.largestMagnitude {
                    table.fault("must be between -10^15 and 10^15, found \(DisplayText.quoted(written))", field.position)
                    value = nil
                }
            } else {
                table.fault("the row has no score", row.position)
            }
            guard let juror, let nominee, let value else { continue }
            scores.append(Score(juror: juror, nominee: nominee, criterion: criterion, score: value))
            positions.append(row.positions)
        }
        return (scores, positions, table.diagnostics)
    }
}
