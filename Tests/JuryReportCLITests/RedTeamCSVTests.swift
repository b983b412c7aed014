import Foundation
import Testing
import TestSupport

/// #16.1: text that becomes a cell of its own under another usual separator is guarded.
@Suite("CSV formula guard under every separator", .onTestPool, .requires(.python3))
struct RedTeamCSVTests {
    /// The red team's names, and more of their kind.
    static let names = [
        "x;=1+1;y", "x,=2+2,y", "x;=cmd|' /C calc'!A0;y", "x\t@SUM(A1)\ty", "a; -5; +3,-0.5",
        "=\u{0301}1+1", "=\u{200D}1+1", "=\u{FE0F}1+1", "\u{200B}=1+1", "\u{00A0}=1+1", "x;\"=1+1\";y",
        "x; ＝1+1", "ok\n;=1", "plain, text; here",
    ]

    /// Whether a spreadsheet could run `cell` as a formula: after white space, format
    /// characters and quotes, its first scalar is `= + - @` or a full-width form, and it is
    /// not a plain number.
    static func runsAsFormula(_ cell: String) -> Bool {
        let scalars = cell.unicodeScalars.drop {
            $0 == "\"" || $0.properties.isWhitespace || $0.properties.generalCategory == .format
        }
        guard let first = scalars.first, "=+-@＝＋－＠".unicodeScalars.contains(first) else { return false }
        return Double(String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)) == nil
    }

    func export(_ directory: URL, delimiter: String, guardOn: Bool = true) throws -> URL {
        let edition = try TestEdition.write(TestEdition.document(names: Self.names), in: directory)
        let out = directory.appendingPathComponent("out-\(delimiter)-\(guardOn)")
        var arguments = ["export", edition.path, "-f", "csv", "-o", out.path, "--option", "delimiter=\(delimiter)"]
        if !guardOn { arguments += ["--option", "formula-guard=false"] }
        let result = try ProcessRunner.juryreport(arguments)
        try #require(result.status == 0, "\(result.standardError)")
        return out.appendingPathComponent("red-team-2024.nominees.csv")
    }

    @Test("Python's csv, reading each file with each of , ; and tab, finds no cell that runs as a formula")
    func everySeparator() throws {
        let directory = try Paths.temporaryDirectory("red-csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        for delimiter in [",", ";", "tab"] {
            let file = try export(directory, delimiter: delimiter)
            // Read as written: every name intact, behind its guard.
            let names = try IndependentReaders.csv(file, delimiter: delimiter).rows.dropFirst().map { $0[2] }
            #expect(names.map { $0.replacingOccurrences(of: "'", with: "") } == Self.names.map { $0.replacingOccurrences(of: "'", with: "") })
            for reading in [",", ";", "tab"] {
                let rows = try IndependentReaders.csv(file, delimiter: reading, strict: false).rows
                let formulas = rows.joined().filter(Self.runsAsFormula)
                #expect(formulas.isEmpty, "written with \(delimiter), read with \(reading): \(formulas)")
            }
        }
        // The check can fail: without the guard the same reading finds the formulas.
        let unguarded = try export(directory, delimiter: ",", guardOn: false)
        let rows = try IndependentReaders.csv(unguarded, delimiter: ";", strict: false).rows
        #expect(rows.joined().filter(Self.runsAsFormula).count >= 6)
    }

    @Test("LibreOffice opening a comma file with ; (and a ; file with , or tab) makes no formula cell",
          .requires(.libreOffice, .openpyxl))
    func libreOffice() throws {
        let directory = try Paths.temporaryDirectory("red-csv-lo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let comma = try export(directory, delimiter: ",")
        let semicolon = try export(directory, delimiter: ";")
        let unguarded = try export(directory, delimiter: ",", guardOn: false)
        // Filter options: separator (59 ;, 44 ,, 9 tab), text delimiter " (34), UTF-8 (76), line 1.
        for (file, separator, expectFormulas) in [(comma, 59, false), (semicolon, 44, false), (semicolon, 9, false), (unguarded, 59, true)] {
            let folder = directory.appendingPathComponent("lo-\(separator)-\(expectFormulas)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let converted = try IndependentReaders.libreOfficeConvert(file, to: "xlsx", filter: "CSV:\(separator),34,76,1", in: folder)
            let workbook = try IndependentReaders.xlsx(converted)
            let cells = try #require(workbook.sheets[workbook.order[0]]).joined()
            let formulas = cells.filter { $0.type == "f" }
            if expectFormulas {
                #expect(!formulas.isEmpty, "the unguarded control must show formulas, or this check cannot fail")
            } else {
                #expect(formulas.isEmpty, "\(file.lastPathComponent) with separator \(separator): \(formulas)")
            }
        }
    }
}
