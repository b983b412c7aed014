import Foundation
import Testing
import TestSupport
@testable import JuryReportCore

@Suite("Loading edition files", .onTestPool)
struct LoadingTests {
    let loader = EditionLoader()

    func load(_ yaml: String, _ syntax: EditionSyntax = .yaml) throws -> Edition {
        try loader.load(bytes: Array(yaml.utf8), syntax: syntax, name: "test.\(syntax.rawValue)")
    }

    static let minimal = """
        format: jury-report/1
        award: { name: Pro-motor Award }
        edition: { year: 2020 }
        nominees: [{ id: a, name: A }]
        verdict: { winner: a }
        jury: [{ id: j, name: J }]
        """

    @Test("text fields keep the text written: NO, yes, 2020, 0755, 12:30, ~ in quotes")
    func scalarsAsWritten() throws {
        let edition = try load(Self.minimal.replacingOccurrences(
            of: "{ id: a, name: A }",
            with: "{ id: a, name: 2020, lead: NO, location: yes, sector: 0755, summary: 12:30, partners: [off, \"~\", 1e3] }"))
        let nominee = edition.nominees[0]
        #expect(nominee.name == "2020")
        #expect(nominee.lead == "NO")
        #expect(nominee.location == "yes")
        #expect(nominee.sector == "0755")
        #expect(nominee.summary == "12:30")
        #expect(nominee.partners == ["off", "~", "1e3"])
    }

    @Test("JSON numbers and literals in text fields read as written")
    func jsonScalarsAsWritten() throws {
        let json = """
            {"format": "jury-report/1", "award": {"name": "A"}, "edition": {"year": 2020, "period": 2020},
             "nominees": [{"id": "a", "name": 1.50, "lead": true}], "verdict": {"winner": "a"},
             "jury": [{"id": "j", "name": "J"}]}
            """
        let edition = try load(json, .json)
        #expect(edition.details.period == "2020")
        #expect(edition.nominees[0].name == "1.50")
        #expect(edition.nominees[0].lead == "true")
    }

    @Test("YAML and JSON forms of the hostile edition load alike")
    func yamlAndJSONAgree() throws {
        let yaml = try loader.load(contentsOf: Paths.edition("hostile.yaml"))
        let json = try loader.load(contentsOf: Paths.edition("hostile.json"))
        var trimmed = yaml
        trimmed.nominees.removeLast()  // the YAML file adds a nominee of plain scalars
        #expect(trimmed == json)
        #expect(json.nominees.map(\.name) == HostileText.samples)
    }

    @Test("defaults are filled in")
    func defaults() throws {
        let edition = try load(Self.minimal)
        #expect(edition.award.slug == "pro-motor-award")
        #expect(edition.details.language == "en")
        // The report's name alone: the title block shows the award and edition around it.
        #expect(edition.details.title == "Jury report")
        let outline = ExportRequest(edition: edition).outline
        #expect(outline.metadata.title == "Jury report Pro-motor Award 2020", "a window's title stands alone")
        #expect(edition.scale == .standard)
        #expect(edition.nominees[0].number == 1)
        #expect(edition.baseName == "pro-motor-award-2020")
    }

    @Test("slugs drop accents and join other runs with hyphens", arguments: [
        ("Pro-motor Award", "pro-motor-award"),
        ("Prix Élan — Øresund 2024!", "prix-elan-oresund-2024"),
        ("  Straße & Co.  ", "strasse-co"),
        ("日本", "award"),
    ])
    func slugs(name: String, slug: String) {
        #expect(Slug.derive(from: name) == slug)
        #expect(Slug.isValid(slug))
    }

    @Test("numbers in the shortest form that reads back", arguments: [
        (7.25, "7.25"), (8.0, "8"), (22.0 / 3.0, "7.333333333333333"), (-5, "-5"), (0.1 + 0.2, "0.30000000000000004"),
    ])
    func shortestNumbers(value: Double, text: String) {
        #expect(NumberText.shortest(value) == text)
        #expect(Double(text) == value)
    }

    @Test("aliases within the bound are allowed")
    func smallAliases() throws {
        let yaml = Self.minimal.replacingOccurrences(of: "jury: [{ id: j, name: J }]", with: """
            jury:
              - &member { id: j, name: J }
            signature: &sig Signed
            """)
        let edition = try load(yaml + "\n")
        #expect(edition.signature == "Signed")
    }

    /// Long lists are read in parts on every core: the edition and the diagnostics must be
    /// those of reading in order, with paths and positions of the file's own indexes.
    @Test("a long list read in parts keeps order, defaults, paths and positions")
    func longListsReadInParts() throws {
        let count = 10_000
        func nominee(_ index: Int) -> String {
            switch index {
            case 3: return #"{"id": "n3", "nmae": "N3", "name": "N3"},"#
            case 7, 8_000: return #"{"id": "n\#(index)"},"#
            case 9_000: return #"{"id": "n5", "name": "Copy of N5"},"#
            default: return #"{"id": "n\#(index)", "name": "N\#(index)"},"#
            }
        }
        // One nominee per line: nominee i is on line i + 2.
        var lines = [#"{"format": "jury-report/1", "award": {"name": "A"}, "edition": {"year": 2020}, "nominees": ["#]
        lines += (0..<count).map(nominee)
        lines[lines.count - 1].removeLast()  // the last comma
        lines.append(#"], "verdict": {"winner": "n0"}, "jury": [{"id": "j", "name": "J"}]}"#)
        let bytes = Array(lines.joined(separator: "\n").utf8)

        let error = #expect(throws: EditionError.self) {
            try loader.load(bytes: bytes, syntax: .json, name: "long.json")
        }
        let expected = [
            "long.json:5:14: error: nominees[3].nmae: unknown key 'nmae'; known keys here: "
                + "id, name, number, lead, location, sector, partners, summary, body, facts, url",
            "long.json:9:1: error: nominees[7].name: is required",
            "long.json:8002:1: error: nominees[8000].name: is required",
            "long.json:9002:8: error: nominees[9000].id: duplicate id 'n5', already used by nominees[5]",
        ]
        #expect(error?.diagnostics.map(\.description) == expected)

        // Without the faults: every nominee, in order, numbered by its place in the file.
        lines[4] = #"{"id": "n3", "name": "N3"},"#
        lines[8] = #"{"id": "n7", "name": "N7"},"#
        lines[8_001] = #"{"id": "n8000", "name": "N8000"},"#
        lines[9_001] = #"{"id": "n9000", "name": "N9000"},"#
        let edition = try loader.load(bytes: Array(lines.joined(separator: "\n").utf8), syntax: .json, name: "long.json")
        #expect(edition.nominees.map(\.id) == (0..<count).map { "n\($0)" })
        #expect(edition.nominees.map(\.number) == Array(1...count))
    }

    /// Keys are compared one by one while a mapping has few, through a set once it has
    /// many: both must find a duplicate, and neither may invent one.
    @Test("duplicate keys are found in small and large mappings, in YAML and JSON", arguments: [3, 40])
    func duplicateKeys(keyCount: Int) throws {
        let keys = (0..<keyCount).map { "extra\($0)" }
        let yamlKeys = keys.map { "  \($0): x\n" }.joined()
        let yaml = "format: jury-report/1\naward:\n  name: A\n\(yamlKeys)edition: { year: 2020 }\n"
            + "nominees: [{ id: a, name: A }]\nverdict: { winner: a }\njury: [{ id: j, name: J }]\n"
        let jsonKeys = keys.map { #""\#($0)": "x", "# }.joined()
        let json = #"{"format": "jury-report/1", "award": {\#(jsonKeys)"name": "A"}, "edition": {"year": 2020}, "#
            + #""nominees": [{"id": "a", "name": "A"}], "verdict": {"winner": "a"}, "jury": [{"id": "j", "name": "J"}]}"#
        for (text, syntax) in [(yaml, EditionSyntax.yaml), (json, .json)] {
            // Distinct keys: unknown, never duplicate.
            let error = #expect(throws: EditionError.self) { try load(text, syntax) }
            let messages = error?.diagnostics.map(\.message) ?? []
            #expect(messages.count == keyCount && messages.allSatisfy { $0.hasPrefix("unknown key") }, "\(syntax): \(messages)")
            // The last key written again: a duplicate, at the second one.
            let last = keys[keys.count - 1]
            let doubled = syntax == .yaml
                ? text.replacingOccurrences(of: "  \(last): x\n", with: "  \(last): x\n  \(last): y\n")
                : text.replacingOccurrences(of: #""\#(last)": "x", "#, with: #""\#(last)": "x", "\#(last)": "y", "#)
            let duplicate = #expect(throws: EditionError.self) { try load(doubled, syntax) }
            #expect(duplicate?.diagnostics.map(\.message) == ["duplicate key '\(last)'"], "\(syntax)")
        }
    }

    @Test("the bundled edition loads and matches the seed's facts")
    func bundled() throws {
        let edition = try loader.load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        #expect(edition.nominees.map(\.name) == [
            "Betonstaal", "Cleantech Center", "Cybercrimineel", "Talent IT Twente",
            "Young Professionals Community Logistiek",
        ])
        #expect(edition.winner?.name == "Cleantech Center")
        #expect(edition.chair?.name == "Jacco Vonhof")
        #expect(edition.jury.count == 6)
        #expect(edition.details.language == "nl")
        #expect(edition.baseName == "pro-motor-award-2020")
        #expect(edition.scores.isEmpty && edition.criteria.isEmpty && edition.details.date == nil)
    }
}
