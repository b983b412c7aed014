import JuryReportSource

/// The CSV table of remarks that `juryreport collect` writes and an edition's `remarksFile`
/// names: a header `juror,nominee,remark`, then one remark a row. Remarks come from outside
/// the organization, so the table is inert in a spreadsheet too: every line of a remark that
/// a spreadsheet could run as a formula is guarded, reversibly (see `text(of:)`).
public enum RemarksTable {
    /// The columns, in the order they are written.
    public static let columns = ["juror", "nominee", "remark"]

    /// The table of `remarks`: a BOM (so that a spreadsheet reads the text as UTF-8), comma
    /// separated with CRLF line ends, each remark quoted where it needs to be and guarded.
    public static func text(of remarks: [Remark]) -> String {
        var text = "\u{FEFF}" + columns.joined(separator: ",") + "\r\n"
        for remark in remarks {
            // Ids are `[a-z0-9-]`: nothing to quote or guard.
            text += remark.juror + "," + remark.nominee + "," + quoted(FormulaGuard.guarded(remark.text)) + "\r\n"
        }
        return text
    }

    /// A field quoted when it holds what would end it or split it in a program that reads
    /// the file with another separator.
    private static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { "\",;\t\r\n".unicodeScalars.contains($0) }) || text.hasPrefix(" ") || text.hasSuffix(" ")
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The remarks of a table's text, with where each stands; faults as diagnostics of `file`.
    public static func read(_ text: String, file: String) -> (remarks: [Remark], positions: [TableRowPositions], diagnostics: [Diagnostic]) {
        var table = TableRows(file: file, name: "remarks", columns: columns, required: columns)
        guard let (rows, _) = table.read(text) else { return ([], [], table.diagnostics) }
        var remarks: [Remark] = []
        var positions: [TableRowPositions] = []
        for row in rows {
            let juror = table.id("juror", of: row)
            let nominee = table.id("nominee", of: row)
            var remark: String?
            if let field = table.field("remark", of: row) {
                // Kept as written, but for the guard; the validator checks length and emptiness.
                let written = FormulaGuard.unguarded(field.text.replacingOccurrences(of: "\r\n", with: "\n"))
                if let problem = TextRules.problem(in: written) {
                    table.fault(problem, field.position)
                } else {
                    remark = written
                }
            } else {
                table.fault("the row has no remark", row.position)
            }
            guard let juror, let nominee, let remark else { continue }
            remarks.append(Remark(juror: juror, nominee: nominee, text: remark))
            positions.append(row.positions)
        }
        return (remarks, positions, table.diagnostics)
    }

    /// A guard against a spreadsheet running a remark as a formula, that reads back to the
    /// remark exactly. A cell of a spreadsheet starts at the start of the field and after
    /// each `,` `;` tab and line end (a file opened with another separator splits there); a
    /// cell that starts like a formula (`=`, `+`, `-`, `@` or their full-width forms, after
    /// spaces and quotes; or a tab or carriage return) gets a `'` in front. So that the
    /// guard can be taken off again, a cell start that already holds `'` before such a start
    /// gets one more: reading removes one `'` wherever one or more stand before it.
    enum FormulaGuard {
        private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]
        private static let breaks: Set<Unicode.Scalar> = [",", ";", "\t", "\n", "\r"]

        /// Whether the cell starting at `start` needs the guard: apostrophes (at least
        /// `apostrophes`), spaces and quotes, then a trigger; or a tab or carriage return
        /// right after the apostrophes.
        private static func startsLikeFormula(_ scalars: [Unicode.Scalar], at start: Int, apostrophes: Int) -> Bool {
            var index = start
            while index < scalars.count, scalars[index] == "'" { index += 1 }
            guard index - start >= apostrophes, index < scalars.count else { return false }
            if scalars[index] == "\t" || scalars[index] == "\r" { return true }
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\"" || scalars[index] == "\u{A0}"
                || scalars[index].properties.generalCategory == .format
            {
                index += 1
            }
            return index < scalars.count && triggers.contains(scalars[index])
        }

        /// Walks the cell starts of `text`, inserting (`add`) or removing one `'` at each that
        /// starts like a formula.
        private static func transform(_ text: String, add: Bool) -> String {
            let scalars = Array(text.unicodeScalars)
            guard scalars.contains(where: { triggers.contains($0) || $0 == "\t" || $0 == "\r" }) else { return text }
            var result = String.UnicodeScalarView()
            var index = 0
            var atStart = true
            while index < scalars.count {
                if atStart, startsLikeFormula(scalars, at: index, apostrophes: add ? 0 : 1) {
                    if add { result.append("'") } else { index += 1 }
                }
                atStart = false
                guard index < scalars.count else { break }
                let scalar = scalars[index]
                result.append(scalar)
                if breaks.contains(scalar) { atStart = true }
                index += 1
            }
            return String(result)
        }

        static func guarded(_ text: String) -> String { transform(text, add: true) }
        static func unguarded(_ text: String) -> String { transform(text, add: false) }
    }
}
