import Foundation
import JuryReportCore
import MarkdownExporter
import Testing
import TestSupport

@Suite("Markdown escaping, any string", .onTestPool, .requires(.cmark))
struct MarkdownEscapingPropertyTests {
    @Test("random strings in headings, list items and table cells read back unchanged", arguments: [1, 2, 3] as [UInt64])
    func randomStrings(seed: UInt64) throws {
        var random = RandomText(seed: seed)
        let edition = random.edition(count: 150)
        let markdown = try MarkdownFixture.export(edition)
        let document = try CommonMarkReader.parse(markdown)
        let headings = document.descendants("heading").map(\.text)
        let items = document.descendants("item").map(\.text)
        let cells = document.descendants("table_cell").map(\.text)
        for nominee in edition.nominees {
            #expect(headings.contains("\(nominee.number). \(nominee.name)"), "heading \(nominee.name.debugDescription)")
            #expect(items.contains("Lead: \(nominee.lead!)"), "item \(nominee.lead!.debugDescription)")
            #expect(cells.contains(nominee.facts[0].label), "cell \(nominee.facts[0].label.debugDescription)")
        }
        #expect(document.descendants("html_inline").isEmpty && document.descendants("html_block").isEmpty)
    }
}
