import Foundation
import JuryReportCore
import Testing
import TestSupport

/// The bundled edition is a faithful transcription: its Markdown, as cmark shows it,
/// holds every sentence of the original report word for word.
@Suite("The bundled edition against the seed", .onTestPool, .requires(.cmark))
struct SeedFidelityTests {
    static func seedSentences() throws -> [String] { try SeedText.sentences() }

    static func fold(_ text: String) -> String { SeedText.fold(text) }

    @Test("every sentence of the seed is in the Markdown, word for word")
    func everySentence() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        let markdown = try MarkdownFixture.export(edition)
        let visible = Self.fold(try CommonMarkReader.parse(markdown).text)
        let sentences = try Self.seedSentences()
        #expect(sentences.count > 80)
        // A sentence split by a page break in the seed is checked as its two halves.
        for sentence in sentences {
            #expect(visible.contains(sentence), "missing: \(sentence)")
        }
        #expect(visible.contains("zodat met deze kennis en nieuw opgeleide talenten"), "page-break paragraphs joined")
        #expect(visible.contains("ontwikkelen daarbij meteen een breder"), "page-break paragraphs joined")
    }

    @Test("the seed's paragraphs come in the seed's order")
    func order() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        let visible = Self.fold(try CommonMarkReader.parse(try MarkdownFixture.export(edition)).text)
        var cursor = visible.startIndex
        for sentence in try Self.seedSentences() {
            let range = try #require(visible.range(of: sentence, range: cursor..<visible.endIndex), "out of order: \(sentence)")
            cursor = range.upperBound
        }
    }

    @Test("the italic paragraph stays italic")
    func italic() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        let document = try CommonMarkReader.parse(try MarkdownFixture.export(edition))
        let emphasis = document.descendants("emph").map(\.text)
        #expect(emphasis.count == 1)
        #expect(emphasis.first?.hasPrefix("De keuze voor het mkb als thema") == true)
    }
}
