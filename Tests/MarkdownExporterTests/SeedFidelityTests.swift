import Foundation
import JuryReportCore
import Testing
import TestSupport

/// The bundled edition is a faithful transcription: its Markdown, as cmark shows it,
/// holds every sentence of the original report word for word.
@Suite("The bundled edition against the seed", .enabled(if: CommonMarkReader.isAvailable, "cmark-gfm is not installed"))
struct SeedFidelityTests {
    /// The seed's text as sentences: Markdown marks and the `1]` numbering removed, the
    /// paragraphs that a page break split joined, white space folded.
    static func seedSentences() throws -> [String] {
        let seed = try String(contentsOf: Paths.seed, encoding: .utf8)
        var sentences: [String] = []
        for line in seed.split(separator: "\n") {
            var text = String(line)
            if text.hasPrefix("#") {
                text = text.drop { $0 == "#" || $0 == " " }.replacingOccurrences(of: "**", with: "")
                if let bracket = text.range(of: "] "), text[..<bracket.lowerBound].allSatisfy(\.isNumber) {
                    text = String(text[bracket.upperBound...])
                }
                sentences.append(text)
                continue
            }
            sentences.append(text.replacingOccurrences(of: "*", with: ""))
        }
        // Split paragraphs into sentences at ". ", keeping each sentence's full stop.
        let joined = sentences.joined(separator: "\n")
        return joined.components(separatedBy: "\n").flatMap { paragraph -> [String] in
            paragraph.components(separatedBy: ". ").enumerated().map { index, part in
                let parts = paragraph.components(separatedBy: ". ")
                return index < parts.count - 1 ? part + "." : part
            }
        }.map(fold).filter { !$0.isEmpty }
    }

    static func fold(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

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
