import Foundation
import JuryReport
import Testing
import TestSupport

/// Every input the fuzzer ever found interesting, kept under Fixtures/fuzz/, and the
/// fixture editions, run through the fuzzer's checks.
@Suite("Fuzz regressions", .onTestPool)
struct FuzzRegressionTests {
    static let inputs: [String] = {
        let directory = Paths.fixtures.appendingPathComponent("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }()

    @Test("kept inputs", arguments: inputs)
    func kept(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Paths.fixtures.appendingPathComponent("fuzz").appendingPathComponent(name)))
        #expect(FuzzedEdition.check(bytes) == nil)
    }

    @Test("the fixture editions, as the fuzzer's seeds", arguments: ["pro-motor-award-2019-2020.yaml", "scored.yaml", "hostile.yaml", "hostile.json"])
    func seeds(name: String) throws {
        let prefix: UInt8 = name.hasSuffix(".json") ? 1 : 0
        let bytes = [prefix] + [UInt8](try Data(contentsOf: Paths.edition(name)))
        #expect(FuzzedEdition.check(bytes) == nil)
    }

    @Test("a structure recipe reaches what it is written for: aliased lists past their limits are refused")
    func structure() throws {
        let recipe = [UInt8](try Data(contentsOf: Paths.fixtures.appendingPathComponent("fuzz/structure-aliases-past-limits.bin")))
        let yaml = String(decoding: FuzzedStructure.yaml(Array(recipe.dropFirst())), as: UTF8.self)
        #expect(yaml.contains("  - *c0\n") && yaml.contains("  - *j0\n"))
        do {
            _ = try EditionLoader().load(bytes: Array(yaml.utf8), syntax: .yaml, name: "recipe")
            Issue.record("the recipe's edition loaded")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains { $0.contains("criteria: at most 1000 entries") || $0.contains("at most 1000 entries") }, "\(messages)")
            #expect(messages.contains { $0.contains("at most 10000 entries") }, "\(messages)")
        }
    }

    @Test("the list of kept inputs is not empty")
    func notEmpty() {
        #expect(Self.inputs.count >= 5)
    }
}
