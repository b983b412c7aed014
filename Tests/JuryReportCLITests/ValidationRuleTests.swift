import Foundation
import Testing
import TestSupport

/// One case per validation rule of SPEC section 1: the file, the exit code of
/// `juryreport validate`, and the diagnostic: field path and line:column.
struct ValidationRule: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var fileExtension = "yaml"
    /// The field path the diagnostic names ("" for none).
    var path: String
    /// Text where the diagnostic must point (its first occurrence, or `occurrence`).
    var at: String?
    var occurrence = 1
    /// Words the message must hold.
    var message: String
    var testDescription: String { name }
}

/// A valid edition to break, one rule at a time.
private func edition(
    award: String = "  name: Test Award",
    nominees: String = """
          - id: one
            name: One
          - id: two
            name: Two
        """,
    verdict: String = "  winner: one",
    jury: String = "  - id: ann\n    name: Ann",
    extra: String = ""
) -> String {
    """
    format: jury-report/1
    award:
    \(award)
    edition:
      year: 2024
    nominees:
    \(nominees)
    verdict:
    \(verdict)
    jury:
    \(jury)
    \(extra)
    """
}

private let scoredExtra = """
    criteria:
      - { id: impact, name: Impact }
    scores:
      - { juror: ann, nominee: one, criterion: impact, score: 8 }
    """

private let rules: [ValidationRule] = [
    ValidationRule(
        name: "a required field missing", yaml: edition(award: "  organizer: Katapult"),
        path: "award.name", at: "organizer", message: "is required"),
    ValidationRule(
        name: "a required field that is null is missing",
        yaml: edition(nominees: "  - id: one\n    name: null"),
        path: "nominees[0].name", at: "null", message: "is required but null"),
    ValidationRule(
        name: "a required field that is ~ is missing",
        yaml: edition(jury: "  - id: ann\n    name: ~"),
        path: "jury[0].name", at: "~", message: "is required but null"),
    ValidationRule(
        name: "a required top-level part missing",
        yaml: "format: jury-report/1\naward:\n  name: A\nedition:\n  year: 2024\nverdict:\n  winner: x\njury:\n  - { id: a, name: A }\n",
        path: "nominees", at: "format", message: "is required"),
    ValidationRule(
        name: "at least one nominee", yaml: edition(nominees: "  []"),
        path: "nominees", at: "[]", message: "at least one"),
    ValidationRule(
        name: "ids well-formed", yaml: edition(nominees: "  - id: Two Words\n    name: One"),
        path: "nominees[0].id", at: "Two Words", message: "not a valid id"),
    ValidationRule(
        name: "ids unique", yaml: edition(nominees: "  - id: one\n    name: One\n  - id: one\n    name: Again"),
        path: "nominees[1].id", at: "one", occurrence: 2, message: "duplicate id 'one'"),
    ValidationRule(
        name: "the winner refers to a nominee", yaml: edition(verdict: "  winner: three"),
        path: "verdict.winner", at: "three", message: "refers to no nominee"),
    ValidationRule(
        name: "mentions refer to nominees", yaml: edition(verdict: "  winner: one\n  mentions: [two, three]"),
        path: "verdict.mentions[1]", at: "three", message: "refers to no nominee"),
    ValidationRule(
        name: "a score's juror exists",
        yaml: edition(extra: "scores:\n  - { juror: bob, nominee: one, score: 8 }"),
        path: "scores[0].juror", at: "bob", message: "refers to no jury member"),
    ValidationRule(
        name: "a score's nominee exists",
        yaml: edition(extra: "scores:\n  - { juror: ann, nominee: nine, score: 8 }"),
        path: "scores[0].nominee", at: "nine", message: "refers to no nominee"),
    ValidationRule(
        name: "a score's criterion exists",
        yaml: edition(extra: "criteria:\n  - { id: impact, name: Impact }\nscores:\n  - { juror: ann, nominee: one, criterion: beauty, score: 8 }"),
        path: "scores[0].criterion", at: "beauty", message: "refers to no criterion"),
    ValidationRule(
        name: "a criterion on every score when criteria exist",
        yaml: edition(extra: "criteria:\n  - { id: impact, name: Impact }\nscores:\n  - { juror: ann, nominee: one, score: 8 }"),
        path: "scores[0].criterion", at: "{ juror", message: "because the edition has criteria"),
    ValidationRule(
        name: "no criterion on scores without criteria",
        yaml: edition(extra: "scores:\n  - { juror: ann, nominee: one, criterion: impact, score: 8 }"),
        path: "scores[0].criterion", at: "impact", message: "has no criteria"),
    ValidationRule(
        name: "a score is a finite number (NaN)",
        yaml: edition(extra: "scores:\n  - { juror: ann, nominee: one, score: .nan }"),
        path: "scores[0].score", at: ".nan", message: "finite number"),
    ValidationRule(
        name: "a score is a finite number (infinity)",
        yaml: edition(extra: "scores:\n  - { juror: ann, nominee: one, score: .inf }"),
        path: "scores[0].score", at: ".inf", message: "finite number"),
    ValidationRule(
        name: "a score is a number, not text",
        yaml: edition(extra: "scores:\n  - { juror: ann, nominee: one, score: \"8\" }"),
        path: "scores[0].score", at: "\"8\"", message: "expected a number"),
    ValidationRule(
        name: "a score inside the scale",
        yaml: edition(extra: "scale: { min: 1, max: 5 }\nscores:\n  - { juror: ann, nominee: one, score: 7 }"),
        path: "scores[0].score", at: "7", message: "outside the scale 1 to 5"),
    ValidationRule(
        name: "no duplicate (juror, nominee, criterion)",
        yaml: edition(extra: scoredExtra + "\n  - { juror: ann, nominee: one, criterion: impact, score: 6 }"),
        path: "scores[1]", at: "{ juror", occurrence: 2, message: "a second score by the same juror"),
    ValidationRule(
        name: "at most one chair",
        yaml: edition(jury: "  - { id: ann, name: Ann, chair: true }\n  - { id: bob, name: Bob, chair: true }"),
        path: "jury[1].chair", at: "true", occurrence: 2, message: "only one jury member can be the chair"),
    ValidationRule(
        name: "no duplicate keys in YAML", yaml: edition(award: "  name: A\n  name: B"),
        path: "", at: "name: B", message: "duplicate key 'name'"),
    ValidationRule(
        name: "no duplicate keys in JSON",
        yaml: #"{"format": "jury-report/1", "format": "jury-report/1"}"#, fileExtension: "json",
        path: "", at: #""format": "jury-report/1"}"#, message: "duplicate key 'format'"),
    ValidationRule(
        name: "unknown keys refused", yaml: edition(extra: "nomineees: []"),
        path: "nomineees", at: "nomineees", message: "did you mean 'nominees'"),
    ValidationRule(
        name: "unknown keys refused inside lists",
        yaml: edition(nominees: "  - id: one\n    name: One\n    loaction: Utrecht"),
        path: "nominees[0].loaction", at: "loaction", message: "did you mean 'location'"),
    ValidationRule(
        name: "control characters refused", yaml: edition(nominees: "  - id: one\n    name: \"bell\\x07\""),
        path: "nominees[0].name", at: "\"bell", message: "control character U+0007"),
    ValidationRule(
        name: "terminal escapes refused", yaml: edition(nominees: "  - id: one\n    name: \"\\e[31mred\""),
        path: "nominees[0].name", at: "\"\\e", message: "control character U+001B"),
    ValidationRule(
        name: "noncharacters refused", yaml: edition(nominees: "  - id: one\n    name: \"x\\uFFFF\""),
        path: "nominees[0].name", at: "\"x", message: "noncharacter U+FFFF"),
    ValidationRule(
        name: "bidi controls refused", yaml: edition(nominees: "  - id: one\n    name: \"abc\\u202Edef\""),
        path: "nominees[0].name", at: "\"abc", message: "bidirectional control U+202E"),
    ValidationRule(
        name: "JSON control characters refused",
        yaml: #"{"format": "jury-report/1\u0000"}"#, fileExtension: "json",
        path: "format", at: #""jury"#, message: "control character U+0000"),
    ValidationRule(
        name: "the format version known", yaml: edition().replacingOccurrences(of: "jury-report/1", with: "jury-report/9"),
        path: "format", at: "jury-report/9", message: "unsupported format"),
    ValidationRule(
        name: "YAML syntax errors located", yaml: edition(award: "  name: [unclosed"),
        path: "", at: ":", occurrence: 4, message: "while parsing a flow sequence that starts at 3:9"),
    ValidationRule(
        name: "JSON syntax errors located", yaml: "{\n  \"format\": \"jury-report/1\",\n  \"award\": {,}\n}", fileExtension: "json",
        path: "", at: ",}", message: "expected a key"),
    ValidationRule(
        name: "criterion weights above zero",
        yaml: edition(extra: "criteria:\n  - { id: impact, name: Impact, weight: 0 }"),
        path: "criteria[0].weight", at: "0 }", message: "above 0"),
    ValidationRule(
        name: "a scale with min below max", yaml: edition(extra: "scale: { min: 10, max: 1 }"),
        path: "scale", at: "{ min", message: "'min' must be below 'max'"),
    // #16.4: totals of such numbers overflowed to inf and nan.
    ValidationRule(
        name: "a scale within 10^15", yaml: edition(extra: "scale: { min: 1, max: 1e308 }"),
        path: "scale.max", at: "1e308", message: "between -10^15 and 10^15"),
    ValidationRule(
        name: "weights within 10^15",
        yaml: edition(extra: "criteria:\n  - { id: impact, name: Impact, weight: 1e308 }"),
        path: "criteria[0].weight", at: "1e308", message: "between -10^15 and 10^15"),
    // #16.18: such a slug validated, but its temporary file names were too long to export.
    ValidationRule(
        name: "a slug of at most 200 characters",
        yaml: edition(award: "  name: Test Award\n  slug: " + String(repeating: "ab-", count: 76) + "end"),
        path: "award.slug", at: "ab-ab", message: "is 231 characters; a slug may have at most 200"),
    // #16.13: a byte order mark before a flow mapping was refused.
    ValidationRule(
        name: "YAML after a byte order mark, columns counted after it",
        yaml: "\u{FEFF}" + edition(award: "  { name: Test Award, bogus: 1 }").replacingOccurrences(of: "award:\n  {", with: "award: {"),
        path: "award.bogus", at: "bogus", message: "unknown key 'bogus'"),
    ValidationRule(
        name: "dates are real calendar dates",
        yaml: edition().replacingOccurrences(of: "  year: 2024", with: "  year: 2024\n  date: 2024-02-30"),
        path: "edition.date", at: "2024-02-30", message: "2024-02-30 is not a day of the calendar: February 2024 has 29 days"),
    ValidationRule(
        name: "years are whole numbers", yaml: edition().replacingOccurrences(of: "year: 2024", with: "year: twenty"),
        path: "edition.year", at: "twenty", message: "expected a number"),
    ValidationRule(
        name: "language tags well-formed",
        yaml: edition().replacingOccurrences(of: "  year: 2024", with: "  year: 2024\n  language: dutch!"),
        path: "edition.language", at: "dutch!", message: "BCP 47"),
    ValidationRule(
        name: "links only to http, https or mailto",
        yaml: edition(nominees: "  - id: one\n    name: One\n    body: \"[click](javascript:alert(1))\""),
        path: "nominees[0].body", at: "\"[click]", message: "absolute http, https or mailto"),
    ValidationRule(
        name: "lists where lists belong", yaml: edition(nominees: "  { id: one, name: One }"),
        path: "nominees", at: "{ id", message: "expected a list"),
    ValidationRule(
        name: "award slug well-formed", yaml: edition(award: "  name: A\n  slug: Not A Slug"),
        path: "award.slug", at: "Not A Slug", message: "not a valid id"),
]

/// Writes `bytes` to a file named `name` in a new directory and runs `juryreport validate`
/// on it; returns the result and the file's path.
private func validate(_ bytes: [UInt8], named name: String) throws -> (result: ProcessResult, path: String) {
    let directory = try Paths.temporaryDirectory("rule")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return (try ProcessRunner.juryreport(["validate", file.path]), file.path)
}

@Suite("Validation rules, through `juryreport validate`", .onTestPool)
struct ValidationRuleTests {
    @Test(arguments: rules)
    func rule(_ rule: ValidationRule) throws {
        let (result, path) = try validate(Array(rule.yaml.utf8), named: "edition.\(rule.fileExtension)")

        #expect(result.status == 65, "exit code; stderr: \(result.standardError)")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        let position = rule.at.map { SourceText.position(of: $0, in: rule.yaml, occurrence: rule.occurrence) }
        var expected = path
        if let position { expected += ":" + position }
        expected += ": error: "
        if !rule.path.isEmpty { expected += rule.path + ": " }
        let match = lines.first { $0.hasPrefix(expected) && $0.contains(rule.message) }
        #expect(match != nil, "expected a line starting \(expected) with '\(rule.message)'; got:\n\(result.standardError)")
        #expect(result.output.isEmpty, "nothing on stdout for an invalid file")
    }

    @Test("every fault is reported at once")
    func allAtOnce() throws {
        let yaml = edition(
            nominees: "  - id: Bad Id\n    name: One\n    colour: red",
            verdict: "  winner: nobody",
            jury: "  - { id: ann, name: Ann, chair: true }\n  - { id: bob, name: Bob, chair: true }")
        let (result, _) = try validate(Array(yaml.utf8), named: "edition.yaml")
        #expect(result.status == 65)
        for path in ["nominees[0].colour", "nominees[0].id", "verdict.winner", "jury[1].chair"] {
            #expect(result.standardError.contains(": error: \(path): "), "missing \(path) in:\n\(result.standardError)")
        }
        // In file order.
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 4)
    }

    /// Scores are checked through a table indexed by each id's place in its list: repeated
    /// ids (reported) must not throw a score of the last juror for the last nominee off it.
    @Test("repeated nominee and juror ids with scores: reported, never a crash")
    func repeatedIdsWithScores() throws {
        let yaml = edition(
            nominees: "  - { id: one, name: One }\n  - { id: one, name: Again }\n  - { id: two, name: Two }",
            jury: "  - { id: ann, name: Ann }\n  - { id: ann, name: Ann again }\n  - { id: bob, name: Bob }",
            extra: "scores:\n  - { juror: bob, nominee: two, score: 5 }\n  - { juror: bob, nominee: two, score: 6 }")
        let (result, _) = try validate(Array(yaml.utf8), named: "edition.yaml")
        #expect(result.status == 65, "\(result.standardError)")
        for path in ["nominees[1].id", "jury[1].id", "scores[1]"] {
            #expect(result.standardError.contains(": error: \(path): "), "missing \(path) in:\n\(result.standardError)")
        }
        #expect(result.standardError.split(separator: "\n").count == 3, "\(result.standardError)")
    }

    @Test("invalid UTF-8 is refused with its position, never replaced")
    func invalidUTF8() throws {
        var bytes = Array(edition().utf8)
        let nameAt = bytes.firstIndex(of: UInt8(ascii: "T"))!  // "Test Award" on line 3
        bytes.insert(contentsOf: [0xC3, 0x28], at: nameAt)
        let (result, path) = try validate(bytes, named: "edition.yaml")
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("\(path):3:9: error: the file is not valid UTF-8"), "\(result.standardError)")
    }

    @Test("a 'billion laughs' file is refused within a second")
    func billionLaughs() throws {
        var yaml = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        yaml += "format: jury-report/1\n"
        let start = Date()
        let (result, _) = try validate(Array(yaml.utf8), named: "laughs.yaml")
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status == 65)
        #expect(result.standardError.contains("aliases expand this file"), "\(result.standardError)")
        #expect(seconds < 1, "took \(seconds) s")
    }

    @Test("nesting is bounded, in YAML and JSON")
    func deepNesting() throws {
        for (name, text) in [
            ("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
            ("deep.yaml", "format: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
        ] {
            let (result, _) = try validate(Array(text.utf8), named: name)
            #expect(result.status == 65, "\(name): \(result.standardError)")
            #expect(result.standardError.contains("error:"))
        }
    }

    @Test("#16.5: aliases that repeat one nominee, juror and criterion past the limits exit 65, each list named")
    func aliasedLists() throws {
        // The red team's 2.1 million of each overflowed nominees × jury × criteria; one past
        // each limit is enough to show the lists are refused before they are multiplied.
        var yaml = "format: jury-report/1\naward: {name: A}\nedition: {year: 2024}\nverdict: {winner: n}\n"
        for (key, anchor, count) in [("criteria", "c", 1_001), ("nominees", "n", 1_000_001), ("jury", "j", 10_001)] {
            yaml += "\(key):\n  - &\(anchor) {id: \(anchor), name: X}\n" + String(repeating: "  - *\(anchor)\n", count: count - 1)
        }
        let (result, _) = try validate(Array(yaml.utf8), named: "aliases.yaml")
        #expect(result.status == 65, "\(result.standardError.prefix(2000))")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 3, "\(lines.prefix(5))")
        #expect(lines.contains { $0.hasSuffix(":6:3: error: criteria: at most 1000 entries are allowed; this list has 1001") }, "\(lines)")
        #expect(lines.contains { $0.hasSuffix("error: nominees: at most 1000000 entries are allowed; this list has 1000001") })
        #expect(lines.contains { $0.hasSuffix("error: jury: at most 10000 entries are allowed; this list has 10001") })
    }

    @Test("a missing file exits 66, an unknown extension 64")
    func inputErrors() throws {
        let missing = try ProcessRunner.juryreport(["validate", "/nonexistent/edition.yaml"])
        #expect(missing.status == 66)
        #expect(missing.standardError.hasPrefix("/nonexistent/edition.yaml: error: no such file"))
        let (unknown, _) = try validate(Array(edition().utf8), named: "edition.txt")
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("use .yaml, .yml or .json"))
    }

    @Test("a valid file exits 0")
    func valid() throws {
        let result = try ProcessRunner.juryreport(["validate", Paths.edition("scored.yaml").path, Paths.edition("hostile.json").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("scored.yaml: valid (5 nominees, 2 jury members, 16 scores)"))
    }
}
