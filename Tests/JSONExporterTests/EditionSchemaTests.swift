import Foundation
import JSONExporter
import JuryReportCore
import Testing
import TestSupport

/// The JSON Schema of the edition file, made from the one description of its fields.
@Suite("The JSON Schema", .onTestPool)
struct EditionSchemaTests {
    @Test("the JSON Schema has every object's keys and required keys from the description")
    func schema() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(EditionSchema.json.utf8)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for object in EditionFields.objects {
            let node = try #require((object.name == EditionFields.root.name ? schema : definitions[object.name]) as? [String: Any])
            let properties = try #require(node["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(object.keys), "\(object.name)")
            #expect(Set(node["required"] as? [String] ?? []) == Set(object.requiredKeys), "\(object.name)")
            #expect(node["additionalProperties"] as? Bool == false)
        }
    }
}
