import Foundation
import JuryReportCore
import MarkdownExporter
import Testing
import TestSupport

/// The Markdown is read back by cmark-gfm, and what it shows is compared with the edition.
@Suite("Markdown read back by cmark", .onTestPool, .requires(.cmark))
struct MarkdownReaderTests {
    @Test("a hostile edition reads back literally, block by block")
    func hostile() throws {
        let edition = try MarkdownFixture.load("hostile.yaml")
        let markdown = try MarkdownFixture.export(edition)
        let (blocks, document) = try MarkdownFixture.blocks(markdown)
        let words = Vocabulary(language: edition.details.language)

        // Nothing raw passes, and nothing becomes code.
        for name in ["html_block", "html_inline", "code", "code_block", "block_quote", "thematic_break", "strikethrough"] {
            #expect(document.descendants(name).isEmpty, "found \(name)")
        }
        #expect(blocks.first == .heading(1, edition.details.title))
        // The hostile title names neither award nor period: both stand around it.
        #expect(blocks.dropFirst().first == .paragraph("\(edition.award.name) · \(words.editionNumber(7)) · \(edition.details.period!)"))
        #expect(Array(blocks.dropFirst(2).prefix(1)) == [.list(
            ["\(words.theme): \(edition.details.theme!)", "\(words.organizer): \(edition.award.organizer!)", "\(words.date): 17 May 2024"]
                + (edition.award.url.map { ["\(words.website): \($0)"] } ?? []))])

        for section in edition.sections {
            let start = try #require(blocks.firstIndex(of: .heading(2, section.heading!)), "\(section.heading!)")
            let paragraphs = section.body.paragraphs.map { Block.paragraph(Inline.plainText(of: $0)) }
            #expect(Array(blocks[(start + 1)...].prefix(paragraphs.count)) == paragraphs)
        }

        for nominee in edition.nominees {
            let start = try #require(blocks.firstIndex(of: .heading(3, "\(nominee.number). \(nominee.name)")), "\(nominee.id)")
            let end = blocks[(start + 1)...].firstIndex { if case .heading = $0 { return true } else { return false } } ?? blocks.endIndex
            let section = Array(blocks[(start + 1)..<end])
            var expected: [Block] = []
            if nominee.id == edition.verdict.winner { expected.append(.paragraph(words.winner)) }
            if edition.verdict.mentions.contains(nominee.id) { expected.append(.paragraph(words.mention)) }
            if let summary = nominee.summary { expected.append(.paragraph(summary)) }
            var details: [String] = []
            if let lead = nominee.lead { details.append("\(words.lead): \(lead)") }
            if let location = nominee.location { details.append("\(words.location): \(location)") }
            if let sector = nominee.sector { details.append("\(words.sector): \(sector)") }
            if !nominee.partners.isEmpty { details.append("\(words.partners): \(nominee.partners.joined(separator: ", "))") }
            if !details.isEmpty { expected.append(.list(details)) }
            if !nominee.facts.isEmpty {
                expected.append(.table([[words.figure, words.value]] + nominee.facts.map { [$0.label, $0.value.description] }))
            }
            expected += (nominee.body?.paragraphs ?? []).map { .paragraph(Inline.plainText(of: $0)) }
            #expect(section == expected, "nominee \(nominee.id)")
        }

        let jury = edition.jury.map { member in
            "\(member.name) (\([member.role, member.affiliation].compactMap { $0 }.joined(separator: ", ")))"
        }.joined(separator: ", ")
        // The date of the report under the signature line (the edition gives no place).
        #expect(blocks.suffix(3) == [.heading(2, edition.signature!), .paragraph("17 May 2024"), .paragraph(jury)])
        let strong = document.descendants("strong").map(\.text)
        #expect(strong.contains(edition.verdict.announcement!))
    }

    @Test("emphasis, strong and links in text fields become Markdown markup")
    func inlineMarkup() throws {
        let edition = try MarkdownFixture.load("hostile.yaml")
        let body = try #require(edition.nominees[0].body)
        let markdown = try MarkdownFixture.export(edition)
        let document = try CommonMarkReader.parse(markdown)
        var emphasis: [String] = []
        var strong: [String] = []
        var links: [String] = []
        func collect(_ nodes: [Inline]) {
            for node in nodes {
                switch node {
                case .emphasis(let inner): emphasis.append(Inline.plainText(of: inner)); collect(inner)
                case .strong(let inner): strong.append(Inline.plainText(of: inner)); collect(inner)
                case .link(let inner, let url): links.append(url); collect(inner)
                default: break
                }
            }
        }
        body.paragraphs.forEach(collect)
        #expect(emphasis == ["emphasis", "nested emphasis", "‘curly’"])
        #expect(strong == ["strong", "bold with nested emphasis inside"])
        // The first nominee's body is the first body in the document after the sections'.
        let emphInDocument = Set(document.descendants("emph").map(\.text))
        let strongInDocument = Set(document.descendants("strong").map(\.text))
        #expect(Set(emphasis).isSubset(of: emphInDocument))
        #expect(Set(strong).isSubset(of: strongInDocument))
        // Without GitHub's autolinking of bare URLs, the only links are the edition's.
        let strict = try CommonMarkReader.parse(markdown, extensions: ["table"])
        let destinations = Set(strict.descendants("link").compactMap { $0.attributes["destination"] })
        #expect(destinations == Set(links), "only the links the edition makes")
        // With it, any other link is a bare URL of the text, shown as typed.
        for link in document.descendants("link") where !links.contains(link.attributes["destination"] ?? "") {
            #expect(link.text == link.attributes["destination"], "autolink \(link.text)")
        }
    }

    @Test("every hostile sample survives in every kind of place")
    func samplesEverywhere() throws {
        let edition = try MarkdownFixture.load("hostile.json")
        let markdown = try MarkdownFixture.export(edition)
        let document = try CommonMarkReader.parse(markdown)
        let headings = Set(document.descendants("heading").map(\.text))
        let cells = Set(document.descendants("table_cell").map(\.text))
        let items = Set(document.descendants("item").map(\.text))
        for sample in HostileText.samples {
            #expect(headings.contains { $0.hasSuffix(". " + sample) } || headings.contains(sample), "heading: \(sample.debugDescription)")
            #expect(cells.contains(sample), "table cell: \(sample.debugDescription)")
            #expect(items.contains { $0.hasSuffix(": " + sample) }, "list item: \(sample.debugDescription)")
        }
    }

    @Test("plain CommonMark (cmark, safe mode) renders no raw HTML from input")
    func noRawHTML() throws {
        let markdown = try MarkdownFixture.export(try MarkdownFixture.load("hostile.yaml"))
        let html = try CommonMarkReader.html(markdown)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test("an address with what looks like an entity (&amp; &copy;) reads back as typed, as an autolink and as a link")
    func entityInAddress() throws {
        var edition = try MarkdownFixture.load("scored.yaml")
        let address = "https://example.org/q?a=1&amp;b=2&copy;&c"
        edition.nominees[0].url = address
        edition.criteria[0].description = RichText("See [the rules](\(address)) here.")
        let document = try CommonMarkReader.parse(try MarkdownFixture.export(edition))
        let links = document.descendants("link")
        // The nominee's website shows itself (an autolink); the criterion's rules are a link.
        #expect(links.filter { $0.text == address }.map { $0.attributes["destination"] } == [address], "\(links.map(\.attributes))")
        #expect(links.filter { $0.text == "the rules" }.map { $0.attributes["destination"] } == [address])
    }

    @Test("a link with | in its address inside a table cell keeps its cell and its address")
    func linkInTableCell() throws {
        var edition = try MarkdownFixture.load("scored.yaml")
        edition.criteria[0].description = RichText("See [the rules](https://example.org/a|b?x=1|2) here.")
        let document = try CommonMarkReader.parse(try MarkdownFixture.export(edition))
        let table = try #require(document.descendants("table").first)
        let row = try #require(table.descendants("table_row").first { $0.text.hasPrefix(edition.criteria[0].name) })
        #expect(row.descendants("table_cell").map(\.text) == [edition.criteria[0].name, "2", "See the rules here."])
        #expect(row.descendants("link").map { $0.attributes["destination"] } == ["https://example.org/a|b?x=1|2"])
    }

    @Test("the standings table of a scored edition")
    func standings() throws {
        let edition = try MarkdownFixture.load("scored.yaml")
        let (blocks, _) = try MarkdownFixture.blocks(try MarkdownFixture.export(edition))
        let start = try #require(blocks.firstIndex(of: .heading(2, "Standings")))
        #expect(blocks[start + 1] == .table([
            ["Rank", "No.", "Nominee", "Impact", "Originality", "Total"],
            // Rounded to presentation.decimals (default 2); CSV and JSON keep every digit.
            // Each criterion's mean beside the total, as the fixture's header works them out.
            ["1", "1", "Alpha Transit Maps", "9.00", "8.50", "8.83"],
            ["2", "2", "Beta Budget Explorer", "8.00", "7.50", "7.83"],
            ["2", "3", "Gamma Air Quality", "7.50", "8.50", "7.83"],
            ["4", "4", "Delta Procurement Watch", "6.50", "5.50", "6.17"],
            ["", "5", "Epsilon Archive", "", "", "not scored"],
        ]))
        #expect(blocks.contains(.table([
            ["Criterion", "Weight", "Description"],
            ["Impact", "2", "What changed for the people the project serves."],
            ["Originality", "1", ""],
        ])))
        #expect(blocks.contains { if case .list(let items) = $0 { items.contains("Honourable mentions: 3. Gamma Air Quality") } else { false } })
        // The website as an autolink, read as a link to itself.
        #expect(blocks.contains(.list([
            "Theme: Data that serves the public", "Organizer: Civic Data Foundation", "Date: 30 June 2025",
            "Website: https://example.org/open-data-award",
        ])))
    }
}
