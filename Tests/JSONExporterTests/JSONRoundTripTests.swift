import Foundation
import JSONExporter
import JuryReportCore
import Testing
import TestSupport

@Suite("The json format", .onTestPool)
struct JSONRoundTripTests {
    static let fixtures = ["pro-motor-award-2019-2020.yaml", "scored.yaml", "hostile.yaml", "hostile.json", "every-field.json"]

    @Test(
        "every mapping of the canonical JSON has the described keys, in the described order",
        .requires(.python3))
    func keysAsDescribed() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("every-field.json"))
        let directory = try Paths.temporaryDirectory("json")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("every-field.json")
        // With its standings, as the json format writes it.
        try Data(EditionJSON.encode(edition, standings: Standings(edition))).write(to: file)
        let keys = try IndependentReaders.run("read_json_keys.py", [file.path], as: [String: [String]].self)
        for (object, path) in FieldInstances.all {
            // The scores and remarks of a scoresFile and remarksFile are written inline: the
            // canonical JSON stands alone.
            let described = object.keys.filter { !(path.isEmpty && ($0 == "scoresFile" || $0 == "remarksFile")) }
            #expect(keys[FieldInstances.text(path)] == described, "\(object.name) at '\(FieldInstances.text(path))'")
        }
    }

    @Test("the canonical JSON loads back to the same edition", arguments: fixtures)
    func roundTrip(fixture: String) throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition(fixture))
        let json = EditionJSON.encode(edition)
        // Beside the fixture: a logo's path is relative to the edition file.
        let again = try EditionLoader().load(
            bytes: json, syntax: .json, name: "canonical.json", directory: Paths.edition(fixture).deletingLastPathComponent())
        var inline = edition
        inline.scoresFile = nil
        inline.remarksFile = nil
        #expect(again == inline, "the scores and remarks of a scoresFile and remarksFile are inline in the JSON")
        #expect(EditionJSON.encode(again) == json, "canonical: encoding it again changes nothing")
    }

    @Test("Python's json module reads it, and the JSON Schema accepts it", .requires(.jsonschema))
    func independentReader() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        let directory = try Paths.temporaryDirectory("json")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("edition.json")
        try Data(EditionJSON.encode(edition)).write(to: file)
        let schema = directory.appendingPathComponent("schema.json")
        try Data(EditionSchema.json.utf8).write(to: schema)
        let script = """
            import json, sys, jsonschema
            document = json.load(open(sys.argv[1], encoding="utf-8"))
            jsonschema.Draft202012Validator(json.load(open(sys.argv[2]))).validate(document)
            print(json.dumps([n["name"] for n in document["nominees"]], ensure_ascii=False))
            """
        let result = try ProcessRunner.run(tool: "python3", ["-c", script, file.path, schema.path])
        #expect(result.status == 0, "\(result.standardError)")
        let names = try JSONDecoder().decode([String].self, from: Data(result.standardOutput))
        #expect(names == edition.nominees.map(\.name))
    }

    @Test("every default is filled in")
    func defaults() throws {
        let yaml = """
            format: jury-report/1
            award: { name: Prix Élan }
            edition: { year: 2021 }
            nominees: [{ id: a, name: A }, { id: b, name: B }]
            verdict: { winner: a }
            jury: [{ id: j, name: J }]
            """
        let edition = try EditionLoader().load(bytes: Array(yaml.utf8), syntax: .yaml, name: "e.yaml")
        let text = String(decoding: EditionJSON.encode(edition), as: UTF8.self)
        for fragment in [
            #""slug": "prix-elan""#, #""language": "en""#, #""title": "Jury report""#,
            #""min": 1"#, #""max": 10"#, #""number": 2"#, #""chair": false"#, #""mentions": []"#,
            #""labels": {}"#, #""numbering": true"#, #""decimals": 2"#, #""quotes": "typographic""#,
        ] {
            #expect(text.contains(fragment), "\(fragment)")
        }
    }
}
