import Foundation
import Testing
import TestSupport

/// The files of three editions, byte for byte, against `Fixtures/golden/`.
///
/// A golden file only proves that the output did not change; what the output says is checked
/// by the readers' tests (cmark-gfm, pdftotext, openpyxl, the Nu validator, Chromium). The
/// check runs the tool's own `export --check`, so it also tests that command end to end.
/// To re-record after an intended change: `JURYREPORT_RECORD_GOLDEN=1 swift test --filter
/// GoldenOutputTests` — it writes the files and then fails, so a person reviews the diff.
@Suite("golden outputs", .onTestPool)
struct GoldenOutputTests {
    static let cases: [(edition: String?, folder: String, formats: String)] = [
        (nil, "bundled", "markdown,csv,xlsx,latex,html,json,docx"),
        ("scored.yaml", "scored", "markdown,csv,xlsx,latex,html,json,docx"),
        ("hostile.json", "hostile", "markdown,csv,latex,html,json,docx"),
    ]

    @Test("every format of the bundled, a scored and the hostile edition is unchanged", arguments: 0..<cases.count)
    func unchanged(index: Int) throws {
        let golden = Paths.fixtures.appendingPathComponent("golden").appendingPathComponent(Self.cases[index].folder)
        let edition = Self.cases[index].edition.map { [Paths.edition($0).path] } ?? []
        let common = edition + ["-f", Self.cases[index].formats, "-o", golden.path, "-q"]
        if ProcessInfo.processInfo.environment["JURYREPORT_RECORD_GOLDEN"] != nil {
            let result = try ProcessRunner.juryreport(["export"] + common)
            #expect(result.status == 0, "\(result.standardError)")
            Issue.record("recorded \(golden.path): review the diff, then run the tests without JURYREPORT_RECORD_GOLDEN")
            return
        }
        let result = try ProcessRunner.juryreport(["export", "--check"] + common)
        #expect(result.status == 0, "changed files:\n\(result.output)\(result.standardError)")
        // The check itself can fail: a changed byte is found.
        let scratch = try Paths.temporaryDirectory("golden")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let names = try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            var bytes = try Data(contentsOf: golden.appendingPathComponent(name))
            if name == names.first { bytes.append(0x20) }
            try bytes.write(to: scratch.appendingPathComponent(name))
        }
        let changed = try ProcessRunner.juryreport(["export", "--check"] + edition + ["-f", Self.cases[index].formats, "-o", scratch.path, "-q"])
        #expect(changed.status == 1)
        #expect(changed.output.contains("differs: \(scratch.path)/\(names[0])"), "\(changed.output)")
    }
}
