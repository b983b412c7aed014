import Foundation
import Testing
import TestSupport

/// Remarks come back with the scores (#28): forms filled with scores and hostile remarks by
/// openpyxl and saved again by LibreOffice, collected in two batches into the edition's
/// `remarksFile`, exported. Every remark reaches the organizer's workbook and the JSON
/// literally; no published format shows one; the table stays inert in a spreadsheet.
@Suite("Remarks: from the forms to the organizer's workbook, never into a report", .onTestPool, .requires(.openpyxl))
struct RemarksRoundTests {
    /// Each remark holds a marker word that survives every format's escaping, so that a
    /// published file holding any part of it is found.
    static var remarks: [String: [String: Any]] {
        [
        "anna": [
            "alpha": "rmkone =HYPERLINK(\"http://evil.example\",\"click\") \\ { } $ & # ^ _ % ~ \\input{/etc/passwd}",
            "gamma": "- rmktwo first point\n- second; with, \"quotes\"\n@third\n+fourth",
        ],
        "bram": [
            "alpha": "<script>alert('rmkthree')</script> | * **bold** [x](javascript:alert(1)) </textarea>",
            "gamma": "Très bien\u{A0}— rmkfour " + String(repeating: "lange zin, ", count: 150),
        ],
        "chloe": [
            "alpha": "'s-Hertogenbosch rmkfive; '=an apostrophe kept, ''-two kept",
            "delta": "NO",
            "beta": 7,
        ],
        ]
    }
    static let markers = ["rmkone", "rmktwo", "rmkthree", "rmkfour", "rmkfive"]

    /// The remark as collect keeps it: a number as its text.
    static func kept(_ value: Any) -> String { (value as? String) ?? String(value as! Int) }

    @Test(
        "scores and remarks filled by openpyxl, saved again by LibreOffice, collected in two batches, exported: every remark in the workbook, none in a report",
        .requires(.libreOffice))
    func roundTrip() throws {
        let directory = try Paths.temporaryDirectory("remarks")
        defer { try? FileManager.default.removeItem(at: directory) }
        var yaml = try String(contentsOf: Paths.edition("judging.yaml"), encoding: .utf8)
        yaml += "scoresFile: scores.csv\nremarksFile: remarks.csv\n"
        let edition = directory.appendingPathComponent("judging.yaml")
        try Data(yaml.utf8).write(to: edition)
        let made = try ProcessRunner.juryreport(["forms", edition.path, "-o", directory.appendingPathComponent("forms").path])
        try #require(made.status == 0, "\(made.standardError)")

        var filled: [URL] = []
        for juror in JudgingRoundTests.jurors {
            var cells = JudgingRoundTests.typed(juror)
            for (nominee, remark) in Self.remarks[juror] ?? [:] { cells[nominee, default: [:]]["juryreport:remarks"] = remark }
            let output = directory.appendingPathComponent("filled-\(juror).xlsx")
            let report = try IndependentReaders.fillForm(JudgingRoundTests.form(juror, in: directory), to: output, scores: cells)
            // The remarks column takes text of at most 2,000 characters, and is the juror's to fill.
            #expect(report.validations.contains { $0.type == "textLength" && $0.operator == "lessThanOrEqual" && $0.min == "2000" },
                    "\(report.validations)")
            #expect(report.locked.filter { $0.key.hasPrefix("H") }.values.allSatisfy { !$0 }, "remark cells unlocked: \(report.locked)")
            filled.append(output)
        }
        // Every form saved again by LibreOffice, as a juror's program would.
        let resaved = try IndependentReaders.libreOfficeResave(filled, in: directory)

        // Two batches: anna and bram, then chloe.
        let first = try ProcessRunner.juryreport(["collect", edition.path, resaved[0].path, resaved[1].path])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardError.contains("wrote \(directory.path)/remarks.csv: 4 remarks from 2 forms"), "\(first.standardError)")
        let second = try ProcessRunner.juryreport(["collect", edition.path, resaved[2].path])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardError.contains("3 remarks from 1 form beside 4 kept"), "\(second.standardError)")

        // The table, read by Python's csv: every remark, each as typed (the guard comes off).
        let table = try IndependentReaders.csv(directory.appendingPathComponent("remarks.csv"))
        #expect(table.rows.first == ["juror", "nominee", "remark"])
        let expected = JudgingRoundTests.jurors.flatMap { juror in
            JudgingRoundTests.nominees.compactMap { nominee in
                Self.remarks[juror]?[nominee].map { [juror, nominee, Self.kept($0).trimmingCharacters(in: .whitespacesAndNewlines)] }
            }
        }
        let guardedRows = table.rows.dropFirst().map { row in [row[0], row[1]] }
        #expect(guardedRows == expected.map { [$0[0], $0[1]] }, "jury order, nominee order")
        #expect(table.rows.dropFirst().contains { $0[2].hasPrefix("'- rmktwo") && $0[2].contains("\n'@third\n'+fourth") },
                "every line that starts like a formula guarded in the file")
        // Opened in a spreadsheet with ';' as separator, no cell of the table is a formula.
        let opened = try IndependentReaders.libreOfficeConvert(
            directory.appendingPathComponent("remarks.csv"), to: "xlsx", filter: "CSV:59,34,76,1", in: directory)
        let cells = try IndependentReaders.xlsx(opened).sheets.values.flatMap { $0.flatMap { $0 } }
        #expect(!cells.isEmpty && cells.allSatisfy { $0.type != "f" }, "\(cells.filter { $0.type == "f" })")

        let out = directory.appendingPathComponent("out")
        let exported = try ProcessRunner.juryreport(["export", edition.path, "-f", "md,csv,xlsx,latex,html,json", "-o", out.path])
        #expect(exported.status == 0, "\(exported.standardError)")
        // The organizer's workbook: a sheet of every remark, literal text (never a formula),
        // with the nominee's and the juror's names.
        let workbook = try IndependentReaders.xlsx(out.appendingPathComponent("open-data-award-2026.xlsx"))
        let sheet = workbook.sheet("Remarks")
        #expect(sheet.first?.map(\.description) == ["\"No.\"(s)", "\"Nominee\"(s)", "\"Juror\"(s)", "\"Remarks\"(s)"])
        var shown: [String: String] = [:]
        for row in sheet.dropFirst() {
            #expect(row.count == 4 && row[3].type == "s", "\(row)")
            if case .string(let juror) = row[2].value, case .string(let text) = row[3].value { shown[juror, default: ""] += text + "\u{1}" }
        }
        for juror in JudgingRoundTests.jurors {
            for (_, remark) in Self.remarks[juror] ?? [:] {
                let name = ["anna": "Anna de Vries", "bram": "Bram Jansen", "chloe": "Chloé Martin"][juror]!
                #expect(shown[name]?.contains(Self.kept(remark).trimmingCharacters(in: .whitespacesAndNewlines) + "\u{1}") == true,
                        "\(juror)'s remark \(remark) in the workbook: \(shown[name] ?? "none")")
            }
        }
        #expect(workbook.details["Remarks"]?.tables.isEmpty == false, "an Excel table, to filter by nominee or member")
        // The JSON carries them for plugins.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("open-data-award-2026.json")))
        let carried = ((json as? [String: Any])?["remarks"] as? [[String: String]]) ?? []
        #expect(carried.map { [$0["juror"]!, $0["nominee"]!, $0["remark"]!] }.sorted { $0.joined() < $1.joined() }
                == expected.sorted { $0.joined() < $1.joined() })
        // No published format shows any of them.
        let published = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasSuffix(".xlsx") && !$0.hasSuffix(".json") }
        #expect(published.count >= 4, "\(published)")
        for name in published {
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
            for marker in Self.markers { #expect(!text.contains(marker), "\(name) shows a remark (\(marker))") }
            #expect(!text.contains("Hertogenbosch") && !text.contains("lange zin"), "\(name) shows a remark")
        }
    }

    @Test("collect refuses remarks it has nowhere to keep, a remark too long or from a recused member, naming file and cell")
    func refusals() throws {
        let directory = try Paths.temporaryDirectory("remarks-refused")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try JudgingRoundTests.makeForms(in: directory)
        func filled(_ name: String, _ juror: String, _ cells: [String: [String: Any]]) throws -> URL {
            let output = directory.appendingPathComponent(name)
            _ = try IndependentReaders.fillForm(JudgingRoundTests.form(juror, in: directory), to: output, scores: cells)
            return output
        }
        // The fixture names a scoresFile but no remarksFile: remarks are never dropped.
        let noted = try filled("noted.xlsx", "anna", ["alpha": ["impact": 7, "juryreport:remarks": "keep me"]])
        let nowhere = try ProcessRunner.juryreport(["collect", edition.path, noted.path])
        #expect(nowhere.status == 65)
        #expect(nowhere.standardError.contains(
            "error: the forms hold 1 remark and the edition names no remarksFile to keep them in; add 'remarksFile: remarks.csv' to it, or give --remarks FILE"),
            "\(nowhere.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("scores.csv").path), "nothing written")
        // --remarks names the table: both are written.
        let remarks = directory.appendingPathComponent("notes.csv")
        let kept = try ProcessRunner.juryreport(["collect", edition.path, noted.path, "--remarks", remarks.path])
        #expect(kept.status == 0, "\(kept.standardError)")
        #expect(try IndependentReaders.csv(remarks).rows == [["juror", "nominee", "remark"], ["anna", "alpha", "keep me"]])
        // Too long, and from a member recused from the nominee: refused, by file and cell.
        let long = try filled("long.xlsx", "chloe", ["alpha": ["juryreport:remarks": String(repeating: "x", count: 2001)]])
        try JudgingRoundTests.refused(edition, [long], saying: "long.xlsx:Scores!H8: error: the remark is 2001 characters; a remark may have at most 2000")
        let recused = try filled("bram.xlsx", "bram", ["beta": ["juryreport:remarks": "a word"]])
        try JudgingRoundTests.refused(edition, [recused], saying: "bram.xlsx:Scores!H9: error: 'bram' is recused from 'beta' and gives it no remark")
        let control = try filled("control.xlsx", "chloe", ["gamma": ["juryreport:remarks": "bidi \u{202E}txet"]])
        try JudgingRoundTests.refused(edition, [control], saying: "control.xlsx:Scores!H10: error: the remark holds the bidirectional control U+202E")
    }
}
