import Foundation
import Testing
import TestSupport

/// The judging round of #14 end to end, with programs that are not ours: forms written by
/// `juryreport forms`, filled in by openpyxl, one saved again by LibreOffice, read back by
/// `juryreport collect`, exported, and the standings checked against a reference worked
/// out here from the numbers typed in.
@Suite(
    "The judging round: forms, collect, scoresFile", .onTestPool,
    .requires(.openpyxl))
struct JudgingRoundTests {
    static let jurors = ["anna", "bram", "chloe"]
    static let nominees = ["alpha", "beta", "gamma", "delta"]
    static let criteria = ["impact", "originality", "craft"]
    static let weights = ["impact": 2.0, "originality": 1.0, "craft": 1.5]
    /// Bram is recused from beta in the fixture.
    static let recused: Set<String> = ["bram beta"]

    /// What each juror types: a number per nominee and criterion, one of them as text with
    /// a decimal comma, as a Dutch spreadsheet would keep it.
    static func typed(_ juror: String) -> [String: [String: Any]] {
        var scores: [String: [String: Any]] = [:]
        for (n, nominee) in nominees.enumerated() where !recused.contains("\(juror) \(nominee)") {
            var row: [String: Any] = [:]
            for (c, criterion) in criteria.enumerated() {
                let j = jurors.firstIndex(of: juror)!
                row[criterion] = Double((j * 7 + n * 3 + c * 5) % 10 + 1)
            }
            scores[nominee] = row
        }
        if juror == "anna" { scores["beta"]?["impact"] = "7,5" }
        return scores
    }

    static func number(_ value: Any) -> Double {
        if let text = value as? String { return Double(text.replacingOccurrences(of: ",", with: "."))! }
        return value as! Double
    }

    /// The standings worked out here: each nominee's weighted mean over every score typed.
    static func reference(_ forms: [String: [String: [String: Any]]]) -> [String: Double] {
        var sums: [String: (Double, Double)] = [:]
        for (_, scores) in forms {
            for (nominee, row) in scores {
                for (criterion, value) in row {
                    let weight = weights[criterion]!
                    sums[nominee, default: (0, 0)].0 += number(value) * weight
                    sums[nominee, default: (0, 0)].1 += weight
                }
            }
        }
        return sums.mapValues { $0.0 / $0.1 }
    }

    /// The fixture in a folder of its own, reading its scores from `scores.csv`.
    static func edition(in directory: URL) throws -> URL {
        var yaml = try String(contentsOf: Paths.edition("judging.yaml"), encoding: .utf8)
        yaml += "scoresFile: scores.csv\n"
        let file = directory.appendingPathComponent("judging.yaml")
        try Data(yaml.utf8).write(to: file)
        return file
    }

    static func form(_ juror: String, in directory: URL) -> URL {
        directory.appendingPathComponent("forms/open-data-award-2026.form.\(juror).xlsx")
    }

    @Test(
        "an edition without scores → forms → filled by openpyxl, one saved again by LibreOffice → collect → export: the reference standings",
        .requires(.libreOffice))
    func wholeRound() throws {
        let directory = try Paths.temporaryDirectory("judging")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.edition(in: directory)
        let forms = directory.appendingPathComponent("forms")
        let made = try ProcessRunner.juryreport(["forms", edition.path, "-o", forms.path])
        #expect(made.status == 0, "\(made.standardError)")
        #expect(Paths.reports(in: forms) == Self.jurors.map { "open-data-award-2026.form.\($0).xlsx" })

        var typed: [String: [String: [String: Any]]] = [:]
        var filled: [URL] = []
        for juror in Self.jurors {
            typed[juror] = Self.typed(juror)
            let output = directory.appendingPathComponent("filled-\(juror).xlsx")
            let report = try IndependentReaders.fillForm(Self.form(juror, in: directory), to: output, scores: typed[juror]!)
            // What openpyxl finds in the form: the check of the scale (and the remarks' length,
            // see RemarksRoundTests), the protection without a password, input cells unlocked,
            // formulas and recused cells locked.
            #expect(report.validations.map(\.type) == ["decimal", "textLength"])
            #expect(report.validations.first.map { ($0.min, $0.max) } ?? (nil, nil) == ("1", "10"))
            #expect(report.protected && report.password == nil)
            #expect(report.properties["juryreport.juror"] == juror && report.properties["juryreport.edition"] == "open-data-award-2026")
            let written = Set(typed[juror]!.values.flatMap(\.keys)).count * typed[juror]!.count
            #expect(report.locked.values.filter { !$0 }.count == written, "every input cell written is unlocked: \(report.locked)")
            #expect(report.locked.values.filter { $0 }.count == Self.nominees.count + (juror == "bram" ? Self.criteria.count : 0),
                    "the means (and bram's recused cells) are locked: \(report.locked)")
            filled.append(output)
        }
        // Bram's form, saved again by LibreOffice: other XML, shared strings, styles.
        let resaved = try IndependentReaders.libreOfficeResave([filled[1]], in: directory)
        filled[1] = resaved[0]
        // LibreOffice recalculated the form's means: each the weighted mean of the row.
        let recalculated = try IndependentReaders.xlsx(resaved[0], values: true)
        let rows = recalculated.sheet("Scores")
        for (nominee, row) in typed["bram"]! {
            let total = row.reduce(0.0) { $0 + Self.number($1.value) * Self.weights[$1.key]! }
            let weight = row.keys.reduce(0.0) { $0 + Self.weights[$1]! }
            let sheetRow = try #require(rows.first { cellText($0.first) == nominee })
            #expect(abs((cellNumber(sheetRow[6]) ?? -1) - total / weight) < 1e-9, "bram's mean for \(nominee)")
        }

        let collected = try ProcessRunner.juryreport(["collect", edition.path] + filled.map(\.path))
        #expect(collected.status == 0, "\(collected.standardError)")
        let table = try IndependentReaders.csv(directory.appendingPathComponent("scores.csv"))
        #expect(table.rows.first == ["juror", "nominee", "criterion", "score"])
        #expect(table.rows.count == 1 + 4 * 3 * 3 - 3, "every score but bram's for beta")

        let out = directory.appendingPathComponent("out")
        let exported = try ProcessRunner.juryreport(["export", edition.path, "-f", "csv,xlsx", "-o", out.path])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(!exported.standardError.contains("no score by"), "the round is complete: \(exported.standardError)")
        let reference = Self.reference(typed)
        let nominees = try IndependentReaders.csv(out.appendingPathComponent("open-data-award-2026.nominees.csv"))
        let header = try #require(nominees.rows.first)
        let id = try #require(header.firstIndex(of: "id"))
        let totalColumn = try #require(header.firstIndex(of: "total"))
        for row in nominees.rows.dropFirst() {
            let total = try #require(Double(row[totalColumn]))
            #expect(abs(total - reference[row[id]]!) <= 1e-12 * total, "\(row[id]): \(total) vs \(reference[row[id]]!)")
        }
        // The organizer's workbook, recalculated by LibreOffice, gives the same standings.
        let workbook = try IndependentReaders.libreOfficeResave([out.appendingPathComponent("open-data-award-2026.xlsx")], in: directory)
        let scores = try IndependentReaders.xlsx(workbook[0], values: true).sheet("Scores").dropFirst(3)
        for (row, nominee) in zip(scores, Self.nominees) {
            #expect(abs((cellNumber(row[2 + 9]) ?? -1) - reference[nominee]!) < 1e-9, "workbook total of \(nominee)")
        }
    }

    /// Forms of the fixture, made once for a test, in `directory/forms`.
    static func makeForms(in directory: URL) throws -> URL {
        let edition = try Self.edition(in: directory)
        let made = try ProcessRunner.juryreport(["forms", edition.path, "-o", directory.appendingPathComponent("forms").path])
        try #require(made.status == 0, "\(made.standardError)")
        return edition
    }

    /// `collect` refuses: exit 65, the message, and no table written.
    static func refused(_ edition: URL, _ forms: [URL], saying message: String) throws {
        let output = edition.deletingLastPathComponent().appendingPathComponent("refused.csv")
        let result = try ProcessRunner.juryreport(["collect", edition.path] + forms.map(\.path) + ["--output", output.path])
        #expect(result.status == 65, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing written")
    }

    @Test("collect refuses a form of another edition, juror or nominee list, a bad value, a recused score, a juror twice")
    func refusals() throws {
        let directory = try Paths.temporaryDirectory("judging-refusals")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.makeForms(in: directory)
        let anna = Self.form("anna", in: directory)
        func filled(_ name: String, _ juror: String = "anna", scores: [String: [String: Any]], edits: [String: Any] = [:]) throws -> URL {
            let output = directory.appendingPathComponent(name)
            _ = try IndependentReaders.fillForm(Self.form(juror, in: directory), to: output, scores: scores, edits: edits)
            return output
        }
        // A value outside the scale and one that is no number, named by file and cell.
        let eleven = try filled("anna.form.xlsx", scores: ["alpha": ["impact": 11]])
        try Self.refused(edition, [eleven], saying: "anna.form.xlsx:Scores!D8: error: 11 is outside the scale 1 to 10")
        let word = try filled("word.xlsx", scores: ["gamma": ["craft": "good"]])
        try Self.refused(edition, [word], saying: "word.xlsx:Scores!F10: error: expected a score from 1 to 10, found 'good'")
        // A score in a cell of a nominee the member is recused from.
        let recused = try filled("bram.xlsx", "bram", scores: ["beta": ["impact": 7]])
        try Self.refused(edition, [recused], saying: "bram.xlsx:Scores!D9: error: 'bram' is recused from 'beta' and cannot score it")
        // The same member twice.
        try Self.refused(edition, [anna, anna], saying: "a second form of the jury member 'anna'")
        // A form of another juror (its identification edited) and of another edition.
        let stranger = try filled("zed.xlsx", scores: [:], edits: ["property": ["juryreport.juror": "zed"]])
        try Self.refused(edition, [stranger], saying: "is the form of 'zed', who is not on the jury of 'open-data-award-2026'")
        let other = try filled("other.xlsx", scores: [:], edits: ["property": ["juryreport.edition": "open-data-award-2025"]])
        try Self.refused(edition, [other], saying: "is a form of 'open-data-award-2025', not of 'open-data-award-2026'")
        // The nominee list changed since the forms were made: the fingerprint differs.
        var yaml = try String(contentsOf: edition, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "  - { id: delta,", with: "  - { id: epsilon, name: Epsilon }\n  - { id: delta,")
        let changed = directory.appendingPathComponent("changed.yaml")
        try Data(yaml.utf8).write(to: changed)
        try Self.refused(changed, [anna], saying: "was made for other nominees, criteria or scale than the edition has now")
        // A deleted nominee row is refused, never read as another nominee's.
        let deleted = try filled("deleted.xlsx", scores: ["alpha": ["impact": 9]], edits: ["unprotect": true, "deleteNominee": "gamma"])
        try Self.refused(edition, [deleted], saying: "the row of 'gamma' is missing")
        // Not a workbook at all.
        let text = directory.appendingPathComponent("notes.xlsx")
        try Data("not a zip".utf8).write(to: text)
        try Self.refused(edition, [text], saying: "notes.xlsx: error: is not a workbook (.xlsx)")
        // A form that is not there: missing input, exit 66.
        let missing = try ProcessRunner.juryreport(["collect", edition.path, directory.appendingPathComponent("gone.xlsx").path])
        #expect(missing.status == 66 && missing.standardError.contains("gone.xlsx: error: no such file"), "\(missing.standardError)")
        // A refusal leaves the edition's scoresFile as it was, byte for byte.
        let table = directory.appendingPathComponent("scores.csv")
        let before = Data("juror,nominee,criterion,score\r\nchloe,alpha,impact,5\r\n".utf8)
        try before.write(to: table)
        let kept = try ProcessRunner.juryreport(["collect", edition.path, eleven.path])
        #expect(kept.status == 65)
        #expect(try Data(contentsOf: table) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.hasPrefix(".") }, "no temporary file left")
    }

    @Test("forms are byte-identical on every run (their dates are the edition's)", .requires(.pdflatex))
    func reproducibleForms() throws {
        let directory = try Paths.temporaryDirectory("judging-reproducible")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.edition(in: directory)
        var runs: [[String: Data]] = []
        for run in 0..<2 {
            let out = directory.appendingPathComponent("run-\(run)")
            let result = try ProcessRunner.juryreport(["forms", edition.path, "--juror", "bram", "--format", "xlsx,pdf", "-o", out.path])
            try #require(result.status == 0, "\(result.standardError)")
            var files: [String: Data] = [:]
            for name in Paths.reports(in: out) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            runs.append(files)
        }
        #expect(runs[0].count == 2)
        #expect(runs[0] == runs[1])
    }

    @Test("a form with its protection removed and a row inserted reads each score for its own nominee; empty cells are warnings")
    func editedStructure() throws {
        let directory = try Paths.temporaryDirectory("judging-edited")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.makeForms(in: directory)
        let output = directory.appendingPathComponent("edited.xlsx")
        let scores: [String: [String: Any]] = ["alpha": ["impact": 9, "craft": 4], "delta": ["originality": 3]]
        // Sheet row 9 is beta's: the rows of beta, gamma and delta move down one.
        _ = try IndependentReaders.fillForm(
            Self.form("chloe", in: directory), to: output, scores: scores, edits: ["unprotect": true, "insertRow": 9])
        let out = directory.appendingPathComponent("chloe.csv")
        let result = try ProcessRunner.juryreport(["collect", edition.path, output.path, "-o", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try IndependentReaders.csv(out).rows
        #expect(rows == [
            ["juror", "nominee", "criterion", "score"], ["chloe", "alpha", "impact", "9"], ["chloe", "alpha", "craft", "4"],
            ["chloe", "delta", "originality", "3"],
        ])
        // Empty cells: one warning per nominee, naming the criteria, at the row's first cell.
        #expect(result.standardError.contains("edited.xlsx:Scores!D8: warning: no score by 'chloe' for 'alpha' on criterion 'originality'"))
        #expect(result.standardError.contains("warning: no score by 'chloe' for 'beta' on criteria 'impact', 'originality', 'craft'"))
        #expect(result.standardError.contains("edited.xlsx:Scores!D12: warning: no score by 'chloe' for 'delta' on criteria 'impact', 'craft'"),
                "delta's row moved from 11 to 12: \(result.standardError)")
    }

    @Test("a scoresFile's faults are reported at its line and column, and nothing is written")
    func scoresFileFaults() throws {
        let directory = try Paths.temporaryDirectory("judging-scoresfile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.edition(in: directory)
        let table = """
            juror,nominee,criterion,score\r
            anna,alpha,impact,8\r
            anna,alpha,impact,9\r
            zed,alpha,impact,5\r
            anna,beta,craft,11\r
            anna,gamma,craft,"7,5"\r
            bram,beta,impact,6\r

            """
        try Data(table.utf8).write(to: directory.appendingPathComponent("scores.csv"))
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", edition.path, "-f", "csv", "-o", out.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        let csv = directory.appendingPathComponent("scores.csv").path
        #expect(lines.contains("\(csv):3:1: error: a second score by the same juror for the same nominee and criterion; the first is line 2"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(csv):4:1: error: refers to no jury member: 'zed'") }, "\(lines)")
        #expect(lines.contains("\(csv):5:17: error: 11 is outside the scale 1 to 10"), "\(lines)")
        #expect(lines.contains("\(csv):6:18: error: expected a number, found '7,5'"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(csv):7:1: error: 'bram' is recused from 'beta'") }, "\(lines)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(written.isEmpty, "nothing written: \(written)")
        // A scoresFile that is not there is an error of the edition, at its field.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("scores.csv"))
        let missing = try ProcessRunner.juryreport(["validate", edition.path])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("error: scoresFile: no such file: '\(directory.path)/scores.csv'"), "\(missing.standardError)")
    }

    @Test("recusals are validated: known ids, no pair twice, no score for a recused pair")
    func recusalRules() throws {
        let directory = try Paths.temporaryDirectory("judging-recusals")
        defer { try? FileManager.default.removeItem(at: directory) }
        var yaml = try String(contentsOf: Paths.edition("judging.yaml"), encoding: .utf8)
        yaml += """
              - { juror: bram, nominee: beta }
              - { juror: zed, nominee: omega }
            scores:
              - { juror: bram, nominee: beta, criterion: impact, score: 6 }

            """
        let file = directory.appendingPathComponent("e.yaml")
        try Data(yaml.utf8).write(to: file)
        let result = try ProcessRunner.juryreport(["validate", file.path])
        #expect(result.status == 65)
        let text = result.standardError
        #expect(text.contains("recusals[1]: 'bram' is already recused from 'beta' by recusals[0]"), "\(text)")
        #expect(text.contains("recusals[2].juror: refers to no jury member: 'zed'"), "\(text)")
        #expect(text.contains("recusals[2].nominee: refers to no nominee: 'omega'"), "\(text)")
        #expect(text.contains("scores[0]: 'bram' is recused from 'beta' (recusals[0]) and cannot score it"), "\(text)")
    }

    @Test("validate and export warn of each missing score, one line per juror and nominee")
    func completeness() throws {
        let directory = try Paths.temporaryDirectory("judging-complete")
        defer { try? FileManager.default.removeItem(at: directory) }
        var yaml = try String(contentsOf: Paths.edition("judging.yaml"), encoding: .utf8)
        yaml += "scores:\n"
        for juror in Self.jurors {
            for nominee in Self.nominees where !Self.recused.contains("\(juror) \(nominee)") {
                for criterion in Self.criteria where !(juror == "chloe" && nominee == "gamma" && criterion != "impact") {
                    // The winner ahead, so that no tie for first adds its warning.
                    yaml += "  - { juror: \(juror), nominee: \(nominee), criterion: \(criterion), score: \(nominee == "alpha" ? 8 : 7) }\n"
                }
            }
        }
        let file = directory.appendingPathComponent("e.yaml")
        try Data(yaml.utf8).write(to: file)
        for command in [["validate", file.path], ["export", file.path, "-f", "json", "-o", directory.appendingPathComponent("out").path]] {
            let result = try ProcessRunner.juryreport(command)
            #expect(result.status == 0, "\(result.standardError)")
            let warnings = result.standardError.split(separator: "\n").filter { $0.contains("warning:") }
            #expect(warnings.count == 1, "\(command[0]): \(warnings)")
            #expect(warnings.first?.hasSuffix("warning: no score by 'chloe' for 'gamma' on criteria 'originality', 'craft'") == true, "\(warnings)")
        }
    }
}

private func cellText(_ cell: IndependentReaders.Cell?) -> String? {
    guard let cell, case .string(let text) = cell.value else { return nil }
    return text
}

private func cellNumber(_ cell: IndependentReaders.Cell?) -> Double? {
    guard let cell, case .number(let number) = cell.value else { return nil }
    return number
}
