import Foundation
import JuryReportCore
import Testing
import TestSupport
@testable import XLSXExporter

/// Exports an edition as XLSX into `directory`; returns the file and the warnings.
func exportXLSX(
    _ edition: Edition, _ options: [(key: String, value: String)] = [], into directory: URL
) throws -> (url: URL, warnings: [String]) {
    var warnings: [String] = []
    let sink = try DirectoryExportSink(directory: directory, baseName: edition.baseName) { warnings.append($0) }
    try XLSXExporter().export(ExportRequest(edition: edition, options: ExportOptions(options)), to: sink)
    try sink.commit()
    return (directory.appendingPathComponent(edition.baseName + ".xlsx"), warnings)
}

func text(_ cell: IndependentReaders.Cell?) -> String? {
    if case .string(let value)? = cell?.value { return value }
    return nil
}

func number(_ cell: IndependentReaders.Cell?) -> Double? {
    if case .number(let value)? = cell?.value { return value }
    return nil
}

@Suite("XLSX read back by openpyxl", .onTestPool, .requires(.openpyxl))
struct XLSXReaderTests {
    @Test("the bundled edition: Dutch sheets, the nominees table, the winner marked, properties")
    func bundled() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        let directory = try Paths.temporaryDirectory("xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, warnings) = try exportXLSX(edition, into: directory)
        #expect(warnings.isEmpty)
        let book = try IndependentReaders.xlsx(url)
        // A jury and no scores: the score sheet to fill in, without criteria one column per member.
        #expect(book.order == ["Editie", "Genomineerden", "Kerncijfers", "Jury", "Scores"])
        let blank = book.sheet("Scores")
        #expect(blank[0].map(text) == ["Nr.", "Genomineerde"] + edition.jury.map(\.name) + ["Totaal", "Plaats", "Laagste", "Hoogste"])
        #expect(blank.count == 2 + edition.nominees.count)
        #expect(blank.dropFirst(2).allSatisfy { row in row[2..<(2 + edition.jury.count)].allSatisfy { $0.value == .null } })
        #expect(book.details["Scores"]?.conditional.first?[1] == .list(["containsBlanks"]), "the cells still to fill in are tinted")

        let nominees = book.sheet("Genomineerden")
        // No nominee of the seed has a summary or a website: those columns are left out (#24.15).
        #expect(nominees[0].map(text) == ["Nr.", "Naam", "Status", "Penvoerder", "Locatie", "Sector", "Partners"])
        #expect(nominees.dropFirst().map { text($0[1]) } == edition.nominees.map(\.name))
        #expect(nominees.dropFirst().map { number($0[0]) } == edition.nominees.map { Double($0.number) })
        #expect(nominees.dropFirst().map { text($0[2]) } == [nil, "Winnaar", nil, nil, nil])
        let details = try #require(book.details["Genomineerden"])
        #expect(details.freeze == "C2")
        let table = try #require(details.tables["Nominees"])
        #expect(table.ref == "A1:G6")
        #expect(table.autofilter)
        #expect(table.style != nil)
        #expect(table.columns == nominees[0].compactMap(text))
        // The winner's row (row 3) is filled, the others are not.
        #expect(details.fills["B3"] == "FFC6EFCE")
        #expect(details.fills["B2"] == nil)
        #expect(details.bold.contains("B3"))
        // Widths fitted: the name column is wider than the number column, within bounds.
        #expect((details.widths["B"] ?? 0) > (details.widths["A"] ?? 0))
        #expect(details.widths.values.allSatisfy { $0 <= 51 })

        let editionSheet = book.sheet("Editie")
        let pairs = Dictionary(editionSheet.dropFirst().map { (text($0[0]) ?? "", $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(text(pairs["Prijs"]) == "Pro-motor Award")
        #expect(number(pairs["Editie"]) == 4)
        #expect(number(pairs["Jaar"]) == 2020)
        #expect(text(pairs["Winnaar"]) == "Cleantech Center")
        #expect(text(pairs["Voorzitter"]) == "Jacco Vonhof")
        #expect(number(pairs["Juryleden"]) == 6)
        #expect(number(pairs["Genomineerden"]) == 5)

        let facts = book.sheet("Kerncijfers")
        #expect(facts.count == 1 + edition.nominees.map(\.facts.count).reduce(0, +))
        #expect(facts[1].map(\.type) == ["n", "s", "s", "n"], "numbers are numbers")
        #expect(number(facts[1][3]) == 180)

        let jury = book.sheet("Jury")
        #expect(jury.dropFirst().map { text($0[0]) } == edition.jury.map(\.name))
        #expect(text(jury[1][3]) == "ja")
        #expect(book.details["Jury"]?.bold.contains("A2") == true)

        #expect(book.properties.title == "Juryrapport Pro-Motor Award 2019-2020")
        #expect(book.properties.creator == "Jacco Vonhof")
        #expect(book.properties.company == "Katapult")
        #expect(book.properties.created == "2020-01-01T00:00:00", "no date in the edition: 1 January of its year")
        #expect(book.charts.isEmpty)
    }

    /// Long sheets have their rows made on another core while earlier rows are written:
    /// every row must still arrive once, in order.
    @Test("a long edition: every nominee and key figure row in order")
    func longSheetsInOrder() throws {
        let count = 6_000
        var nominees: [String] = []
        for index in 0..<count {
            nominees.append(#"{"id": "n\#(index)", "name": "Nominee \#(index)", "facts": [{"label": "A", "value": \#(index)}, {"label": "B", "value": "b\#(index)"}]}"#)
        }
        let json = #"{"format": "jury-report/1", "award": {"name": "Long Award"}, "edition": {"year": 2024}, "nominees": ["#
            + nominees.joined(separator: ",") + #"], "verdict": {"winner": "n0"}, "jury": [{"id": "j", "name": "J"}]}"#
        let edition = try EditionLoader().load(bytes: Array(json.utf8), syntax: .json, name: "long.json")
        let directory = try Paths.temporaryDirectory("xlsx-long")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, _) = try exportXLSX(edition, into: directory)
        let book = try IndependentReaders.xlsx(url)
        let names = book.sheet("Nominees").dropFirst().map { text($0[1]) }
        #expect(names == (0..<count).map { "Nominee \($0)" })
        let figures = book.sheet("Key figures").dropFirst()
        let expectedNumbers: [Double?] = (0..<count).flatMap { index -> [Double?] in [Double(index + 1), Double(index + 1)] }
        #expect(figures.map { number($0[0]) } == expectedNumbers)
        let expectedValues: [JSONValue] = (0..<count).flatMap { index -> [JSONValue] in
            [.number(Double(index)), .string("b\(index)")]
        }
        #expect(figures.map { $0[3].value } == expectedValues)
    }

    @Test("a scored edition: live formulas with cached results, a tie, a colour scale and a chart")
    func scored() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let directory = try Paths.temporaryDirectory("xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, _) = try exportXLSX(edition, into: directory)
        let book = try IndependentReaders.xlsx(url)
        let cached = try IndependentReaders.xlsx(url, values: true)
        #expect(book.order == ["Edition", "Nominees", "Key figures", "Jury", "Criteria", "Scores", "Ranking", "Jury at work", "Differences", "Agreement with the rest"])
        #expect(book.details["Agreement with the rest"]?.hidden == true, "the other jurors' means: a sheet only formulas read")

        let scores = book.sheet("Scores")
        // The members' names over their criteria (#24.15), then the header.
        #expect(scores[0].map(text) == [nil, nil, "Ada Lovelace", nil, "Alan Turing", nil, nil, nil, "Mean", nil, nil, nil])
        #expect(scores[1].map(text) == [
            "No.", "Nominee", "Impact", "Originality", "Impact", "Originality", "Total", "Rank", "Impact", "Originality", "Lowest", "Highest",
        ])
        // One weight, one cell: each weights-row cell refers to the Criteria sheet.
        #expect(scores[2][2...5].map(\.value) == [
            .string("='Criteria'!$B$2"), .string("='Criteria'!$B$3"), .string("='Criteria'!$B$2"), .string("='Criteria'!$B$3"),
        ])
        #expect(cached.sheet("Scores")[2][1...5].map(\.value) == [.string("Weight"), .number(2), .number(1), .number(2), .number(1)])
        let criteriaRows: [[IndependentReaders.Cell]] = Array(book.sheet("Criteria").dropFirst())
        #expect(criteriaRows.map { text($0[0]) } == ["Impact", "Originality"])
        #expect(criteriaRows.map { number($0[1]) } == [2, 1])
        // Per-criterion means and the spread, as cached results.
        let alpha = cached.sheet("Scores")[3]
        #expect(alpha[8...11].map(number) == [9, 8.5, 8, 9])
        #expect(scores[3][2...5].map(number) == [9, 8, 9, 9])
        // Every score cell: the score its row's nominee got from its column's juror on its
        // column's criterion, looked up here by id; empty where none was given.
        let columns = edition.jury.flatMap { juror in edition.criteria.map { (juror.id, $0.id) } }
        for (row, nominee) in zip(scores.dropFirst(3), edition.nominees) {
            let expected = columns.map { juror, criterion in
                edition.scores.first { $0.nominee == nominee.id && $0.juror == juror && $0.criterion == criterion }?.score
            }
            #expect(row[2..<(2 + columns.count)].map(number) == expected, "scores of \(nominee.id)")
        }
        #expect(scores.dropFirst(3).allSatisfy { $0[6].type == "f" && $0[7].type == "f" }, "totals and ranks are formulas")
        if case .string(let formula) = scores[3][6].value {
            #expect(formula.contains("SUMPRODUCT(C4:F4,C$3:F$3)"))
            #expect(formula.contains("ISNUMBER(C4:F4)"), "a recused cell's text counts for no weight")
        }
        // The cached results, as a viewer that does not recalculate shows them: the
        // hand-worked figures of the fixture.
        let values = cached.sheet("Scores").dropFirst(3)
        let totals: [Double?] = [53.0 / 6, 47.0 / 6, 47.0 / 6, 37.0 / 6, nil]
        #expect(values.map { number($0[6]) } == totals)
        let ranks: [Double?] = [1, 2, 2, 4, nil]
        #expect(values.map { number($0[7]) } == ranks)
        let nominees = cached.sheet("Nominees").dropFirst()
        #expect(nominees.map { number($0[10]) } == ranks)
        #expect(book.sheet("Nominees")[1][9].type == "f", "the nominees' totals refer to the score sheet")

        let details = try #require(book.details["Scores"])
        #expect(details.freeze == "C4")
        #expect(details.conditional.contains([.text("G4:G8"), .list(["colorScale"])]))
        #expect(details.conditional.contains([.text("C4:F8"), .list(["containsBlanks"])]), "missing scores are tinted")
        // The chart is of the Ranking sheet: the nominees best first, each total a live reference.
        let ranking = cached.sheet("Ranking").dropFirst()
        #expect(ranking.map { text($0[2]) } == ["Alpha Transit Maps", "Beta Budget Explorer", "Gamma Air Quality", "Delta Procurement Watch"])
        let rankedTotals: [Double?] = [53.0 / 6, 47.0 / 6, 47.0 / 6, 37.0 / 6]
        #expect(ranking.map { number($0[3]) } == rankedTotals)
        #expect(book.sheet("Ranking")[1][3].value == .string("='Scores'!$G$4"))
        #expect(book.charts.count == 1)
        #expect(book.charts.first?.kind == "bar")
        #expect(book.charts.first?.categories == ["Ranking!$C$2:$C$5"])
        #expect(book.charts.first?.values == ["Ranking!$D$2:$D$5"])
        #expect(book.definedNames["ScoreGrid"] == "'Scores'!$C$4:$F$8")
        #expect(book.properties.created == "2025-06-30T00:00:00")
        #expect(book.details["Nominees"]?.fills["B4"] == "FFFFEB9C", "the mention is marked")
    }

    @Test("hostile text reads back literally, and no cell is a formula")
    func hostile() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        edition.nominees[0].summary = "_x0041_ stays literal"
        let directory = try Paths.temporaryDirectory("xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, warnings) = try exportXLSX(edition, into: directory)
        #expect(warnings.isEmpty)
        let book = try IndependentReaders.xlsx(url)
        // The only formulas are the score sheet's own (totals, ranks, spread); no text is one.
        for (name, cells) in book.sheets {
            for (rowIndex, row) in cells.enumerated() {
                for (columnIndex, cell) in row.enumerated() where cell.type == "f" {
                    #expect(name == "Scores" && rowIndex >= 2 && columnIndex >= 2, "formula in \(name) row \(rowIndex) column \(columnIndex)")
                    if case .string(let formula) = cell.value { #expect(formula.hasPrefix("=IF(") || formula.hasPrefix("=IFERROR(")) }
                }
            }
        }
        let nominees = book.sheet("Nominees").dropFirst()
        #expect(nominees.map { text($0[1]) } == edition.nominees.map(\.name))
        #expect(nominees.map { text($0[3]) } == edition.nominees.map(\.lead))
        #expect(nominees.map { text($0[6]) } == edition.nominees.map { $0.partners.isEmpty ? nil : $0.partners.joined(separator: "; ") })
        #expect(text(nominees.first?[7]) == "_x0041_ stays literal")
        let jury = book.sheet("Jury").dropFirst()
        #expect(jury.map { text($0[0]) } == edition.jury.map(\.name))
        let facts = book.sheet("Key figures").dropFirst()
        #expect(facts.map { text($0[2]) } == edition.nominees.flatMap { $0.facts.map(\.label) })
        #expect(book.properties.title == edition.details.title)
    }

    @Test(
        "text like _x0041_ reads back literally in LibreOffice",
        .requires(.libreOffice))
    func characterReferences() throws {
        // openpyxl cannot check this: it turns every `x005F_` into nothing. LibreOffice reads
        // `_xHHHH_` as Excel does.
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let samples = ["_x0041_", "_x005F_", "a_x0009_b _x00e9_", "_x41_ _xZZZZ_"]
        for (index, sample) in samples.enumerated() { edition.nominees[index].name = sample }
        let directory = try Paths.temporaryDirectory("xlsx-lo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, _) = try exportXLSX(edition, [("memory", "default")], into: directory)
        // The nominees sheet (the second) as CSV, as LibreOffice reads it.
        let csv = try IndependentReaders.libreOfficeConvert(
            url, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", in: directory)
        let rows = try IndependentReaders.csv(csv).rows
        #expect(Array(rows.dropFirst().prefix(samples.count).map { $0[1] }) == samples)
    }

    @Test("text over Excel's limit is cut with a marker and a warning, never a broken file")
    func overlongText() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        edition.nominees[1].summary = String(repeating: "é🏆", count: 20_000)  // 60,000 UTF-16 units
        let directory = try Paths.temporaryDirectory("xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, warnings) = try exportXLSX(edition, into: directory)
        #expect(warnings == ["text in Nominees!H3 is longer than Excel's 32,767 characters and was cut"])
        let summary = try #require(text(IndependentReaders.xlsx(url).sheet("Nominees")[2][7]))
        #expect(summary.utf16.count <= 32_767)
        #expect(summary.hasSuffix(" […]"))
        #expect(summary.hasPrefix("é🏆é🏆"))
    }

    @Test("constant-memory mode: an autofilter range instead of the table, said in a warning")
    func constantMemory() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let directory = try Paths.temporaryDirectory("xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, warnings) = try exportXLSX(edition, [("memory", "constant")], into: directory)
        #expect(warnings == ["the Nominees sheet has an autofilter range instead of an Excel table (constant-memory mode)"])
        let book = try IndependentReaders.xlsx(url)
        #expect(book.details["Nominees"]?.tables.isEmpty == true)
        #expect(book.details["Nominees"]?.autofilter == "A1:K6")
        let cached = try IndependentReaders.xlsx(url, values: true)
        let ranks: [Double?] = [1, 2, 2, 4, nil]
        #expect(cached.sheet("Scores").dropFirst(3).map { number($0[7]) } == ranks)
        #expect(book.charts.count == 1)
    }

    /// 4,200 nominees with two key figures each, scored by two members: the Nominees, Key
    /// figures and Scores sheets pass 4,096 rows, so each sheet's next rows are made on a
    /// second core while the last are written. One summary is over Excel's limit, far down the list.
    static func manyNominees() throws -> Edition {
        let count = 4_200
        var nominees: [String] = []
        var scores: [String] = []
        for index in 0..<count {
            let summary = index == 4_121 ? String(repeating: "é", count: 40_000) : "Project \(index) & <partners>"
            nominees.append(
                #"{"id": "n\#(index)", "name": "Nominee \#(index)", "summary": "\#(summary)", "facts": [{"label": "Students", "value": \#(index % 300)}, {"label": "Note", "value": "=HYPERLINK(\"x\") \#(index)"}]}"#)
            for juror in 0..<2 { scores.append(#"{"juror": "j\#(juror)", "nominee": "n\#(index)", "score": \#(1 + (index * 7 + juror) % 10)}"#) }
        }
        let json = """
            {"format": "jury-report/1", "award": {"name": "Many Award", "slug": "many"}, "edition": {"year": 2025, "language": "en"},
             "jury": [{"id": "j0", "name": "Ann", "chair": true}, {"id": "j1", "name": "Bo"}],
             "nominees": [\(nominees.joined(separator: ","))], "scores": [\(scores.joined(separator: ","))],
             "verdict": {"winner": "n0", "rationale": "Chosen."}}
            """
        return try EditionLoader().load(bytes: Array(json.utf8), syntax: .json, name: "many.json")
    }

    @Test("a long workbook in constant-memory mode: the cells of the default mode, the same bytes every time")
    func longConstantMemoryWorkbook() throws {
        let edition = try Self.manyNominees()
        let directory = try Paths.temporaryDirectory("xlsx-lanes")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (constantFile, warnings) = try exportXLSX(edition, [("memory", "constant")], into: directory.appendingPathComponent("a"))
        let (again, _) = try exportXLSX(edition, [("memory", "constant")], into: directory.appendingPathComponent("b"))
        // The default mode: tables, every row held until the sheet is done.
        let (heldFile, _) = try exportXLSX(edition, [("memory", "default")], into: directory.appendingPathComponent("c"))
        #expect(try Data(contentsOf: constantFile) == Data(contentsOf: again))
        #expect(warnings.contains("text in Nominees!D4123 is longer than Excel's 32,767 characters and was cut"), "\(warnings)")
        let constant = try IndependentReaders.xlsx(constantFile)
        let held = try IndependentReaders.xlsx(heldFile)
        #expect(constant.sheets.keys.sorted() == held.sheets.keys.sorted())
        for name in ["Nominees", "Key figures", "Scores"] {
            let rows = constant.sheet(name)
            #expect(rows.count > 4_096, "\(name): \(rows.count) rows")
            #expect(rows == held.sheet(name), "\(name): the same cells")
            // And the same look: the formats are made another way in constant-memory mode,
            // where the rows of the sheets are written side by side.
            let (flat, kept) = (try #require(constant.details[name]), try #require(held.details[name]))
            #expect(flat.bold == kept.bold, "\(name): the same bold cells")
            #expect(flat.fills == kept.fills, "\(name): the same fills")
            #expect(flat.wrapped == kept.wrapped, "\(name): the same wrapped cells")
            #expect(flat.horizontal == kept.horizontal, "\(name): the same alignment")
            #expect(flat.heights == kept.heights, "\(name): the same row heights")
        }
        #expect(!(constant.details["Nominees"]?.bold.isEmpty ?? true), "the winner's row is bold")
        #expect(text(constant.sheet("Key figures").last?.last)?.hasPrefix("=HYPERLINK") == true, "formula-like text stays text")
    }

    @Test("constant-memory rows written on two cores or on one: the same bytes")
    func sharedWorkSameBytes() throws {
        let plan = WorkbookPlanner(request: ExportRequest(edition: try Self.manyNominees(), timestamp: 1_600_000_000)).plan()
        #expect(plan.sheets.map(\.rowCount).reduce(0, +) >= SheetWriter.rowsWorthASecondCore, "enough rows to share")
        let directory = try Paths.temporaryDirectory("xlsx-shared")
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [Data] = []
        for shares in [false, true, true] {
            var workbook = XLSXWorkbook(constantMemory: true)
            workbook.sharesWork = shares
            let url = directory.appendingPathComponent("\(files.count).xlsx")
            _ = try workbook.write(plan, to: url.path)
            files.append(try Data(contentsOf: url))
        }
        #expect(files[0] == files[1], "one core and two")
        #expect(files[1] == files[2], "two runs on two cores")
    }

    @Test("two exports give identical bytes; SOURCE_DATE_EPOCH-style timestamps are honoured")
    func reproducible() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        func bytes(_ timestamp: Int64?) throws -> [UInt8] {
            let sink = MemoryExportSink(baseName: edition.baseName)
            try XLSXExporter().export(ExportRequest(edition: edition, timestamp: timestamp), to: sink)
            return try #require(sink.file(suffix: ".xlsx"))
        }
        #expect(try bytes(nil) == bytes(nil))
        #expect(try bytes(nil) != bytes(0))
    }
}

@Suite("Sheet names", .onTestPool)
struct SheetNameTests {
    @Test("Excel's rules", arguments: [
        ("Scores", [String](), "Scores"),
        ("a/b\\c?d*e[f]g:h", [], "a_b_c_d_e_f_g_h"),
        ("History", [], "Sheet History"),
        ("", [], "Sheet"),
        ("'quoted'", [], "quoted"),
        ("Über", ["über"], "Über (2)"),
        (String(repeating: "x", count: 40), [], String(repeating: "x", count: 31)),
        (String(repeating: "x", count: 40), [String(repeating: "x", count: 31)], String(repeating: "x", count: 27) + " (2)"),
    ])
    func rules(wanted: String, taken: [String], made: String) {
        let name = SheetName.make(wanted, taken: taken)
        #expect(name == made)
        #expect(SheetName.isValid(name))
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 27, 701, 702].map(ColumnName.letters) == ["A", "Z", "AA", "AB", "ZZ", "AAA"])
    }
}

@Suite("Row heights for wrapped text", .onTestPool)
struct RowHeightTests {
    @Test("lines counted as a spreadsheet wraps: at spaces, long words over several lines, line breaks")
    func wrappedLines() {
        #expect(RowHeight.wrappedLines("a b", capacity: 10) == 1)
        #expect(RowHeight.wrappedLines("aaaa bbbb cccc", capacity: 9) == 2, "aaaa bbbb | cccc")
        #expect(RowHeight.wrappedLines("aaaa bbbbb", capacity: 9) == 2, "the second word does not fit after the first")
        #expect(RowHeight.wrappedLines(String(repeating: "x", count: 25), capacity: 10) == 3)
        #expect(RowHeight.wrappedLines("x\ny\n\nz", capacity: 10) == 4)
        #expect(RowHeight.fitting([Cell(value: .text("short"), style: .wrapped)], widths: [20]) == nil)
        #expect(RowHeight.fitting([Cell(value: .text(String(repeating: "word ", count: 20)), style: .wrapped)], widths: [21]) == 75)
        #expect(RowHeight.fitting([Cell(value: .text(String(repeating: "word ", count: 20)), style: .plain)], widths: [21]) == nil,
                "text that does not wrap keeps one line")
    }
}
