import Foundation
import Testing
import TestSupport

/// #15.4: diagnostics a person who is not a developer can act on.
@Suite("Diagnostics in plain words", .onTestPool)
struct DiagnosticsTests {
    func edition(date: String? = nil, winner: String = "a") -> String {
        """
        format: jury-report/1
        award: {name: A}
        edition: {year: 2026\(date.map { ", date: \($0)" } ?? "")}
        nominees: [{id: a, name: A}, {id: b, name: B}]
        verdict: {winner: \(winner)}
        jury: [{id: j, name: J}]
        scores: [{juror: j, nominee: a, score: 5}, {juror: j, nominee: b, score: 8}]

        """
    }

    @Test("an impossible date says so", arguments: [
        ("2026-02-30", "2026-02-30 is not a day of the calendar: February 2026 has 28 days"),
        ("2025-02-29", "2025-02-29 is not a day of the calendar: February 2025 has 28 days"),
        ("2026-13-01", "2026-13-01 is not a day of the calendar: there is no month 13"),
        ("2026-04-31", "2026-04-31 is not a day of the calendar: April 2026 has 30 days"),
        ("2026-4-1", "expected a date as YYYY-MM-DD, found '2026-4-1'"),
    ])
    func impossibleDate(date: String, message: String) throws {
        let directory = try Paths.temporaryDirectory("dates")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("edition.yaml")
        try Data(edition(date: date).utf8).write(to: file)
        let result = try ProcessRunner.juryreport(["validate", file.path])
        #expect(result.status == 65)
        #expect(result.standardError == "\(file.path):3:29: error: edition.date: \(message)\n", "\(result.standardError)")
    }

    @Test("validate: a line per valid file beside an invalid one, and the warnings export gives")
    func validateEveryFile() throws {
        let directory = try Paths.temporaryDirectory("validate")
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.yaml")
        let bad = directory.appendingPathComponent("bad.yaml")
        try Data(edition(date: "2024-02-29", winner: "a").utf8).write(to: good)
        try Data(edition(date: "2026-02-30").utf8).write(to: bad)
        let result = try ProcessRunner.juryreport(["validate", good.path, bad.path])
        #expect(result.status == 65)
        #expect(result.output == "\(good.path): valid (2 nominees, 1 jury members, 2 scores)\n")
        #expect(result.standardError.contains("\(good.path): warning: the winner 'a' is ranked 2 by the scores; ranked first: 'b'"))
        #expect(result.standardError.contains("\(bad.path):3:29: error: edition.date: 2026-02-30 is not a day of the calendar"))
    }

    @Test("a directory means every edition file in it, in name order")
    func directoryArgument() throws {
        let directory = try Paths.temporaryDirectory("folder")
        defer { try? FileManager.default.removeItem(at: directory) }
        let editions = directory.appendingPathComponent("editions")
        try FileManager.default.createDirectory(at: editions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.edition("scored.yaml"), to: editions.appendingPathComponent("b-scored.yaml"))
        try FileManager.default.copyItem(at: Paths.edition("hostile.json"), to: editions.appendingPathComponent("a-hostile.json"))
        try Data("notes".utf8).write(to: editions.appendingPathComponent("README.txt"))
        let validated = try ProcessRunner.juryreport(["validate", editions.path])
        #expect(validated.status == 0, "\(validated.standardError)")
        let listed: [String] = validated.output.split(separator: "\n").map { line in String(line.split(separator: ":")[0]) }
        let expected: [String] = ["a-hostile.json", "b-scored.yaml"].map { editions.appendingPathComponent($0).path }
        #expect(listed == expected)
        let out = directory.appendingPathComponent("out")
        let exported = try ProcessRunner.juryreport(["export", editions.path, "-f", "md", "-o", out.path])
        #expect(exported.status == 0)
        #expect(Paths.reports(in: out) == ["hostile-award-2024.md", "open-data-award-2025.md"])
        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try ProcessRunner.juryreport(["validate", empty.path])
        #expect(none.status == 66)
        #expect(none.standardError == "\(empty.path): error: a directory without edition files (.yaml, .yml or .json)\n")
    }

    @Test("an unknown format, option or value names what exists and the closest", arguments: [
        (["-f", "mardown"], "unknown format 'mardown'; did you mean 'markdown'? known formats: markdown/md, csv, xlsx, latex/tex, html/htm, json"),
        (["-f", "tex", "--option", "papersiz=a4"], "did you mean 'papersize'?"),
        (["-f", "tex", "--option", "papersize=lettr"], "option papersize takes a4, letter, not 'lettr'; did you mean 'letter'?"),
        (["-f", "pdf", "--option", "pdf=false"], "--option pdf=false contradicts the format named, which means pdf=true"),
    ])
    func unknownNames(arguments: [String], message: String) throws {
        let directory = try Paths.temporaryDirectory("names")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.juryreport(["export"] + arguments + ["-o", directory.path])
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test("--format pdf is latex with pdf=true", .requires(.pdflatex))
    func pdfFormat() throws {
        let directory = try Paths.temporaryDirectory("pdf-format")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.juryreport(["export", Paths.edition("scored.yaml").path, "-f", "pdf", "-o", directory.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Paths.reports(in: directory) == ["open-data-award-2025.pdf", "open-data-award-2025.tex"])
        #expect(try ProcessRunner.juryreport(["formats"]).output.contains("--format pdf: the same with --option pdf=true"))
    }

    /// A small edition with one line changed, as people get it wrong.
    static let base = """
        format: jury-report/1
        award:
          name: A
          organizer: O
        edition:
          year: 2026
        nominees:
          - id: a
            name: A
          - id: b
            name: B
        verdict:
          winner: a
        jury:
          - id: j
            name: J

        """

    @Test("five indentation mistakes, each told in plain words with its line and what to change", arguments: [
        // A key one space too far in, and one too far out.
        ("  organizer: O", "   organizer: O", "4:4", "this line is indented more than the key 'name' on line 3", "   organizer: O"),
        ("  organizer: O", " organizer: O", "4:2", "this line is indented less than the key 'name' on line 3 (column 3)", " organizer: O"),
        // A list item out of line with the one above it.
        ("  - id: b", " - id: b", "10:2", "this list item is out of line with the one on line 8: its '-' stands in column 2, theirs in column 3; line the '-' up", " - id: b"),
        // A tab.
        ("  year: 2026", "\tyear: 2026", "6:1", "a tab indents this line; YAML indents with spaces only: replace the tab with spaces", "→year: 2026"),
        // A missing colon.
        ("  winner: a", "  winner a", "13:3", "verdict: expected a mapping of fields, found a single value; is a ':' missing after 'winner'? Write 'winner: a'", nil),
        // A value on the next line.
        ("  name: A\n  organizer", "  name:\nA\n  organizer", "4:1", "'A' stands on a line of its own, without a key and ':'", "A"),
    ] as [(String, String, String, String, String?)])
    func indentation(original: String, mistake: String, at: String, message: String, shown: String?) throws {
        let directory = try Paths.temporaryDirectory("indent")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("edition.yaml")
        let text = Self.base.replacingOccurrences(of: original, with: mistake)
        try #require(text != Self.base)
        try Data(text.utf8).write(to: file)
        let result = try ProcessRunner.juryreport(["validate", file.path])
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("\(file.path):\(at): error: \(message)"), "\(result.standardError)")
        if let shown {
            // The line itself, and a caret under the column named.
            let column = Int(at.split(separator: ":")[1])!
            #expect(lines.count >= 3 && lines[1].hasSuffix(" | " + shown), "\(lines)")
            #expect(lines.count >= 3 && lines[2].hasSuffix(" | " + String(repeating: " ", count: column - 1) + "^"), "\(lines)")
        }
    }
}
