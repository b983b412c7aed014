import Testing
@testable import JuryReportCore

@Suite("Year ranges")
struct YearRangesTests {
    /// What the scanner stands for: Swift's regular expression, run here only.
    static func byRegex(_ text: String) throws -> String {
        let pattern = try Regex(#"\d{4}[-\u{2013}]\d{2,4}"#)
        return text.replacing(pattern) { "<\(text[$0.range])>" }
    }

    @Test("the ranges a report has", arguments: [
        ("Pro-Motor Award 2019-2020", "Pro-Motor Award <2019-2020>"),
        ("2019–20 and 2021-2022.", "<2019–20> and <2021-2022>."),
        ("12019-20201", "1<2019-2020>1"),
        ("2019-2 2019- 201-2020", "2019-2 2019- 201-2020"),
        ("٢٠١٩-٢٠٢٠", "<٢٠١٩-٢٠٢٠>"),
        ("no range here", "no range here"),
    ])
    func examples(_ text: String, _ expected: String) throws {
        #expect(YearRanges.replacing(in: text) { "<\($0)>" } == expected)
        #expect(try Self.byRegex(text) == expected)
    }

    @Test("random text of digits of several scripts, dashes and combining marks: the same as the regular expression")
    func againstTheRegex() throws {
        let alphabet: [String] = ["1", "2", "0", "9", "٣", "²", "¼", "-", "–", "‒", "\u{301}", "a", " ", "1\u{20E3}", "é"]
        var generator = SystemRandomNumberGenerator()
        var differences: [String] = []
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            if YearRanges.replacing(in: text, { "<\($0)>" }) != (try Self.byRegex(text)) { differences.append(text) }
        }
        let count = differences.count
        #expect(count == 0, "the first: \(differences.prefix(5).map { Array($0.unicodeScalars) })")
    }
}
