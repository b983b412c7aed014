import Foundation
import JuryReportCore
import Testing
import TestSupport

/// What the judging round puts in the published files, read back by readers that are not
/// ours: recusals in every format, the printable form, forms filled in from the scores the
/// edition already has, the organizer's workbook laid out to work in.
@Suite("The judging round in the published files", .onTestPool)
struct JudgingOutputTests {
    /// The fixture with some scores: a round under way.
    static func scoredEdition(in directory: URL) throws -> URL {
        var yaml = try String(contentsOf: Paths.edition("judging.yaml"), encoding: .utf8)
        yaml += """
            scores:
              - { juror: anna, nominee: alpha, criterion: impact, score: 9 }
              - { juror: anna, nominee: beta, criterion: impact, score: 6.5 }
              - { juror: bram, nominee: alpha, criterion: craft, score: 8 }

            """
        let file = directory.appendingPathComponent("judging.yaml")
        try Data(yaml.utf8).write(to: file)
        return file
    }

    static let reason = "advises the Province of Gelderland"

    @Test(
        "recusals appear in every format: Markdown, CSV, the workbook, the PDF, HTML and JSON",
        .requires(.cmark, .openpyxl, .poppler, .pdflatex))
    func recusalsEverywhere() throws {
        let directory = try Paths.temporaryDirectory("recusals")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.scoredEdition(in: directory)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", edition.path, "-f", "md,csv,xlsx,pdf,html,json", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let base = out.appendingPathComponent("open-data-award-2026")

        let markdown = try CommonMarkReader.parse([UInt8](Data(contentsOf: base.appendingPathExtension("md"))))
        let headings = markdown.descendants("heading").map(\.text)
        #expect(headings.contains("Recusals"), "\(headings)")
        let cells = markdown.descendants("table_cell").map(\.text)
        #expect(cells.contains("Bram Jansen") && cells.contains("2. Beta Budget Explorer") && cells.contains(Self.reason), "\(cells)")

        let table = try IndependentReaders.csv(out.appendingPathComponent("open-data-award-2026.recusals.csv"))
        #expect(table.rows == [["juror", "nominee", "reason"], ["bram", "beta", Self.reason]])

        let book = try IndependentReaders.xlsx(base.appendingPathExtension("xlsx"))
        let scores = book.sheet("Scores")
        // Bram's columns are the 4th to 6th; beta is the second nominee (sheet row 5, below the
        // members' row, the header and the weights).
        #expect(scores[4][5...7].map(\.value) == Array(repeating: .string("—"), count: 3))
        #expect(book.details["Scores"]?.comments["F5"] == "Not judged: \(Self.reason)")
        #expect(book.details["Scores"]?.fills["F5"] == "FFD9D9D9", "grey")
        // The same in constant-memory mode, which cannot go back to a row once written.
        let constant = directory.appendingPathComponent("constant")
        let flat = try ProcessRunner.juryreport(["export", edition.path, "-f", "xlsx", "--option", "memory=constant", "-o", constant.path])
        #expect(flat.status == 0, "\(flat.standardError)")
        let flatBook = try IndependentReaders.xlsx(constant.appendingPathComponent("open-data-award-2026.xlsx"))
        #expect(flatBook.details["Scores"]?.comments["F5"] == "Not judged: \(Self.reason)")

        let pdf = try PDFTools.text(base.appendingPathExtension("pdf"))
        let squeezed = PDFTools.squeezed(pdf)
        #expect(squeezed.contains("Recusals"))
        #expect(squeezed.contains(PDFTools.squeezed("Bram Jansen 2. Beta Budget Explorer \(Self.reason)")), "\(pdf)")

        struct Page: Decodable { var text: String }
        let page = try IndependentReaders.run("read_html.py", [base.appendingPathExtension("html").path], as: Page.self)
        #expect(PDFTools.squeezed(page.text).contains(PDFTools.squeezed("Bram Jansen 2. Beta Budget Explorer \(Self.reason)")))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: base.appendingPathExtension("json"))) as? [String: Any]
        let recusals = json?["recusals"] as? [[String: String]]
        #expect(recusals == [["juror": "bram", "nominee": "beta", "reason": Self.reason]])
        // The scores still missing are warned of, one line per jury member and nominee.
        #expect(result.standardError.contains("warning: no score by 'chloe' for 'delta' on criteria 'impact', 'originality', 'craft'"))
    }

    @Test(
        "the printable form: the member, the criteria with weights and descriptions, a box per score, known scores, lines to sign",
        .requires(.poppler, .pdflatex))
    func printableForm() throws {
        let directory = try Paths.temporaryDirectory("form-pdf")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.scoredEdition(in: directory)
        let out = directory.appendingPathComponent("forms")
        let result = try ProcessRunner.juryreport(
            ["forms", edition.path, "--juror", "bram", "--format", "pdf", "--return-by", "2026-05-15", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        #expect(Paths.reports(in: out) == ["open-data-award-2026.form.bram.pdf"])
        let pdf = out.appendingPathComponent("open-data-award-2026.form.bram.pdf")
        let text = try PDFTools.text(pdf, belowHeader: false)
        let squeezed = PDFTools.squeezed(text)
        #expect(!text.contains("Jury report"), "#24.17: the form's title is the award's, not the report's")
        for expected in [
            "Score form: Open Data Award 2025-2026", "Juror: Bram Jansen", "Write a score from 1 to 10",
            "Please return this form by 15 May 2026 to Civic Data Foundation.",
            "Impact (×2): What changed for the people the project serves.", "Craft (×1.5)",
            "Beta Budget Explorer (not judged)", "Name", "Date", "Signature",
        ] {
            #expect(squeezed.contains(PDFTools.squeezed(expected)), "\(expected) in \(text)")
        }
        // #24.17: the recused nominee's boxes print grey, as the instructions say; the others white.
        let words = try #require(try PDFTools.pages(pdf).first).words
        let beta = try #require(words.first { $0.text == "Beta" })
        let dash = try #require(words.first { $0.text == "—" && abs($0.yMiddle - beta.yMiddle) < 3 }, "the recused boxes' mark")
        let alphaRow = try #require(words.first { $0.text == "Alpha" })
        let colours = try IndependentReaders.run(
            "read_pixels.py", [pdf.path, "\((dash.xMin + dash.xMax) / 2),\(dash.yMax + 5)", "\((dash.xMin + dash.xMax) / 2),\(alphaRow.yMax + 5)"],
            as: [[Int]].self)
        #expect(colours.count == 2 && colours[0].allSatisfy { (150...235).contains($0) }, "a recused box is grey: \(colours)")
        #expect(colours.count == 2 && colours[1].allSatisfy { $0 > 245 }, "a box to fill is white: \(colours)")
        // Bram's known score, written in: alpha's craft.
        let layout = try PDFTools.text(out.appendingPathComponent("open-data-award-2026.form.bram.pdf"), layout: true, belowHeader: false)
        let alpha = try #require(layout.split(separator: "\n").first { $0.contains("Alpha Transit Maps") })
        #expect(alpha.split(separator: " ").filter { !$0.isEmpty }.suffix(1) == ["8"], "in the last column, craft: \(alpha)")
        // An unknown member is a usage error that suggests the id.
        let typo = try ProcessRunner.juryreport(["forms", edition.path, "--juror", "bramm", "-o", out.path])
        #expect(typo.status == 64)
        #expect(typo.standardError.contains("has no jury member 'bramm'; did you mean 'bram'?"), "\(typo.standardError)")
    }

    @Test("forms carry the scores the edition has; collect does not write them again, and refuses one changed on the form",
          .requires(.openpyxl))
    func prefilled() throws {
        let directory = try Paths.temporaryDirectory("form-prefilled")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try Self.scoredEdition(in: directory)
        let out = directory.appendingPathComponent("forms")
        #expect(try ProcessRunner.juryreport(["forms", edition.path, "--juror", "anna", "-o", out.path]).status == 0)
        let form = out.appendingPathComponent("open-data-award-2026.form.anna.xlsx")
        let book = try IndependentReaders.xlsx(form, values: true)
        let rows = book.sheet("Scores")
        let alpha = try #require(rows.first { $0.first?.value == .string("alpha") })
        #expect(alpha[3].value == .number(9), "the known score is filled in")
        #expect(alpha[6].value == .number(9), "and the cached weighted mean is over it")
        let details = try #require(book.details["Scores"])
        #expect(details.protected)
        #expect(details.hiddenColumns == ["A"] && details.hiddenRows == [7], "the ids are hidden")

        // Filled in further: the known scores stay, one more is typed.
        let filled = directory.appendingPathComponent("anna.xlsx")
        _ = try IndependentReaders.fillForm(form, to: filled, scores: ["alpha": ["craft": 7]])
        let collected = try ProcessRunner.juryreport(["collect", edition.path, filled.path])
        #expect(collected.status == 0, "\(collected.standardError)")
        #expect(String(decoding: collected.standardOutput, as: UTF8.self) == "juror,nominee,criterion,score\r\nanna,alpha,craft,7\r\n",
                "without scoresFile the table goes to standard output, the edition's own scores not in it")
        let changed = directory.appendingPathComponent("changed.xlsx")
        _ = try IndependentReaders.fillForm(form, to: changed, scores: ["alpha": ["impact": 4]])
        let refused = try ProcessRunner.juryreport(["collect", edition.path, changed.path])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("changed.xlsx:Scores!D8: error: the edition file already gives 9 here, the form 4"), "\(refused.standardError)")
        #expect(refused.standardOutput.isEmpty)
    }

    @Test("the organizer's workbook: a score sheet to fill in, formulas locked, rows as tall as their text, printed over pages",
          .requires(.openpyxl))
    func organizersWorkbook() throws {
        let directory = try Paths.temporaryDirectory("workbook-layout")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        #expect(try ProcessRunner.juryreport(["export", Paths.edition("judging.yaml").path, "-f", "xlsx", "-o", out.path]).status == 0)
        let book = try IndependentReaders.xlsx(out.appendingPathComponent("open-data-award-2026.xlsx"))
        #expect(book.order == ["Edition", "Nominees", "Key figures", "Jury", "Criteria", "Scores"], "no ranking without scores")
        let details = try #require(book.details["Scores"])
        #expect(details.protected)
        // Every score cell (3 members × 3 criteria × 4 nominees, bram's beta cells aside) is
        // editable; nothing else is.
        #expect(details.unlocked.count == 3 * 3 * 4 - 3, "\(details.unlocked)")
        #expect(details.unlocked.allSatisfy { !$0.hasPrefix("L") && !$0.hasPrefix("M") }, "totals and ranks are locked")
        // The long name wraps, and its row is as tall as its lines (the members' row above the
        // header, #24.15, moves it to row 6).
        #expect((details.heights["6"] ?? 0) >= 30, "gamma's long name wraps: \(details.heights)")
        #expect(details.repeatColumns == "$A:$B", "the name columns on every printed page")
        #expect(details.fitToWidth == nil, "not shrunk to one page wide")
        #expect(book.definedNames["ScoreGrid"] == "'Scores'!$C$4:$K$7")
        #expect(book.definedNames["Weights"] == "'Scores'!$C$3:$K$3")
        let criteria = book.sheet("Criteria")
        #expect(criteria.dropFirst().map { $0[2].value } == [
            .string("What changed for the people the project serves."), .string("How new the idea is, in its field."),
            .string("How well it is made, from the data to the page."),
        ])
    }

    @Test(
        "hostile names in forms: literal in the workbook (no formula but the means), literal in the PDF, and a filled form collects",
        .requires(.openpyxl, .poppler, .pdflatex))
    func hostileForms() throws {
        let directory = try Paths.temporaryDirectory("form-hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = Paths.edition("hostile.yaml")
        let edition = try EditionLoader().load(contentsOf: path)
        let out = directory.appendingPathComponent("forms")
        let juror = edition.jury[1].id
        let result = try ProcessRunner.juryreport(["forms", path.path, "--juror", juror, "--format", "xlsx,pdf", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let form = out.appendingPathComponent("\(edition.baseName).form.\(juror).xlsx")
        let book = try IndependentReaders.xlsx(form)
        let rows = book.sheet("Scores")
        for nominee in edition.nominees {
            let row = try #require(rows.first { $0.first?.value == .string(nominee.id) }, "\(nominee.id)")
            #expect(row[2].value == .string(nominee.name), "the name as typed")
            #expect(row.enumerated().allSatisfy { $0.element.type != "f" || $0.offset == 3 + max(edition.criteria.count, 1) })
        }
        #expect(rows.contains { $0.contains { $0.value == .string("Juror: \(edition.jury[1].name)") } })
        let text = PDFTools.squeezed(try PDFTools.text(out.appendingPathComponent("\(edition.baseName).form.\(juror).pdf"), belowHeader: false))
        #expect(text.contains(PDFTools.squeezed(edition.jury[1].name)), "\(text)")
        #expect(text.contains(PDFTools.squeezed(edition.nominees[2].name)), "\(text)")
        // Filled in and collected: the scores come back under the ids.
        let key = edition.criteria.first?.id ?? "juryreport:score"
        let filled = directory.appendingPathComponent("filled.xlsx")
        _ = try IndependentReaders.fillForm(form, to: filled, scores: [edition.nominees[0].id: [key: 7]])
        let collected = try ProcessRunner.juryreport(["collect", path.path, filled.path])
        #expect(collected.status == 0, "\(collected.standardError)")
        let criterion = edition.criteria.first?.id ?? ""
        #expect(String(decoding: collected.standardOutput, as: UTF8.self).contains("\(juror),\(edition.nominees[0].id),\(criterion),7\r\n"))
    }
}
