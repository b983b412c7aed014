import Foundation
import JuryReportCore
@testable import DocxExporter
import Testing
import TestSupport

/// #25: the report as a Word document, read back by python-docx and by LibreOffice Writer,
/// never by the code that wrote it.
@Suite("Word documents", .onTestPool)
struct DocxDocumentTests {
    /// What `read_docx.py` prints.
    struct Document: Decodable {
        struct Block: Decodable {
            var style: String?
            var text: String?
            var table: [[String]]?
            var headerRows: Int?
            var cantSplit: Bool?
        }
        struct Properties: Decodable {
            var title: String?
            var author: String?
            var subject: String?
            var language: String?
            var created: String?
            var company: String?
        }
        var body: [Block]
        var properties: Properties
        var languages: [String: String]
        var page: [Int]?
        var fields: [String]
        /// Properties whose children stand out of ECMA-376's order (Word would repair them).
        var orderErrors: [String]
        var parts: [String]
        var headings: [String]
        var headingStyles: [String]
        var headingFont: String?
        var header: String
        var styleNames: [String]

        var paragraphs: [Block] { body.filter { $0.text != nil } }
        var tables: [Block] { body.filter { $0.table != nil } }
    }

    static func export(_ edition: Edition) throws -> [UInt8] {
        let sink = MemoryExportSink(baseName: edition.baseName)
        try DocxExporter().export(ExportRequest(edition: edition), to: sink)
        return try #require(sink.files.first { $0.name.hasSuffix(".docx") }).bytes
    }

    /// The text of every paragraph in `blocks`, sections' included.
    static func paragraphs(of blocks: [ReportBlock]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let nodes): return [Inline.plainText(of: nodes).replacingOccurrences(of: "\n", with: " ")]
            case .section(let section): return paragraphs(of: section.blocks)
            default: return []
            }
        }
    }

    static func read(_ bytes: [UInt8], in directory: URL, name: String) throws -> (URL, Document) {
        let url = directory.appendingPathComponent(name + ".docx")
        try Data(bytes).write(to: url)
        return (url, try IndependentReaders.run("read_docx.py", [url.path], as: Document.self))
    }

    @Test("the bundled edition: every sentence of the seed as LibreOffice Writer reads it, Heading 1 and 2, Dutch on the styles, the properties",
          .requires(.pythonDocx, .libreOfficeWriter))
    func bundled() throws {
        let directory = try Paths.temporaryDirectory("docx-bundled")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try EditionLoader().load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        let (url, document) = try Self.read(try Self.export(edition), in: directory, name: edition.baseName)
        #expect(document.headingStyles == ["Heading 1", "Heading 2"], "\(document.headingStyles)")
        #expect(document.headings.contains("Genomineerden") && document.headings.contains("2. Cleantech Center"), "\(document.headings)")
        #expect(document.languages["(defaults)"] == "nl-NL")
        #expect(document.page == [210, 297], "A4")
        #expect(document.properties.title == "Juryrapport Pro-Motor Award 2019-2020")
        #expect(document.properties.author == "Jacco Vonhof" && document.properties.language == "nl")
        #expect(document.properties.company == "Katapult" && document.properties.subject == edition.details.theme)
        // Key figures: Word tables whose header row repeats and whose rows do not break.
        #expect(!document.tables.isEmpty && document.tables.allSatisfy { $0.cantSplit == true })
        #expect(document.tables.filter { $0.table?.first == ["Kerncijfer", "Waarde"] }.allSatisfy { $0.headerRows == 1 })
        // The one field is the page number, in the footer.
        #expect(document.fields.map { $0.trimmingCharacters(in: .whitespaces) } == ["PAGE"], "\(document.fields)")
        #expect(document.orderErrors.isEmpty, "\(document.orderErrors.prefix(5))")

        let text = try IndependentReaders.libreOfficeWriterText(url, in: directory)
        let visible = SeedText.fold(text)
        let sentences = try SeedText.sentences()
        #expect(sentences.count > 80)
        // The jury's names stand in the signature block, a name and a role a line, not in the seed's one line.
        for sentence in sentences where !sentence.hasPrefix("Jacco Vonhof") { #expect(visible.contains(sentence), "missing: \(sentence)") }
        for member in edition.jury { #expect(visible.contains(member.name)) }
    }

    @Test("a scored edition in every built-in language: the standings as a table with a repeating header, the chart's bars, each language's labels",
          .requires(.pythonDocx, .libreOfficeWriter))
    func languages() throws {
        let directory = try Paths.temporaryDirectory("docx-languages")
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [(String, URL, Edition)] = []
        for language in ["en", "fr", "de", "es", "it"] {
            let path = language == "en" ? Paths.edition("scored.yaml") : Paths.edition("languages/\(language).yaml")
            var loader = EditionLoader()
            loader.allowsMissingTables = true
            let edition = try loader.load(contentsOf: path)
            let (url, document) = try Self.read(try Self.export(edition), in: directory, name: "\(edition.baseName).\(language)")
            let words = Vocabulary(edition)
            let standings = try #require(document.tables.first { $0.table?.first?.contains(words.total) == true }, "\(language): no standings table")
            #expect(standings.headerRows == 1, "\(language)")
            #expect(document.headings.contains(words.standings), "\(language): \(document.headings)")
            #expect(document.languages["(defaults)"]?.hasPrefix(language) == true, "\(language): \(document.languages)")
            #expect(document.orderErrors.isEmpty, "\(language): \(document.orderErrors.prefix(5))")
            files.append((language, url, edition))
        }
        // LibreOffice reads each: every paragraph of the report, every nominee and member, the announcement.
        for (language, url, edition) in files {
            let text = PDFTools.squeezed(try IndependentReaders.libreOfficeWriterText(url, in: directory.appendingPathComponent(language)))
            let typography = Typography(edition)
            let paragraphs = Self.paragraphs(of: ExportRequest(edition: edition).outline.blocks).map { typography.apply($0) }
            #expect(paragraphs.count >= 3, "\(language)")
            for needle in paragraphs + [edition.verdict.announcement ?? "", edition.jury.last?.name ?? ""] + edition.nominees.map(\.name) {
                #expect(text.contains(PDFTools.squeezed(typography.apply(needle))), "\(language): \(needle)")
            }
        }
    }

    @Test("hostile text stays text: every name literal, no field but the page number, no markup from the edition", .requires(.pythonDocx))
    func hostile() throws {
        let directory = try Paths.temporaryDirectory("docx-hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        let (_, document) = try Self.read(try Self.export(edition), in: directory, name: edition.baseName)
        let texts = document.paragraphs.compactMap(\.text) + document.tables.flatMap { $0.table ?? [] }.flatMap { $0 }
        let all = texts.joined(separator: "\n")
        // As typed, but for the quotes the edition asks to be set typographically.
        let typography = Typography(edition)
        for nominee in edition.nominees {
            #expect(all.contains(typography.apply(nominee.name)), "\(nominee.name.debugDescription)")
        }
        #expect(document.fields.map { $0.trimmingCharacters(in: .whitespaces) } == ["PAGE"], "\(document.fields)")
        #expect(document.orderErrors.isEmpty, "\(document.orderErrors.prefix(5))")
    }

    @Test("two exports give the same bytes; the package holds what Word needs")
    func reproducible() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let first = try Self.export(edition)
        #expect(first == (try Self.export(edition)))
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
    }

    @Test("#25.2: a house template gives its heading font, page size and header; ours fill in the styles it lacks; its body never comes along",
          .requires(.pythonDocx))
    func template() throws {
        let directory = try Paths.temporaryDirectory("docx-template")
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = directory.appendingPathComponent("house.docx")
        try IndependentReaders.runScript("make_docx_template.py", [template.path])
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", "-f", "docx", "--option", "template=\(template.path)", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let document = try IndependentReaders.run("read_docx.py", [out.appendingPathComponent("pro-motor-award-2020.docx").path], as: Document.self)
        #expect(document.page == [148, 210], "the template's A5 page: \(document.page ?? [])")
        #expect(document.headingFont == "Courier New", "\(document.headingFont ?? "none")")
        #expect(document.header.contains("House header"), "\(document.header)")
        #expect(document.styleNames.contains("Details") && document.styleNames.contains("Announcement"), "ours where it has none")
        #expect(document.languages["(defaults)"] == "nl-NL", "the edition's language on the template's defaults")
        #expect(!document.paragraphs.contains { $0.text?.contains("TEMPLATE BODY TEXT") == true })
        #expect(document.headings.contains("Genomineerden"))
    }

    @Test("#25.2: a template that is text, encrypted, holds macros (.docm) or is missing: exit 65 (66), one line naming it, nothing written",
          .requires(.pythonDocx))
    func badTemplates() throws {
        let directory = try Paths.temporaryDirectory("docx-bad-template")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("notes.docx")
        try Data("not a Word file".utf8).write(to: text)
        // Word keeps a document with a password in a compound file (OLE), not a ZIP package.
        let encrypted = directory.appendingPathComponent("locked.docx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: encrypted)
        let macros = directory.appendingPathComponent("house.docm")
        try IndependentReaders.runScript("make_docx_template.py", [macros.path, "--macros"])
        let cases: [(URL, Int32, String)] = [
            (text, 65, "the template is not a Word document (.docx)"),
            (macros, 65, "the template holds macros (.docm)"),
            (encrypted, 65, "the template is encrypted or an old .doc"),
            (directory.appendingPathComponent("missing.docx"), 66, "no such template"),
        ]
        for (file, status, message) in cases {
            let out = directory.appendingPathComponent("out-\(file.lastPathComponent)")
            let result = try ProcessRunner.juryreport(["export", "-f", "md,docx", "--option", "template=\(file.path)", "-o", out.path])
            #expect(result.status == status, "\(file.lastPathComponent): \(result.status) \(result.standardError)")
            #expect(result.standardError.contains("\(file.path): error: \(message)"), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: out.path) || Paths.reports(in: out).isEmpty, "nothing written")
        }
    }

    @Test("branding: the logo in the first page's header, the accent on the headings and the winner's box", .requires(.pythonDocx))
    func branding() throws {
        let directory = try Paths.temporaryDirectory("docx-branding")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try EditionLoader().load(contentsOf: Paths.edition("branding/branded.yaml"))
        let accent = try #require(edition.branding.accent).dropFirst().uppercased()
        let (_, document) = try Self.read(try Self.export(edition), in: directory, name: edition.baseName)
        #expect(document.parts.contains("word/media/logo.png") && document.parts.contains("word/_rels/header2.xml.rels"), "\(document.parts)")
        #expect(document.orderErrors.isEmpty, "\(document.orderErrors.prefix(5))")
        let styles = DocxStyles.xml(language: edition.details.language, branding: edition.branding)
        #expect(styles.contains("w:color w:val=\"\(accent)\""), "the accent on the headings and the winner")
    }

    @Test("the awkward strings (CommonMark's punctuation runs, markup, scripts, quotes) stand literally in the document", .requires(.pythonDocx))
    func corpus() throws {
        let directory = try Paths.temporaryDirectory("docx-corpus")
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = AwkwardText.corpus
        let file = try TestEdition.write(TestEdition.document(names: corpus), in: directory)
        let edition = try EditionLoader().load(contentsOf: file)
        let (_, document) = try Self.read(try Self.export(edition), in: directory, name: edition.baseName)
        let all = (document.paragraphs.compactMap(\.text) + document.tables.flatMap { $0.table ?? [] }.flatMap { $0 }).joined(separator: "\n")
        let typography = Typography(edition)
        var checked = 0
        for string in corpus where !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            #expect(all.contains(typography.apply(string)), "\(string.debugDescription)")
            checked += 1
        }
        #expect(checked >= 480)
    }

    @Test("each style's id is the one its XML declares, and no id is given twice")
    func styleIds() {
        let styles = DocxStyles.styles(branding: Branding())
        for style in styles {
            #expect(style.xml.contains("w:styleId=\"\(style.id)\""), "\(style.id)")
            #expect(style.xml.components(separatedBy: "w:styleId=").count == 2, "\(style.id)")
        }
        #expect(Set(styles.map(\.id)).count == styles.count)
    }
}
