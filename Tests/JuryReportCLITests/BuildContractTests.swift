import Foundation
import Testing
import TestSupport

/// The build job's contract (#26.2): `--list-outputs` names exactly what an export writes,
/// and `--depfile` every file it read, so that a real `make` rebuilds exactly what an input
/// change affects.
@Suite("The build job's contract: --list-outputs and --depfile, tried with make", .onTestPool)
struct BuildContractTests {
    /// The files a directory holds, the manifest (a side file of every export) left out.
    static func files(in directory: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != ".juryreport-manifest" && !$0.hasSuffix(".d") })
    }

    @Test("--list-outputs equals the files the export then writes, for every built-in format and the PDF, and writes nothing")
    func listOutputs() throws {
        let directory = try Paths.temporaryDirectory("list-outputs")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Scores and recusals (every CSV table), one without scores, one with a logo (which the
        // .tex names beside it).
        let editions = [
            Paths.edition("scored-lenient.yaml").path, Paths.edition("pro-motor-award-2019-2020.yaml").path,
            Paths.edition("branding/branded.yaml").path,
        ]
        for (index, format) in ["markdown", "csv", "xlsx", "latex", "pdf", "html", "json", "docx", "md,csv,html"].enumerated() {
            let out = directory.appendingPathComponent("out\(index)")
            let listed = try ProcessRunner.juryreport(["export"] + editions + ["-f", format, "-o", out.path, "--list-outputs"])
            #expect(listed.status == 0, "\(format): \(listed.standardError)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(format): --list-outputs wrote nothing, not even the folder")
            let lines = listed.output.split(separator: "\n").map(String.init)
            let written = try ProcessRunner.juryreport(["export"] + editions + ["-f", format, "-o", out.path, "-q"])
            #expect(written.status == 0, "\(format): \(written.standardError)")
            #expect(Set(lines) == Set(try Self.files(in: out).map { out.appendingPathComponent($0).path }), "\(format): \(lines)")
            #expect(lines.count == Set(lines).count)
        }
        // The CSV tables follow the edition: scores and recusals only where there are some.
        let csv = try ProcessRunner.juryreport(["export", Paths.edition("scored-lenient.yaml").path, "-f", "csv", "-o", "o", "--list-outputs"])
        #expect(csv.output.contains("o/open-data-award-2025.recusals.csv\n"))
        let bundled = try ProcessRunner.juryreport(["export", "-f", "csv", "-o", "o", "--list-outputs"])
        #expect(!bundled.output.contains(".scores.csv") && bundled.output.contains("o/pro-motor-award-2020.nominees.csv\n"))
        let refused = try ProcessRunner.juryreport(["export", "-f", "csv", "--list-outputs", "--check"])
        #expect(refused.status == 64)
        let stdoutArchive = try ProcessRunner.juryreport(["export", "-f", "md", "--stdout", "--archive"])
        #expect(stdoutArchive.status == 64 && stdoutArchive.standardError.contains("--archive"), "\(stdoutArchive.standardError)")
    }

    @Test("--depfile: one rule, the written files before the colon, every file read after it, paths escaped as Make reads them",
          .requires(.make))
    func depfile() throws {
        let directory = try Paths.temporaryDirectory("depfile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = try Self.tree(in: directory)
        // An output folder whose name holds what Make reads specially.
        let result = try ProcessRunner.juryreport(
            ["export", "editions/a.json", "-f", "md,csv", "-o", "out $#%:dir", "-q", "--depfile", "a.d"], currentDirectory: tree)
        #expect(result.status == 0, "\(result.standardError)")
        let rule = try String(contentsOf: tree.appendingPathComponent("a.d"), encoding: .utf8)
        let colon = try #require(rule.range(of: ": \\\n"), "\(rule)")
        let targets = String(rule[..<colon.lowerBound])
        #expect(targets.hasPrefix("out\\ $$\\#\\%\\:dir/every-field-award-2026.md out\\ $$\\#\\%\\:dir/every-field-award-2026.nominees.csv"), "\(rule)")
        let prerequisites = rule[colon.upperBound...].replacingOccurrences(of: " \\\n", with: "").split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(prerequisites == [
            "editions/a.json", "editions/every-field.scores.csv", "editions/every-field.remarks.csv", "editions/branding/logo.png",
        ], "\(rule)")
        // GNU make reads the escaped names back: with a recipe on the rule, a report is up to
        // date after the export and made again once the logo is newer.
        try Data((rule + "\t@echo REMAKE\n").utf8).write(to: tree.appendingPathComponent("check.mk"))
        let report = "out $#%:dir/every-field-award-2026.md"
        func make() throws -> String {
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["make", "-f", "check.mk", report], currentDirectory: tree).output
        }
        #expect(try make().contains("is up to date"), "make did not read the target's escaped name")
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(2)], ofItemAtPath: tree.appendingPathComponent("editions/branding/logo.png").path)
        #expect(try make().contains("REMAKE"), "make did not read the prerequisites")
        // A Word template an option names is read too: it stands among the prerequisites.
        let house = try ProcessRunner.juryreport(["export", "editions/b.yaml", "-f", "docx", "-o", "house", "-q"], currentDirectory: tree)
        #expect(house.status == 0)
        let templated = try ProcessRunner.juryreport(
            ["export", "editions/b.yaml", "-f", "docx", "--option", "template=house/open-data-award-2025.docx", "-o", "out", "-q", "--depfile", "t.d"],
            currentDirectory: tree)
        #expect(templated.status == 0, "\(templated.standardError)")
        let templateRule = try String(contentsOf: tree.appendingPathComponent("t.d"), encoding: .utf8)
        #expect(templateRule == "out/open-data-award-2025.docx: \\\n  editions/b.yaml \\\n  house/open-data-award-2025.docx\n", "\(templateRule)")
        // An external exporter's program is read too (and its files, unknown in advance, are
        // learnt by running it into memory for --list-outputs).
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("note", #"while [ $# -gt 0 ]; do case "$1" in --output) o="$2"; shift 2;; --basename) b="$2"; shift 2;; *) shift;; esac; done; echo note > "$o/$b.note.txt""#)
        let pluginRun = try ProcessRunner.juryreport(
            ["export", tree.appendingPathComponent("editions/b.yaml").path, "-f", "note", "-o", plugins.out.path, "-q", "--depfile", plugins.root.appendingPathComponent("p.d").path],
            environment: ["PATH": plugins.path])
        #expect(pluginRun.status == 0, "\(pluginRun.standardError)")
        let pluginRule = try String(contentsOf: plugins.root.appendingPathComponent("p.d"), encoding: .utf8)
        #expect(pluginRule.hasSuffix(" \\\n  " + plugins.bin.appendingPathComponent("juryreport-export-note").path + "\n"), "\(pluginRule)")
        let pluginList = try ProcessRunner.juryreport(
            ["export", tree.appendingPathComponent("editions/b.yaml").path, "-f", "note", "-o", "x", "--list-outputs"], environment: ["PATH": plugins.path])
        #expect(pluginList.output == "x/open-data-award-2025.note.txt\n", "\(pluginList.output)\(pluginList.standardError)")
        // A path Make cannot hold (a line break) is refused with exit 73, the export kept.
        let broken = try ProcessRunner.juryreport(
            ["export", "editions/b.yaml", "-f", "md", "-o", "out\nx", "-q", "--depfile", "b.d"], currentDirectory: tree)
        #expect(broken.status == 73 && broken.standardError.contains("a line break ends a Makefile rule"), "\(broken.standardError)")
        #expect(!FileManager.default.fileExists(atPath: tree.appendingPathComponent("b.d").path))
    }

    /// A small tree: the every-field edition (a scores and a remarks table, a logo) as
    /// `editions/a.json` and the scored edition as `editions/b.yaml`, and a Makefile that
    /// declares each edition's outputs with `--list-outputs` and includes its `--depfile`.
    static func tree(in directory: URL) throws -> URL {
        let tree = directory.appendingPathComponent("tree")
        let editions = tree.appendingPathComponent("editions")
        try FileManager.default.createDirectory(at: editions.appendingPathComponent("branding"), withIntermediateDirectories: true)
        for (from, to) in [
            ("every-field.json", "a.json"), ("every-field.scores.csv", "every-field.scores.csv"),
            ("every-field.remarks.csv", "every-field.remarks.csv"), ("branding/logo.png", "branding/logo.png"), ("scored.yaml", "b.yaml"),
        ] {
            try FileManager.default.copyItem(at: Paths.edition(from), to: editions.appendingPathComponent(to))
        }
        try Data(makefile.utf8).write(to: tree.appendingPathComponent("Makefile"))
        return tree
    }

    /// The Makefile of the README's example: each edition's outputs from `--list-outputs`,
    /// made together by one grouped rule (GNU make 4.3), its inputs from its depfile.
    static let makefile = """
        JURYREPORT ?= juryreport
        FORMATS := md,html,csv
        EDITIONS := editions/a.json editions/b.yaml
        .DEFAULT_GOAL := all

        define edition
        $(1).outputs := $$(shell $(JURYREPORT) export $(1) -f $(FORMATS) -o out --list-outputs)
        $$($(1).outputs) &: $(1)
        \t$(JURYREPORT) export $(1) -f $(FORMATS) -o out -q --depfile out/$(notdir $(1)).d
        -include out/$(notdir $(1)).d
        ALL += $$($(1).outputs)
        endef
        $(foreach e,$(EDITIONS),$(eval $(call edition,$(e))))

        all: $(ALL)
        .PHONY: all

        """

    /// Every output's modification time, by name.
    static func times(_ out: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for name in try files(in: out) {
            times[name] = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return times
    }

    /// The outputs whose time changed between two readings.
    static func changed(_ before: [String: Date], _ after: [String: Date]) -> Set<String> {
        Set(after.keys.filter { before[$0] != after[$0] })
    }

    @Test("make over a small tree: the second run does nothing; touching the logo, the scores table or one edition rebuilds exactly its outputs",
          .requires(.make))
    func makeTrial() throws {
        let directory = try Paths.temporaryDirectory("make-trial")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = try Self.tree(in: directory)
        let out = tree.appendingPathComponent("out")
        func make() throws -> ProcessResult {
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["make", "-C", tree.path, "JURYREPORT=\(Paths.juryreport.path)"])
        }
        let first = try make()
        #expect(first.status == 0, "\(first.output)\(first.standardError)")
        let all = try Self.times(out)
        let a = Set(all.keys.filter { $0.hasPrefix("every-field-award-2026.") })
        let b = Set(all.keys.filter { $0.hasPrefix("open-data-award-2025.") })
        #expect(a.count == 8 && b.count == 7, "md, html and the CSV tables of each (a has recusals): \(all.keys.sorted())")
        // The second run: nothing to do.
        let second = try make()
        #expect(second.status == 0)
        #expect(!second.output.contains("juryreport export"), "\(second.output)")
        #expect(Self.changed(all, try Self.times(out)).isEmpty)
        // Each input in turn: exactly the outputs of the edition that reads it.
        for (input, expected) in [("editions/branding/logo.png", a), ("editions/every-field.scores.csv", a), ("editions/b.yaml", b)] {
            let before = try Self.times(out)
            Thread.sleep(forTimeInterval: 0.05)
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: tree.appendingPathComponent(input).path)
            let run = try make()
            #expect(run.status == 0, "\(run.standardError)")
            #expect(Self.changed(before, try Self.times(out)) == expected, "after touching \(input): \(run.output)")
        }
    }
}

