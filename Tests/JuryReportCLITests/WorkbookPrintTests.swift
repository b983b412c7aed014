import Foundation
import Testing
import TestSupport

/// #24.15, #24.16: the organizer's workbook on paper. The print setup read back by openpyxl,
/// the pages as LibreOffice prints them read by pdftotext.
@Suite("The workbook printed", .onTestPool)
struct WorkbookPrintTests {
    /// The bundled edition (no criteria), the scored one (2 members × 2 criteria, a chart) and
    /// the judging one (3 × 3, a recusal, no scores).
    static func export(into directory: URL) throws -> [String: URL] {
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export", Paths.edition("scored.yaml").path, Paths.edition("judging.yaml").path, "-f", "xlsx", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let bundled = try ProcessRunner.juryreport(["export", "-f", "xlsx", "-o", out.path])
        try #require(bundled.status == 0, "\(bundled.standardError)")
        return [
            "scored": out.appendingPathComponent("open-data-award-2025.xlsx"),
            "judging": out.appendingPathComponent("open-data-award-2026.xlsx"),
            "bundled": out.appendingPathComponent("pro-motor-award-2020.xlsx"),
        ]
    }

    @Test("print setup: every sheet at 80 % or more, never fitted smaller; jury members over their criteria; no empty column; the chart in the house colour with its values")
    func setup() throws {
        try Tool.openpyxl.require()
        let directory = try Paths.temporaryDirectory("workbook-print")
        defer { try? FileManager.default.removeItem(at: directory) }
        let books = try Self.export(into: directory).mapValues { try IndependentReaders.xlsx($0) }
        for (name, book) in books {
            for (sheet, details) in book.details {
                #expect(details.fitToWidth == nil, "\(name) \(sheet): shrunk to fit")
                #expect((details.scale ?? 100) >= 80, "\(name) \(sheet): printed at \(details.scale ?? 100) %")
            }
            // The nominees: every column holds something below its header.
            let nominees = book.sheet(book.order[1])
            let columns = nominees.first?.count ?? 0
            for column in 0..<columns {
                let filled = nominees.dropFirst().contains { $0.count > column && $0[column].value != .null }
                #expect(filled, "\(name): the nominees' column \(nominees[0][column].value) is empty")
            }
            // The edition sheet: no generic title, one alignment down the values.
            let edition = book.sheet(book.order[0])
            let values = edition.dropFirst().map(\.[1].value)
            #expect(!values.contains(.string("Jury report")) && !values.contains(.string("Juryrapport")), "\(name): \(values)")
            if name == "scored" { #expect(!edition.contains { $0[0].value == .string("Title") }, "the scored edition gives no title") }
            let edges = try #require(book.details[book.order[0]]).horizontal
            for row in 2...edition.count { #expect(edges["B\(row)"] == "left", "\(name): B\(row) is \(edges["B\(row)"] ?? "general")") }
        }

        // 3 members × 3 criteria: each member's name once, over their three columns; the
        // criteria in the header below; "Mean" over the criteria's means; all three rows on every page.
        let judging = try #require(books["judging"])
        let scores = judging.sheet("Scores")
        let details = try #require(judging.details["Scores"])
        #expect(details.merged == ["C1:E1", "F1:H1", "I1:K1", "N1:P1"], "\(details.merged)")
        #expect(scores[0][2].value == .string("Anna de Vries") && scores[0][5].value == .string("Bram Jansen"))
        #expect(scores[0][13].value == .string("Mean"))
        #expect(scores[1][2...10].map(\.value) == Array(repeating: ["Impact", "Originality", "Craft"].map(JSONValue.string), count: 3).flatMap { $0 })
        let headers = scores[1].compactMap { cell -> String? in if case .string(let text) = cell.value { text } else { nil } }
        #expect(!headers.contains { $0.contains("Anna") || $0.contains(":") }, "a member's name in a column header: \(headers)")
        #expect(details.repeatRows == "$1:$3" && details.repeatColumns == "$A:$B" && details.orientation == "landscape")
        #expect(details.freeze == "C4")
        #expect(judging.definedNames["ScoreGrid"] == "'Scores'!$C$4:$K$7")

        // The chart: the PDF's green without a house colour, each total written beside its bar.
        let chart = try #require(books["scored"]?.charts.first)
        #expect(chart.fills == ["66A066"], "\(chart.fills)")
        #expect(chart.labels.count == 1 && chart.labels[0].value && chart.labels[0].format?.hasSuffix("0.00") == true, "\(chart.labels)")
    }

    @Test("printed by LibreOffice: text no smaller than 80 %, the 3 × 3 score sheet on at most two pages, the chart on its table's page",
          .requires(.openpyxl, .libreOffice, .poppler, .carlito))
    func printed() throws {
        let directory = try Paths.temporaryDirectory("workbook-printed")
        defer { try? FileManager.default.removeItem(at: directory) }
        let books = try Self.export(into: directory)
        let pdfs = try IndependentReaders.libreOfficePDF(Array(books.values), in: directory)
        // A word box of Calibri 11 at 100 % is 14.3 points tall in pdftotext.
        var sheetPages: [String: [String: Int]] = [:]
        for (name, workbook) in books {
            let pages = try PDFTools.pages(try #require(pdfs[workbook]))
            for (number, page) in pages.enumerated() {
                let heights = page.bodyWords.map { $0.yMax - $0.yMin }.sorted()
                guard !heights.isEmpty else { continue }
                #expect(heights[heights.count / 2] >= 11.4, "\(name) page \(number + 1): text \(heights[heights.count / 2]) pt tall")
                // The running header's right end names the sheet.
                let header = page.words.filter { $0.yMax < page.height * 0.065 }.max { $0.xMax < $1.xMax }?.text ?? ""
                sheetPages[name, default: [:]][header, default: 0] += 1
            }
        }
        #expect(sheetPages["judging"]?["Scores"] ?? 0 <= 2, "\(sheetPages)")
        #expect(sheetPages["scored"]?["Scores"] == 1 && sheetPages["scored"]?["Ranking"] == 1, "\(sheetPages)")
        #expect(sheetPages["scored"]?["Edition"] == 1 && sheetPages["judging"]?["Nominees"] == 1, "\(sheetPages)")
    }

    @Test("#24.17: a score form workbook: the award's title, where and by when it goes back, each weight once below its criterion's name",
          .requires(.openpyxl))
    func form() throws {
        let directory = try Paths.temporaryDirectory("form-print")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("forms")
        let result = try ProcessRunner.juryreport(
            ["forms", Paths.edition("judging.yaml").path, "--juror", "bram", "--return-by", "2026-05-15", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let book = try IndependentReaders.xlsx(out.appendingPathComponent("open-data-award-2026.form.bram.xlsx"))
        let rows = book.sheet("Scores")
        let texts = rows.map { row in row.compactMap { cell -> String? in if case .string(let text) = cell.value { text } else { nil } } }
        #expect(texts[0] == ["Score form: Open Data Award 2025-2026"], "\(texts[0])")
        #expect(texts[2].count == 1 && texts[2][0].hasSuffix(" Please return this form by 15 May 2026 to Civic Data Foundation."), "\(texts.prefix(6))")
        let header = try #require(texts.first { $0.contains("Impact") })
        #expect(header.contains("Originality") && header.contains("Craft") && !header.contains { $0.contains("×") }, "\(header)")
        let weights = try #require(rows.first { $0.contains { $0.value == .string("Weight") } })
        #expect(weights.compactMap { if case .number(let weight) = $0.value { weight } else { nil } } == [2, 1, 1.5])
        // A date that is not one is a usage error, and nothing is written.
        let bad = try ProcessRunner.juryreport(["forms", Paths.edition("judging.yaml").path, "--return-by", "15-05-2026", "-o", directory.appendingPathComponent("bad").path])
        #expect(bad.status == 64 && bad.standardError.contains("--return-by: '15-05-2026' is not a date"), "\(bad.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad").path))
    }
}
