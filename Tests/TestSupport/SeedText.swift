import Foundation

/// The seed report's text, read independently of the code under test.
public enum SeedText {
    /// The seed's text as sentences: Markdown marks and the `1]` numbering removed, the
    /// paragraphs that a page break split joined, white space folded.
    public static func sentences() throws -> [String] {
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

    public static func fold(_ text: String) -> String {
        Quotes.straightened(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
