import Foundation
import JuryReport
import JuryReportJudging
import Testing
import TestSupport

/// Every input the fuzzer ever found interesting, kept under Fixtures/fuzz/, and the
/// fixture editions, run through the fuzzer's checks.
@Suite("Fuzz regressions", .onTestPool)
struct FuzzRegressionTests {
    static let inputs: [String] = {
        let directory = Paths.fixtures.appendingPathComponent("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".bin") }.sorted()
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

    static let forms: [String] = {
        let directory = Paths.fixtures.appendingPathComponent("fuzz/forms")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".xlsx") }.sorted()
    }()

    @Test("kept forms: read, checked against the judging fixture, nothing outside the limits", arguments: forms)
    func keptForm(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Paths.fixtures.appendingPathComponent("fuzz/forms").appendingPathComponent(name)))
        let edition = try EditionLoader().load(contentsOf: Paths.edition("judging.yaml"))
        #expect(FuzzedForm.check(bytes, edition: edition) == nil)
    }

    @Test("the form target tells a good form from the crash input: one read, one refused by its reference")
    func formSeeds() throws {
        let directory = Paths.fixtures.appendingPathComponent("fuzz/forms")
        let form = try WorkbookReader(limits: FuzzedForm.limits).read(directory.appendingPathComponent("filled-by-openpyxl.xlsx").path)
        #expect(form.sheets.contains { $0.cells.contains { $0.row == 7 && $0.column == 3 && $0.value == .number(7) } })
        let crash = directory.appendingPathComponent("column-of-14-letters.xlsx").path
        #expect {
            try WorkbookReader(limits: FuzzedForm.limits).read(crash, name: "crash.xlsx")
        } throws: { error in
            (error as? WorkbookReader.Failure)?.message == "the cell reference 'AAAAAAAAAAAAAAD8' is outside a worksheet"
        }
    }

    @Test("the list of kept inputs is not empty")
    func notEmpty() {
        #expect(Self.inputs.count >= 5)
        #expect(Self.forms.count >= 3)
    }
}
