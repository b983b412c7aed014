import Foundation
import Testing
import TestSupport

/// #16.8 and #16.17: text at libxlsxwriter's limits and dates outside Excel's range.
@Suite("XLSX at the limits", .onTestPool, .requires(.openpyxl))
struct RedTeamXLSXTests {
    static let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
    static let marked = "a" + String(repeating: "\u{0301}", count: 300)

    /// The page headers of every sheet, and the sheet names, as openpyxl reads them.
    static func headers(_ file: URL) throws -> [[String]] {
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps([[s.title, s.oddHeader.left.text or "", s.oddHeader.right.text or ""] for s in book.worksheets]))
            """
        let result = try ProcessRunner.run(tool: "python3", ["-c", script, file.path])
        try #require(result.status == 0, "openpyxl cannot open the workbook: \(result.standardError)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.standardOutput))
    }

    @Test("#16.8: a title of 40 family emoji, 300 combining marks and & everywhere export, cut at whole characters", .requires(.libreOffice))
    func graphemes() throws {
        let directory = try Paths.temporaryDirectory("red-xlsx")
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = TestEdition.document(names: [Self.marked, String(repeating: "&", count: 300)])
        document["award"] = ["name": String(repeating: Self.family, count: 40), "slug": "red-team"]
        document["edition"] = ["year": 2024, "title": String(repeating: Self.family, count: 40) + Self.marked]
        document["jury"] = [["id": "j1", "name": String(repeating: Self.family, count: 300)], ["id": "j2", "name": String(repeating: "&", count: 400)]]
        document["criteria"] = [["id": "c1", "name": Self.marked + String(repeating: "&", count: 300)]]
        document["scores"] = ["j1", "j2"].flatMap { juror in ["n1", "n2"].map { ["juror": juror, "nominee": $0, "criterion": "c1", "score": 5] } }
        let edition = try TestEdition.write(document, in: directory)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", edition.path, "-f", "xlsx", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let workbook = out.appendingPathComponent("red-team-2024.xlsx")
        let sheets = try Self.headers(workbook)
        #expect(sheets.count == 10, "edition, nominees, key figures, jury, criteria, scores, ranking, jury at work, differences, the others' means")
        for sheet in sheets {
            #expect(sheet[0].utf16.count <= 31)
            // The title's start, cut between emoji (each whole: a multiple of its 7 scalars).
            let left = sheet[1]
            #expect(!left.isEmpty && left.unicodeScalars.count % 7 == 0, "\(left.unicodeScalars.count) scalars")
            #expect(String(repeating: Self.family, count: 40).hasPrefix(left))
            #expect(sheet[2] == sheet[0])
        }
        let converted = try IndependentReaders.libreOfficeConvert(workbook, to: "csv", in: directory)
        #expect(FileManager.default.fileExists(atPath: converted.path), "LibreOffice could not open the workbook")
    }

    @Test("#16.17: dates of 0001 and 1850 give a readable workbook: the date as text, created in four digits")
    func earlyDates() throws {
        let directory = try Paths.temporaryDirectory("red-xlsx-dates")
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (slug, date) in [("year-one", "0001-01-01"), ("victorian", "1850-06-30"), ("future", "2050-06-30")] {
            var document = TestEdition.document(names: ["N"])
            document["award"] = ["name": "A", "slug": slug]
            document["edition"] = ["year": Int(date.prefix(4))!, "date": date]
            paths.append(try TestEdition.write(document, as: "\(slug).json", in: directory).path)
        }
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export"] + paths + ["-f", "xlsx", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        for (name, created, cell) in [
            ("year-one-1", "1000-01-01T00:00:00", #"["string","0001-01-01","s"]"#),
            ("victorian-1850", "1850-06-30T00:00:00", #"["string","1850-06-30","s"]"#),
            ("future-2050", "2050-06-30T00:00:00", #"["string","2050-06-30 00:00:00","d"]"#),
        ] {
            let file = out.appendingPathComponent("\(name).xlsx")
            let script = """
                import json, sys, openpyxl
                book = openpyxl.load_workbook(sys.argv[1])
                dated = [row[1] for row in book.worksheets[0].iter_rows() if row[0].value == "Date"][0]
                value = dated.value.strftime("%Y-%m-%d %H:%M:%S") if dated.data_type == "d" else dated.value
                print(book.properties.created.isoformat()); print(json.dumps(["string", value, dated.data_type]))
                """
            let read = try ProcessRunner.run(tool: "python3", ["-c", script, file.path])
            try #require(read.status == 0, "openpyxl cannot open \(name): \(read.standardError)")
            let lines = read.output.split(separator: "\n").map(String.init)
            #expect(lines == [created, cell.replacingOccurrences(of: "\",\"", with: "\", \"")], "\(name)")
        }
    }
}
