import Foundation
import JuryReportCore
import Testing
import TestSupport

@testable import MarkdownExporter

/// The Markdown renderer on an outline made by hand (``HandBuiltOutline``), read by cmark-gfm:
/// each kind of block as Markdown sets it, whatever the core would put in an outline.
@Suite("Markdown rendering of a hand-built outline", .onTestPool, .requires(.cmark))
struct MarkdownRendererTests {
    static func render(_ outline: ReportOutline) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let output = TextOutput { bytes += $0 }
        var renderer = MarkdownRenderer(document: MarkdownDocument(output: output))
        try renderer.render(outline)
        try output.flush()
        return bytes
    }

    @Test("headings by level, the title line, emphasis and links, details as a list, tables aligned, no chart, the jury last")
    func everyBlock() throws {
        let markdown = try Self.render(HandBuiltOutline.outline)
        let (blocks, document) = try MarkdownFixture.blocks(markdown)
        let headings = blocks.compactMap { if case .heading(let level, let text) = $0 { (level, text) } else { nil } }
        #expect(headings.map(\.0) == HandBuiltOutline.headings.map(\.0))
        #expect(headings.map(\.1) == HandBuiltOutline.headings.map(\.1))
        // The line above the title and the edition, then the title block's facts as a list.
        #expect(blocks[1] == .paragraph("Hand Award · Edition 1"))
        #expect(blocks[2] == .list(["Organizer: The Foundation", "Date: 1 May 2024"]))
        #expect(document.descendants("emph").map(\.text) == ["stressed"])
        #expect(document.descendants("link").map { $0.attributes["destination"] } == ["https://example.org/x"])
        #expect(blocks.contains(.list(["Lead: Some Body"])))
        #expect(blocks.contains(.table([["Figure", "Value"], ["Users", "12"]])))
        #expect(blocks.contains(.table([["Rank", "Nominee", "Total"], ["1", "First", "8.50"]])))
        // The winner's row in bold, each cell.
        #expect(document.descendants("table_cell").filter { !$0.descendants("strong").isEmpty }.map(\.text) == ["1", "First", "8.50"])
        // GFM's delimiter rows: numbers to the right.
        let text = String(decoding: markdown, as: UTF8.self)
        #expect(text.contains("| --- | ---: |") && text.contains("| ---: | --- | ---: |"), "\(text)")
        #expect(document.descendants("strong").map(\.text).contains("First wins the Hand Award."))
        #expect(!text.contains("left out"), "a chart is not drawn in Markdown")
        #expect(blocks.suffix(3) == [.heading(2, "For the jury"), .paragraph("Utrecht, 1 May 2024"), .paragraph("Ann Chair (chair)")])
    }

    @Test("an outline of a title alone is a heading and its line")
    func titleAlone() throws {
        var outline = HandBuiltOutline.outline
        outline.blocks = []
        let (blocks, _) = try MarkdownFixture.blocks(try Self.render(outline))
        #expect(blocks == [
            .heading(1, "Hand-built report"), .paragraph("Hand Award · Edition 1"), .list(["Organizer: The Foundation", "Date: 1 May 2024"]),
        ])
    }
}
