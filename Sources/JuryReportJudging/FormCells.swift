import JuryReportCore

/// The score cells of a form, found by its hidden ids (`ScoreFormKeys`) without checking
/// its identity: what `forms` compares before it writes a form again, so that a form a
/// juror has filled in is never overwritten by a blank one.
public enum FormCells {
    /// Each filled score cell by `nominee criterion` (the criterion key as the key row has
    /// it); empty when the form has no ids to find them by.
    public static func scores(of form: FilledForm) -> [String: FilledForm.Value] {
        for sheet in form.sheets {
            guard let corner = sheet.cells.first(where: { $0.value == .text(ScoreFormKeys.corner) }) else { continue }
            var keys: [Int: String] = [:]
            var ids: [Int: String] = [:]
            for cell in sheet.cells {
                guard case .text(let text) = cell.value else { continue }
                if cell.row == corner.row && cell.column > corner.column { keys[cell.column] = text }
                if cell.column == corner.column && cell.row > corner.row { ids[cell.row] = text }
            }
            var scores: [String: FilledForm.Value] = [:]
            for cell in sheet.cells {
                guard let id = ids[cell.row], let key = keys[cell.column] else { continue }
                if case .text(let text) = cell.value, text.trimmingWhitespace().isEmpty { continue }
                scores[id + " " + key] = cell.value
            }
            return scores
        }
        return [:]
    }

    /// The cells `existing` holds that `fresh` (the form as it would be written now) does
    /// not hold alike: scores entered since the form was written, as `nominee criterion`.
    public static func entered(in existing: FilledForm, comparedWith fresh: FilledForm) -> [String] {
        let now = scores(of: fresh)
        return scores(of: existing).filter { now[$0.key] != $0.value }.map(\.key).sorted()
    }
}
