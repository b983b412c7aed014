import CSVExporter
import Foundation
import JuryReportCore
import Testing
import TestSupport

/// Exports an edition as CSV into a temporary directory.
private func exportCSV(_ edition: Edition, _ options: [(key: String, value: String)] = [], into directory: URL) throws -> [String: URL] {
    let sink = try DirectoryExportSink(directory: directory, baseName: edition.baseName) { _ in }
    try CSVExporter().export(ExportRequest(edition: edition, options: ExportOptions(options)), to: sink)
    try sink.commit()
    var files: [String: URL] = [:]
    for table in ["nominees", "jury", "scores"] {
        let url = directory.appendingPathComponent("\(edition.baseName).\(table).csv")
        if FileManager.default.fileExists(atPath: url.path) { files[table] = url }
    }
    return files
}

/// The rows SPEC section 3 asks for, straight from the edition.
private func expectedNominees(_ edition: Edition) -> [[String]] {
    let standings = Standings(edition)
    let scored = !edition.scores.isEmpty
    let header = ["id", "number", "name", "lead", "location", "sector", "partners", "summary", "url", "winner", "mention"]
        + (scored ? ["total", "rank"] : [])
    return [header] + edition.nominees.map { nominee in
        var row = [
            nominee.id, String(nominee.number), nominee.name, nominee.lead ?? "", nominee.location ?? "",
            nominee.sector ?? "", nominee.partners.joined(separator: "; "), nominee.summary ?? "", nominee.url ?? "",
            nominee.id == edition.verdict.winner ? "true" : "false",
            edition.verdict.mentions.contains(nominee.id) ? "true" : "false",
        ]
        if scored {
            let entry = standings.entry(for: nominee.id)
            row += [entry.map { "\($0.total)" } ?? "", entry.map { String($0.rank) } ?? ""]
        }
        return row
    }
}

private func expectedJury(_ edition: Edition) -> [[String]] {
    [["id", "name", "role", "chair", "affiliation"]] + edition.jury.map {
        [$0.id, $0.name, $0.role ?? "", $0.chair ? "true" : "false", $0.affiliation ?? ""]
    }
}

@Suite("CSV read back by Python's csv module", .onTestPool, .requires(.python3))
struct CSVReaderTests {
    @Test("a hostile edition reads back literally with the formula guard off")
    func hostileUnguarded() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        let directory = try Paths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try exportCSV(edition, [("formula-guard", "false")], into: directory)
        let nominees = try IndependentReaders.csv(files["nominees"]!)
        #expect(nominees.rows == expectedNominees(edition))
        #expect(nominees.crlf && !nominees.bom)
        #expect(try IndependentReaders.csv(files["jury"]!).rows == expectedJury(edition))
        #expect(files["scores"] == nil, "no scores table without scores")
    }

    /// What the guard must do to each hostile sample, written out by hand.
    static let guardedSamples: [String: String] = [
        #"=HYPERLINK("http://evil.example","click")"#: #"'=HYPERLINK("http://evil.example","click")"#,
        "@SUM(A1) +1 -1 -5 1234.5": "'@SUM(A1) +1 -1 -5 1234.5",
        "- not a bullet": "'- not a bullet",
        "+ nor this": "'+ nor this",
        "---": "'---",
        "===": "'===",
        "-- << >> ,, `` '' !` ?` “quoted” ‘single’ \"double\" 'plain'": "'-- << >> ,, `` '' !` ?` “quoted” ‘single’ \"double\" 'plain'",
    ]

    @Test("with the guard on, exactly the formula-like samples get a quote in front")
    func hostileGuarded() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.json"))
        let directory = try Paths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = try IndependentReaders.csv(try exportCSV(edition, into: directory)["nominees"]!).rows
        let names = rows.dropFirst().map { $0[2] }
        #expect(names == HostileText.samples.map { Self.guardedSamples[$0] ?? $0 })
    }

    @Test("the guard: full-width triggers, leading spaces, tabs, every line; plain numbers left alone")
    func guardRules() throws {
        let cases: [(String, String)] = [
            ("=1+1", "'=1+1"), ("  =1", "'  =1"), ("＝1+1", "'＝1+1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠x", "'＠x"),
            ("@x", "'@x"), ("\tindented", "'\tindented"), ("-", "'-"), ("-5", "-5"), ("1234.5", "1234.5"),
            ("+1.5e3", "+1.5e3"), ("-0.25", "-0.25"), ("a=b", "a=b"), ("e5", "e5"), ("- 5", "'- 5"),
            ("ok\n=cmd\n  +x\n\tt\nfine", "ok\n'=cmd\n'  +x\n'\tt\nfine"),
            // Parts a spreadsheet splitting at another separator makes cells of (#16.1).
            ("x;=1+1;y", "x;'=1+1;y"), ("x, =1", "x,' =1"), ("a\t@b", "a\t'@b"), ("a; -5; +3", "a;' -5;' +3"),
            ("a-b=c", "a-b=c"), ("=\u{0301}1", "'=\u{0301}1"), ("\u{200D}=1", "'\u{200D}=1"), ("x;\"=1", "x;'\"=1"),
        ]
        let edition = Edition(
            award: Award(name: "Guard"), details: EditionDetails(year: 2024, title: "T"),
            nominees: cases.enumerated().map { Nominee(id: "n\($0.offset)", name: $0.element.0, number: $0.offset + 1) },
            verdict: Verdict(winner: "n0"), jury: [JuryMember(id: "j", name: "J")])
        let directory = try Paths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = try IndependentReaders.csv(try exportCSV(edition, into: directory)["nominees"]!).rows
        #expect(rows.dropFirst().map { $0[2] } == cases.map(\.1))
    }

    @Test("the bundled edition")
    func bundled() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        let directory = try Paths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try exportCSV(edition, into: directory)
        #expect(try IndependentReaders.csv(files["nominees"]!).rows == expectedNominees(edition))
        #expect(try IndependentReaders.csv(files["jury"]!).rows == expectedJury(edition))
    }

    @Test("a scored edition: weighted totals in shortest form, ranks 1, 2, 2, 4, empty cells without scores")
    func scored() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let directory = try Paths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try exportCSV(edition, into: directory)
        let nominees = try IndependentReaders.csv(files["nominees"]!).rows
        #expect(nominees == expectedNominees(edition))
        // The figures worked out by hand in the fixture's header.
        #expect(nominees.dropFirst().map { Array($0.suffix(2)) } == [
            ["8.833333333333334", "1"], ["7.833333333333333", "2"], ["7.833333333333333", "2"],
            ["6.166666666666667", "4"], ["", ""],
        ])
        let scores = try IndependentReaders.csv(files["scores"]!).rows
        #expect(scores.first == ["juror", "nominee", "criterion", "score"])
        #expect(Array(scores.dropFirst()) == edition.scores.map { [$0.juror, $0.nominee, $0.criterion ?? "", NumberText.shortest($0.score)] })
    }

    @Test("decimal=comma: the default with delimiter=;, quoted under commas; point otherwise")
    func decimalComma() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let directory = try Paths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(options: [(key: String, value: String)], delimiter: String, total: String)] = [
            ([("delimiter", ";")], ";", "8,833333333333334"),
            ([("delimiter", ";"), ("decimal", "point")], ";", "8.833333333333334"),
            ([("decimal", "comma")], ",", "8,833333333333334"),
            ([], ",", "8.833333333333334"),
        ]
        for (index, test) in cases.enumerated() {
            let files = try exportCSV(edition, test.options, into: directory.appendingPathComponent("\(index)"))
            let rows = try IndependentReaders.csv(files["nominees"]!, delimiter: test.delimiter).rows
            // Python's csv reads the same number of fields in every row: a comma inside a
            // number under comma separators is quoted.
            #expect(Set(rows.map(\.count)).count == 1, "\(test.options)")
            #expect(rows.dropFirst().first?.suffix(2) == [test.total, "1"], "\(test.options)")
        }
    }

    @Test("delimiter=; and bom=true, for Dutch Excel")
    func semicolonAndBOM() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        let directory = try Paths.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try exportCSV(edition, [("delimiter", ";"), ("bom", "true"), ("formula-guard", "false")], into: directory)
        let nominees = try IndependentReaders.csv(files["nominees"]!, delimiter: ";")
        #expect(nominees.bom)
        #expect(nominees.rows == expectedNominees(edition))
        let tab = try exportCSV(edition, [("delimiter", "tab"), ("formula-guard", "false")], into: directory.appendingPathComponent("tab"))
        #expect(try IndependentReaders.csv(tab["jury"]!, delimiter: "tab").rows == expectedJury(edition))
    }

    @Test("a bad option value is refused")
    func badOption() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let sink = MemoryExportSink(baseName: edition.baseName)
        #expect(throws: ExportOptionError.self) {
            try CSVExporter().export(ExportRequest(edition: edition, options: ExportOptions([("delimiter", "|")])), to: sink)
        }
    }
}

@Suite("CSV opened by LibreOffice", .onTestPool, .requires(.libreOffice, .openpyxl))
struct CSVLibreOfficeTests {
    @Test("the ; + BOM variant opens in LibreOffice with the same cells and no formula")
    func semicolonBOM() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        let directory = try Paths.temporaryDirectory("csv-lo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try exportCSV(edition, [("delimiter", ";"), ("bom", "true")], into: directory)["nominees"]!
        let parsed = try IndependentReaders.csv(file, delimiter: ";").rows
        // Separator ; (59), text delimiter " (34), UTF-8 (76), from line 1.
        let converted = try IndependentReaders.libreOfficeConvert(file, to: "xlsx", filter: "CSV:59,34,76,1", in: directory)
        let workbook = try IndependentReaders.xlsx(converted)
        let sheet = try #require(workbook.sheets[workbook.order[0]])
        #expect(sheet.count == parsed.count)
        for (rowIndex, row) in parsed.enumerated() {
            for (columnIndex, text) in row.enumerated() {
                let cell = columnIndex < sheet[rowIndex].count ? sheet[rowIndex][columnIndex] : nil
                #expect(cell?.type != "f", "formula at \(rowIndex),\(columnIndex): \(text)")
                switch cell?.value {
                case .string(let value)? where cell?.type == "d":
                    // CSV has no types: LibreOffice, like Excel, reads "12:30" as a time.
                    #expect(value.hasPrefix(text), "row \(rowIndex) column \(columnIndex)")
                case .string(let value)?: #expect(value == text, "row \(rowIndex) column \(columnIndex)")
                case .number(let value)?: #expect(Double(text) == value, "row \(rowIndex) column \(columnIndex)")
                case .bool(let value)?: #expect(text == String(value), "row \(rowIndex) column \(columnIndex)")
                case .null?, nil: #expect(text.isEmpty, "row \(rowIndex) column \(columnIndex): \(text.debugDescription)")
                }
            }
        }
    }
}
