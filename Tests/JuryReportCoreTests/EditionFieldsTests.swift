import Foundation
import JuryReportCore
import Testing
import TestSupport

/// The one description of the fields against what reads and explains them: the reader's
/// keys and required fields, the JSON Schema.
@Suite("EditionFields, the one description of the fields", .onTestPool)
struct EditionFieldsTests {
    static func everyField() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: Paths.edition("every-field.json")))
    }

    @Test("the fixture holds every described key of every object, and nothing else")
    func fixtureIsComplete() throws {
        let document = try Self.everyField()
        #expect(FieldInstances.all.count == EditionFields.objects.count + 1, "sections and analysis share one object")
        for (object, path) in FieldInstances.all {
            let mapping = try #require(FieldInstances.value(in: document, at: path) as? [String: Any], "\(path)")
            #expect(Set(mapping.keys) == Set(object.keys), "\(FieldInstances.text(path))")
        }
    }

    @Test("the reader requires exactly the fields the description marks required")
    func requiredFields() throws {
        let document = try Self.everyField()
        #expect(throws: Never.self) { try EditionLoader().load(contentsOf: Paths.edition("every-field.json")) }
        // Rules between fields, which the description does not hold: a score names a
        // criterion exactly when criteria exist (so neither can go alone).
        let refusedByValidation = ["scores[0].criterion", "criteria"]
        var checked = 0
        for (object, path) in FieldInstances.all {
            for field in object.fields {
                let fieldPath = [FieldInstances.text(path), field.key].filter { !$0.isEmpty }.joined(separator: ".")
                let bytes = try JSONSerialization.data(withJSONObject: FieldInstances.changing(at: path, in: document) { $0.removeValue(forKey: field.key) })
                let outcome = Result { try EditionLoader().load(bytes: [UInt8](bytes), syntax: .json, name: "every-field.json", directory: Paths.edition("every-field.json").deletingLastPathComponent()) }
                let diagnostics = (outcome.failureValue as? EditionError)?.diagnostics ?? []
                let saysRequired = diagnostics.contains { $0.path?.description == fieldPath && $0.message == "is required" }
                if field.isRequired {
                    #expect(saysRequired, "\(fieldPath) is described as required: \(diagnostics)")
                } else if refusedByValidation.contains(fieldPath) {
                    #expect(!diagnostics.isEmpty && !saysRequired, "\(fieldPath)")
                } else {
                    #expect(diagnostics.isEmpty, "\(fieldPath) is described as optional: \(diagnostics)")
                }
                checked += 1
            }
        }
        #expect(checked == FieldInstances.all.reduce(0) { $0 + $1.object.fields.count })
    }

    @Test("an unknown key is refused in every object, with the described keys suggested")
    func unknownKeys() throws {
        for (object, path) in FieldInstances.all {
            var document = try Self.everyField()
            let key = object.keys[0] + "x"
            document = FieldInstances.changing(at: path, in: document) { $0[key] = "x" }
            let bytes = try JSONSerialization.data(withJSONObject: document)
            let error = try #require(throws: EditionError.self) {
                try EditionLoader().load(bytes: [UInt8](bytes), syntax: .json, name: "every-field.json", directory: Paths.edition("every-field.json").deletingLastPathComponent())
            }
            let fieldPath = [FieldInstances.text(path), key].filter { !$0.isEmpty }.joined(separator: ".")
            #expect(error.diagnostics.contains { $0.path?.description == fieldPath && $0.message.contains("did you mean '\(object.keys[0])'") },
                "\(fieldPath): \(error.diagnostics)")
        }
    }
}

extension Result {
    fileprivate var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
