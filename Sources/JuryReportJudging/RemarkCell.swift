import Foundation
import JuryReportCore
import JuryReportSource

/// The remark a form's remarks cell holds, as the edition keeps it: the text with its line
/// breaks as `\n` (a spreadsheet may save CR LF, CR or a vertical tab, Word's line break, for
/// one) and without surrounding white space; refused when it holds what no edition may hold
/// or is longer than `Remark.maximumLength`.
enum RemarkCell {
    struct Problem: Error {
        var message: String
    }

    /// The remark, nil for an empty cell.
    static func text(of value: FilledForm.Value) -> Result<String?, Problem> {
        let written: String
        switch value {
        case .text(let text): written = text
        // A remark that is a number or a truth value, as the program stored it.
        case .number(let number): written = NumberText.shortest(number)
        case .boolean(let flag): written = flag ? "TRUE" : "FALSE"
        case .error(let code): return .failure(Problem(message: "expected a remark, found the error \(DisplayText.quoted(code))"))
        }
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in written.unicodeScalars {
            switch scalar {
            case "\r", "\u{0B}", "\u{2028}", "\u{2029}": scalars.append("\n")
            case "\n" where previous == "\r": break
            default: scalars.append(scalar)
            }
            previous = scalar
        }
        let text = String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .success(nil) }
        if let problem = TextRules.problem(in: text) { return .failure(Problem(message: "the remark \(problem)")) }
        let length = text.count
        if length > Remark.maximumLength {
            return .failure(Problem(message: "the remark is \(length) characters; a remark may have at most \(Remark.maximumLength)"))
        }
        return .success(text)
    }
}
