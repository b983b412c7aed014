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
        let parts = result.status == 0 ? "" : try Self.zipParts(result.output, common)
        #expect(result.status == 0, "changed files:\n\(result.output)\(result.standardError)\(parts)")
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

    /// For a workbook or Word file `--check` found changed: the parts of the zip that differ
    /// from a fresh export's, so a failure that does not come back can still be read in the
    /// log. Empty when the check passed.
    static func zipParts(_ checkOutput: String, _ arguments: [String]) throws -> String {
        let changed = checkOutput.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("differs: "), line.hasSuffix(".xlsx") || line.hasSuffix(".docx") else { return nil }
            return String(line.dropFirst("differs: ".count))
        }
        guard !changed.isEmpty else { return "" }
        let scratch = try Paths.temporaryDirectory("golden-zip")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var common = arguments
        if let output = common.firstIndex(of: "-o") { common[output + 1] = scratch.path }
        _ = try ProcessRunner.juryreport(["export"] + common)
        let compare = """
            import sys, zipfile
            a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
            for name in sorted(set(a.namelist()) | set(b.namelist())):
                x = a.read(name) if name in a.namelist() else None
                y = b.read(name) if name in b.namelist() else None
                if x != y:
                    at = next((i for i, (p, q) in enumerate(zip(x or b"", y or b"")) if p != q), min(len(x or b""), len(y or b"")))
                    print("  part", name, "differs at byte", at, repr((x or b"")[max(0, at - 60):at + 60]), "now", repr((y or b"")[max(0, at - 60):at + 60]))
            """
        var report = "\nthe parts that differ (the golden file, then a fresh export):\n"
        for path in changed {
            let fresh = scratch.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path
            report += try ProcessRunner.run(tool: "python3", ["-c", compare, path, fresh]).output
        }
        return report
    }
}
