import Foundation
import JuryReportCore
import JuryReportJudging

/// What the form reader's fuzzer checks of one input, shared by the libFuzzer target
/// (Fuzz/, through a link to this file, run with `JURYREPORT_FUZZ_TARGET=form`) and the
/// regression tests: the bytes are a workbook as it comes back from a juror. Reading must
/// not crash or hang whatever they are, a refused workbook must say why, and what is read
/// keeps to the limits: no cell outside them, none twice. When `edition` is given, the
/// collector checks the form against it too.
enum FuzzedForm {
    /// The limits of a form of a small edition (the judging fixture's size).
    static let limits = WorkbookLimits(
        fileSize: 1 << 20, parts: 200, partSize: 4 << 20, sharedStrings: 20_000, cells: 20_000, rows: 200, columns: 50)

    /// Where the bytes are put to be read as `collect` reads a form, from a file (ZIPFoundation's
    /// in-memory archives fail their own assertions on some broken containers; the tool
    /// never reads one from memory).
    static let file = FileManager.default.temporaryDirectory.appendingPathComponent("juryreport-fuzz-form-\(getpid()).xlsx")

    /// What went wrong, or nil.
    static func check(_ bytes: [UInt8], edition: Edition? = nil) -> String? {
        let form: FilledForm
        do {
            try Data(bytes).write(to: file)
        } catch {
            return "cannot write the input to \(file.path): \(error)"
        }
        do {
            form = try WorkbookReader(limits: limits).read(file.path, name: "fuzz.xlsx")
        } catch {
            return error.message.isEmpty ? "a refused form has no message" : nil
        }
        var seen = Set<[Int]>()
        let cells = form.sheets.flatMap { sheet in sheet.cells.map { (sheet.name, $0) } }
        guard cells.count <= limits.cells else { return "\(cells.count) cells read, past the limit" }
        for (sheet, cell) in cells {
            guard (0..<limits.rows).contains(cell.row), (0..<limits.columns).contains(cell.column) else {
                return "a cell read outside the limits: \(sheet) \(cell.row) \(cell.column)"
            }
        }
        for (index, sheet) in form.sheets.enumerated() {
            for cell in sheet.cells where !seen.insert([index, cell.row, cell.column]).inserted {
                return "a cell read twice: \(sheet.name) \(cell.row) \(cell.column)"
            }
        }
        if let edition {
            let collection = ScoreCollector(edition: edition).collect([form])
            if collection.errors.isEmpty && collection.scores.contains(where: { !$0.score.isFinite }) {
                return "a score that is not a finite number was collected"
            }
        }
        return nil
    }
}
