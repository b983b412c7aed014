import Foundation
import Testing
import TestSupport

@Suite("juryreport export", .onTestPool)
struct ExportCommandTests {
    func files(_ directory: URL) -> [String] {
        Paths.reports(in: directory)
    }

    @Test("without an edition it exports the bundled one into ./out")
    func bundledDefault() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.juryreport(["export"], currentDirectory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let out = directory.appendingPathComponent("out")
        #expect(files(out) == [
            "pro-motor-award-2020.criteria.csv", "pro-motor-award-2020.docx", "pro-motor-award-2020.facts.csv", "pro-motor-award-2020.html",
            "pro-motor-award-2020.json", "pro-motor-award-2020.jury.csv", "pro-motor-award-2020.md", "pro-motor-award-2020.nominees.csv",
            "pro-motor-award-2020.tex", "pro-motor-award-2020.xlsx",
        ])
        #expect(result.standardError.isEmpty, "no progress when stderr is not a terminal")
        let markdown = try String(contentsOf: out.appendingPathComponent("pro-motor-award-2020.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Juryrapport Pro-Motor Award 2019-2020\n"))
    }

    @Test("progress on stderr when it is a terminal", .requires(.script))
    func progressOnTerminal() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        // util-linux script runs the command on a pseudo-terminal.
        let command = "'\(Paths.juryreport.path)' export -f md,csv -o '\(directory.path)/out'"
        let result = try ProcessRunner.run(tool: "script", ["-qec", command, "/dev/null"])
        #expect(result.status == 0)
        #expect(result.output.contains("[1/1] pro-motor-award-2020: markdown, csv"), "\(result.output)")
        #expect(result.output.contains("wrote \(directory.path)/out/pro-motor-award-2020.md"))
        let quiet = try ProcessRunner.run(tool: "script", ["-qec", command + " --quiet", "/dev/null"])
        #expect(!quiet.output.contains("wrote"))
    }

    @Test("two exports give identical bytes", arguments: ["pro-motor-award-2019-2020.yaml", "scored.yaml", "hostile.yaml", "hostile.json"])
    func reproducible(edition: String) throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [[String: Data]] = []
        for run in 1...2 {
            let out = directory.appendingPathComponent("run\(run)")
            let result = try ProcessRunner.juryreport(["export", Paths.edition(edition).path, "-o", out.path, "-q"])
            #expect(result.status == 0, "\(result.standardError)")
            var contents: [String: Data] = [:]
            for name in files(out) { contents[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
            outputs.append(contents)
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs[0] == outputs[1])
    }

    @Test("--stdout writes the one file to standard output")
    func standardOutput() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = Paths.edition("scored.yaml").path
        let printed = try ProcessRunner.juryreport(["export", edition, "--format", "md", "--stdout"])
        #expect(printed.status == 0)
        try ProcessRunner.juryreport(["export", edition, "--format", "markdown", "-o", directory.path, "-q"])
        let written = try Data(contentsOf: directory.appendingPathComponent("open-data-award-2025.md"))
        #expect(Data(printed.standardOutput) == written)
    }

    @Test("usage errors exit 64", arguments: [
        (["export", "--format", "odt"], "unknown format 'odt'; known formats: markdown/md"),
        (["export", "--option", "pdf=true", "--format", "md"], "option 'pdf' is not read by the selected formats"),
        (["export", "--option", "novalue"], "not of the form KEY=VALUE"),
        (["export", "a.yaml", "b.yaml", "--stdout", "-f", "md"], "--stdout needs one edition"),
        (["export", "--stdout", "-f", "latex", "--option", "pdf=true"], "one format that writes one text file"),
        (["export", "--stdout", "-f", "csv"], "one format that writes one text file"),
        (["export", "--option", "papersize=a5", "-f", "latex"], "option papersize takes a4, letter, not 'a5'"),
        (["export", "--option", "pdf=maybe", "-f", "tex"], "option pdf takes true, false, not 'maybe'"),
        (["export", "-f", "nope"], "Usage: juryreport export"),
        (["export", "--bogus"], "Unknown option '--bogus'"),
        (["frobnicate"], "Unexpected argument 'frobnicate'"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try ProcessRunner.juryreport(arguments)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test("#16.7, #26: two editions of one award and year in one call are refused (65), naming both, before anything is written")
    func sharedBaseName() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("copy.yaml")
        try FileManager.default.copyItem(at: Paths.edition("scored.yaml"), to: copy)
        let out = directory.appendingPathComponent("out")
        let original = Paths.edition("scored.yaml").path
        let result = try ProcessRunner.juryreport(["export", original, copy.path, "-o", out.path])
        #expect(result.status == 65, "\(result.standardError)")
        #expect(result.standardError.contains("\(copy.path): error: the same award and year as \(original)"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("an invalid edition writes nothing, not even the valid editions beside it")
    func invalidWritesNothing() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.yaml")
        try Data("format: jury-report/1\naward: { name: A }\n".utf8).write(to: bad)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", Paths.edition("scored.yaml").path, bad.path, "-o", out.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("\(bad.path):1:1: error: edition: is required"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("an output path that is a file exits 73 and names it")
    func outputIsAFile() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out")
        try Data("keep".utf8).write(to: file)
        let result = try ProcessRunner.juryreport(["export", "-o", file.path])
        #expect(result.status == 73)
        #expect(result.standardError.hasPrefix("\(file.path): error: the output path exists and is not a directory"))
        #expect(try Data(contentsOf: file) == Data("keep".utf8))
    }

    @Test("a file that cannot be written exits 73, leaves earlier files and no temporary file")
    func cannotWrite() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A directory where the Markdown file should go: the rename into place fails.
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("pro-motor-award-2020.md"), withIntermediateDirectories: false)
        try Data("earlier".utf8).write(to: directory.appendingPathComponent("other.txt"))
        let result = try ProcessRunner.juryreport(["export", "-o", directory.path])
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.standardError.contains("pro-motor-award-2020.md: error:"))
        // Nothing of the export was moved into place: the CSV files it had staged are gone too.
        #expect(files(directory) == ["other.txt", "pro-motor-award-2020.md"])
        #expect(try Data(contentsOf: directory.appendingPathComponent("other.txt")) == Data("earlier".utf8))
    }

    @Test("a PDF build that fails exits 1 with the engine's first error and its line, and writes nothing")
    func failingEngine() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let engine = bin.appendingPathComponent("lualatex")
        let script = """
            #!/bin/sh
            for argument in "$@"; do case "$argument" in -jobname=*) job="${argument#-jobname=}";; esac; done
            printf 'This is a stand-in engine\n./%s.tex:42: Undefined control sequence.\nl.42 \\oops\n' "$job" > "$job.log"
            exit 1
            """
        try Data(script.utf8).write(to: engine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export", "-f", "latex", "--option", "pdf=true", "--option", "engine=lualatex", "-o", out.path],
            environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("lualatex failed: pro-motor-award-2020.tex:42: Undefined control sequence."), "\(result.standardError)")
        #expect(files(out).isEmpty, "neither the .tex nor a .pdf")
    }

    @Test("--stdout shows the LaTeX source")
    func latexToStandardOutput() throws {
        let result = try ProcessRunner.juryreport(["export", "-f", "tex", "--stdout"])
        #expect(result.status == 0)
        #expect(result.output.contains("\\documentclass[a4paper,10pt]{article}"))
        #expect(result.output.hasSuffix("\\end{document}\n"))
    }

    @Test("SOURCE_DATE_EPOCH overrides the edition's date in the XLSX properties", .requires(.openpyxl))
    func sourceDateEpoch() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scored = Paths.edition("scored.yaml").path
        for (epoch, created) in [(nil, "2025-06-30T00:00:00"), ("86400", "1970-01-02T00:00:00")] as [(String?, String)] {
            let out = directory.appendingPathComponent(epoch ?? "edition")
            let result = try ProcessRunner.juryreport(
                ["export", scored, "-f", "xlsx", "-o", out.path], environment: epoch.map { ["SOURCE_DATE_EPOCH": $0] })
            #expect(result.status == 0)
            let book = try IndependentReaders.xlsx(out.appendingPathComponent("open-data-award-2025.xlsx"))
            #expect(book.properties.created == created)
        }
    }

    @Test("a winner not ranked first is a warning, not an error")
    func winnerWarning() throws {
        let directory = try Paths.temporaryDirectory("export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "winner: alpha", with: "winner: delta")
        let file = directory.appendingPathComponent("scored.yaml")
        try Data(text.utf8).write(to: file)
        let result = try ProcessRunner.juryreport(["export", file.path, "-o", directory.appendingPathComponent("out").path])
        #expect(result.status == 0)
        #expect(result.standardError.contains("open-data-award-2025: warning: the winner 'delta' is ranked 4 by the scores"))
    }
}

@Suite("juryreport formats, schema, init", .onTestPool)
struct OtherCommandTests {
    @Test func formats() throws {
        let result = try ProcessRunner.juryreport(["formats"])
        #expect(result.status == 0)
        let rows = result.output.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map {
            $0.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(rows.map { $0.first ?? "" } == ["markdown (md)", "csv", "xlsx", "latex (tex)", "html (htm)", "json", "docx (word)"], "\(result.output)")
        #expect(rows.map { $0.dropFirst().first ?? "" } == [
            ".md", ".nominees.csv .jury.csv .facts.csv .criteria.csv .scores.csv .recusals.csv", ".xlsx", ".tex .pdf", ".html", ".json", ".docx",
        ])
        #expect(result.output.contains("--option delimiter=… (,|;|tab)"))
    }

    @Test("the schema is a JSON Schema that accepts valid editions and refuses invalid ones",
          .requires(.python3))
    func schema() throws {
        let result = try ProcessRunner.juryreport(["schema"])
        #expect(result.status == 0)
        let directory = try Paths.temporaryDirectory("schema")
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("schema.json")
        // #15.6: --output writes the same bytes; the $id names the version.
        let written = try ProcessRunner.juryreport(["schema", "--output", schema.path])
        #expect(written.status == 0 && written.output.isEmpty)
        #expect(try Data(contentsOf: schema) == Data(result.standardOutput))
        #expect(result.output.contains(#""$id": "https://juryreport.example/schema/0.1.0/jury-report-1.json""#))
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            good = json.load(open(sys.argv[2]))
            assert not list(validator.iter_errors(good)), list(validator.iter_errors(good))[:3]
            bad = dict(good); bad["nomineees"] = []
            assert list(validator.iter_errors(bad))
            bad = json.loads(json.dumps(good)); bad["nominees"][0]["id"] = "Not An Id"
            assert list(validator.iter_errors(bad))
            print("schema ok")
            """
        let check = try ProcessRunner.run(tool: "python3", ["-c", script, schema.path, Paths.edition("hostile.json").path])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.output == "schema ok\n")
    }

    @Test("init writes a starter edition that validates, and never overwrites")
    func initCommand() throws {
        let directory = try Paths.temporaryDirectory("init")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try ProcessRunner.juryreport(["init", directory.path])
        #expect(first.status == 0)
        let file = directory.appendingPathComponent("edition.yaml")
        // #15.6: the starter points editors at the schema written beside it.
        let starter = try String(contentsOf: file, encoding: .utf8)
        #expect(starter.hasPrefix("# yaml-language-server: $schema=jury-report.schema.json\n"))
        let written = try Data(contentsOf: directory.appendingPathComponent("jury-report.schema.json"))
        #expect(written == Data(try ProcessRunner.juryreport(["schema"]).standardOutput))
        let validation = try ProcessRunner.juryreport(["validate", file.path])
        #expect(validation.status == 0, "\(validation.standardError)")
        try Data("mine".utf8).write(to: file)
        let second = try ProcessRunner.juryreport(["init", directory.path])
        #expect(second.status == 73)
        #expect(try Data(contentsOf: file) == Data("mine".utf8))
    }

    @Test func versionAndHelp() throws {
        #expect(try ProcessRunner.juryreport(["--version"]).output == "0.1.0\n")
        let help = try ProcessRunner.juryreport(["--help"])
        #expect(help.status == 0)
        for command in ["export", "validate", "formats", "schema", "init"] {
            #expect(help.output.contains(command))
        }
    }
}
