import Foundation
import Testing
import TestSupport

/// A directory with executables to put first on PATH.
struct PluginDirectory {
    let root: URL
    var bin: URL { root.appendingPathComponent("bin") }
    var out: URL { root.appendingPathComponent("out") }
    var path: String { bin.path + ":/usr/local/bin:/usr/bin:/bin" }

    init() throws {
        root = try Paths.temporaryDirectory("plugin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    }

    func add(_ name: String, _ script: String) throws {
        let url = bin.appendingPathComponent("juryreport-export-\(name)")
        try Data(("#!/bin/sh\n" + script).utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.juryreport(arguments, environment: ["PATH": path])
    }

    func files() -> [String] {
        Paths.reports(in: out)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A plugin that records its arguments and input, and writes a page.
private let recordingPlugin = #"""
    while [ $# -gt 0 ]; do
      case "$1" in
        --output) out="$2"; shift 2;;
        --basename) base="$2"; shift 2;;
        --option) echo "$2" >> "$out/$base.options.txt"; shift 2;;
        *) echo "unexpected argument $1" >&2; exit 2;;
      esac
    done
    cat > "$out/$base.received.json"
    printf '<h1>press release</h1>\n' > "$out/$base.html"
    echo "a note from the plugin" >&2
    """#

@Suite("External exporters on PATH", .onTestPool)
struct PluginTests {
    @Test("a plugin is listed, run as SPEC says, given the canonical JSON, and its files land")
    func recording() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("press", recordingPlugin)

        let formats = try plugins.run(["formats"])
        #expect(formats.output.contains("press"))
        #expect(formats.output.contains("external exporter \(plugins.bin.path)/juryreport-export-press"))

        let scored = Paths.edition("scored.yaml").path
        let result = try plugins.run([
            "export", scored, "--format", "press,md", "-o", plugins.out.path, "--option", "style=plain", "--option", "lang=nl",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(plugins.files() == [
            "open-data-award-2025.html", "open-data-award-2025.md", "open-data-award-2025.options.txt",
            "open-data-award-2025.received.json",
        ])
        #expect(result.standardError.contains("open-data-award-2025: warning: press: a note from the plugin"))
        let options = try String(contentsOf: plugins.out.appendingPathComponent("open-data-award-2025.options.txt"), encoding: .utf8)
        #expect(options == "style=plain\nlang=nl\n")
        // What the plugin received is the json format's output, byte for byte.
        let received = try Data(contentsOf: plugins.out.appendingPathComponent("open-data-award-2025.received.json"))
        let json = try ProcessRunner.juryreport(["export", scored, "-f", "json", "--stdout"])
        #expect(received == Data(json.standardOutput))
        #expect(!received.isEmpty)
    }

    @Test("a failing plugin fails the export with exit 1 and its stderr, and nothing of the edition is written")
    func failing() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("broken", "echo 'boom: the template is missing' >&2\nexit 3\n")
        let result = try plugins.run(["export", "--format", "md,broken", "-o", plugins.out.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("external exporter 'broken' exited with status 3"))
        #expect(result.standardError.contains("boom: the template is missing"))
        #expect(plugins.files().isEmpty)
    }

    /// Every format of every edition runs at once, yet editions go into place one after the
    /// other: one that fails leaves those before it written, and nothing of itself or after.
    @Test("with several editions, one that fails stops the export there")
    func failingAmongSeveral() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        // Fails for the Open Data Award (scored.yaml) only.
        try plugins.add("picky", #"""
            while [ $# -gt 0 ]; do
              case "$1" in
                --output) out="$2"; shift 2;;
                --basename) base="$2"; shift 2;;
                *) shift;;
              esac
            done
            if grep -q 'Open Data Award'; then echo 'picky: not this one' >&2; exit 4; fi
            printf 'page\n' > "$out/$base.html"
            """#)
        let editions = ["pro-motor-award-2019-2020.yaml", "scored.yaml", "hostile.yaml"].map { Paths.edition($0).path }
        let result = try plugins.run(["export"] + editions + ["--format", "md,picky", "-o", plugins.out.path])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("picky: not this one"))
        #expect(plugins.files() == ["pro-motor-award-2020.html", "pro-motor-award-2020.md"])
    }

    @Test("a hanging plugin is stopped after --plugin-timeout")
    func hanging() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("slow", "exec sleep 600\n")
        let start = Date()
        let result = try plugins.run(["export", "--format", "slow", "-o", plugins.out.path, "--plugin-timeout", "1"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("external exporter 'slow' stopped after 1 seconds"))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(plugins.files().isEmpty)
    }

    /// A plugin that answers `--describe`: a press release as `.txt`, with one option;
    /// `extra` writes a file it did not announce.
    static let describing = #"""
        if [ "$1" = --describe ]; then
          printf '{"summary": "a press release", "files": [{"suffix": ".txt", "text": true}], "options": [{"key": "style", "values": ["plain", "fancy"], "default": "plain", "summary": "the house style"}]}'
          exit 0
        fi
        while [ $# -gt 0 ]; do
          case "$1" in
            --output) out="$2"; shift 2;;
            --basename) base="$2"; shift 2;;
            --option) opt="$2"; shift 2;;
            *) shift;;
          esac
        done
        printf 'press release (%s)\n' "$opt" > "$out/$base.txt"
        [ "$opt" = style=fancy ] && printf 'stray\n' > "$out/$base.html"
        exit 0
        """#

    @Test("#16.6: a plugin that describes itself is listed fully, its options checked, --stdout works, unannounced files refused")
    func describedPlugin() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("press", Self.describing)
        let formats = try plugins.run(["formats"])
        let line = formats.output.split(separator: "\n").first { $0.hasPrefix("press") } ?? ""
        #expect(line.contains(".txt") && line.contains("a press release (external exporter "), "\(formats.output)")
        #expect(formats.output.contains("--option style=… (plain|fancy): the house style; default plain"))

        let stdout = try plugins.run(["export", "-f", "press", "--option", "style=plain", "--stdout"])
        #expect(stdout.status == 0, "\(stdout.standardError)")
        #expect(stdout.output == "press release (style=plain)\n")

        let unknown = try plugins.run(["export", "-f", "press", "--option", "colour=red", "-o", plugins.out.path])
        #expect(unknown.status == 64, "\(unknown.standardError)")
        let badValue = try plugins.run(["export", "-f", "press", "--option", "style=loud", "-o", plugins.out.path])
        #expect(badValue.status == 64 && badValue.standardError.contains("plain"), "\(badValue.standardError)")

        let stray = try plugins.run(["export", "-f", "press,md", "--option", "style=fancy", "-o", plugins.out.path])
        #expect(stray.status == 1)
        #expect(stray.standardError.contains("wrote 'pro-motor-award-2020.html', which it did not announce (--describe lists .txt)"),
                "\(stray.standardError)")
        #expect(plugins.files().isEmpty)
    }

    @Test("a plugin that knows nothing of --describe is run once per export, never for the handshake")
    func notDescribing() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        let runs = plugins.root.appendingPathComponent("runs")
        try plugins.add("naive", #"""
            while [ $# -gt 0 ]; do case "$1" in --output) o="$2";; --basename) b="$2";; esac; shift; done
            echo run >> \#(runs.path); printf 'x\n' > "$o/$b.txt"
            """#)
        let result = try plugins.run(["export", "-f", "naive", "-o", plugins.out.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOf: runs, encoding: .utf8) == "run\n")
        #expect(try plugins.run(["formats"]).output.contains("naive"))
        #expect(try String(contentsOf: runs, encoding: .utf8) == "run\n", "formats ran the plugin")
    }

    @Test("a built-in name cannot be shadowed: the built-in wins, and formats says so")
    func shadowing() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("markdown", "echo 'should never run' >&2\nexit 9\n")
        let formats = try plugins.run(["formats"])
        #expect(formats.output.contains("juryreport-export-markdown is shadowed by the built-in format and never run"))
        let result = try plugins.run(["export", "--format", "markdown", "-o", plugins.out.path])
        #expect(result.status == 0)
        #expect(plugins.files() == ["pro-motor-award-2020.md"])
    }

    @Test("a plugin's files must carry the edition's base name")
    func badFileName() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("stray", #"while [ $# -gt 0 ]; do [ "$1" = --output ] && out="$2"; shift; done; echo x > "$out/../escape.txt"; echo x > "$out/index.html""#)
        let result = try plugins.run(["export", "--format", "stray", "-o", plugins.out.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("wrote 'index.html'; files must be named 'pro-motor-award-2020' plus a suffix"))
        #expect(plugins.files().isEmpty)
    }
}

@Suite("Build jobs: several editions, --check", .onTestPool)
struct BuildJobTests {
    @Test("several editions in one call, each in every requested format")
    func severalEditions() throws {
        let directory = try Paths.temporaryDirectory("jobs")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.juryreport([
            "export", Paths.edition("scored.yaml").path, Paths.edition("hostile.yaml").path, "-f", "md,json", "-o", directory.path,
        ])
        #expect(result.status == 0)
        // Quiet when stderr is not a terminal: only the warnings (the scored edition's
        // nominee without scores), no progress.
        #expect(
            result.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("open-data-award-2025: warning: no score by ") },
            "\(result.standardError)")
        let files = listing(directory)
        #expect(files == ["hostile-award-2024.json", "hostile-award-2024.md", "open-data-award-2025.json", "open-data-award-2025.md"])
    }

    @Test("--check passes on fresh output, fails after one byte of one file changes, and writes nothing")
    func check() throws {
        let directory = try Paths.temporaryDirectory("jobs")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scored = Paths.edition("scored.yaml").path
        #expect(try ProcessRunner.juryreport(["export", scored, "-o", directory.path]).status == 0)
        let fresh = try ProcessRunner.juryreport(["export", scored, "-o", directory.path, "--check"])
        #expect(fresh.status == 0, "\(fresh.output)\(fresh.standardError)")
        #expect(fresh.output.isEmpty)

        let csv = directory.appendingPathComponent("open-data-award-2025.nominees.csv")
        var bytes = [UInt8](try Data(contentsOf: csv))
        bytes[10] ^= 0x01
        try Data(bytes).write(to: csv)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("open-data-award-2025.md"))
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

        let stale = try ProcessRunner.juryreport(["export", scored, "-o", directory.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.output.split(separator: "\n").sorted() == [
            "differs: \(directory.path)/open-data-award-2025.nominees.csv",
            "missing: \(directory.path)/open-data-award-2025.md",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before, "--check writes nothing")
        #expect(try Data(contentsOf: csv) == Data(bytes))
    }

    @Test("#15.5: --check --prune flags the reports no edition writes and prints the command that fixes it; --prune removes them")
    func prune() throws {
        let directory = try Paths.temporaryDirectory("prune")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scored = Paths.edition("scored.yaml").path
        let out = directory.appendingPathComponent("out")
        #expect(try ProcessRunner.juryreport(["export", scored, Paths.edition("hostile.yaml").path, "-f", "md,csv", "-o", out.path]).status == 0)
        for name in ["notes.txt", "README.md", "hostile-award-2024.pdf"] { try Data("mine".utf8).write(to: out.appendingPathComponent(name)) }

        let check = try ProcessRunner.juryreport(["export", scored, "-f", "md,csv", "-o", out.path, "--check", "--prune"])
        #expect(check.status == 1)
        #expect(check.output.split(separator: "\n").map(String.init) == [
            "stale: \(out.path)/hostile-award-2024.criteria.csv", "stale: \(out.path)/hostile-award-2024.facts.csv",
            "stale: \(out.path)/hostile-award-2024.jury.csv", "stale: \(out.path)/hostile-award-2024.md",
            "stale: \(out.path)/hostile-award-2024.nominees.csv",
        ], "\(check.output)")
        let fix = "juryreport export \(scored) -f md,csv -o \(out.path) --prune"
        #expect(check.standardError.contains("not up to date: \(out.path); to bring it up to date, run:\n  \(fix)"), "\(check.standardError)")

        let pruned = try ProcessRunner.juryreport(Array(fix.split(separator: " ").dropFirst().map(String.init)))
        #expect(pruned.status == 0)
        #expect(listing(out) == [
            "README.md", "hostile-award-2024.pdf", "notes.txt", "open-data-award-2025.criteria.csv", "open-data-award-2025.facts.csv",
            "open-data-award-2025.jury.csv", "open-data-award-2025.md", "open-data-award-2025.nominees.csv", "open-data-award-2025.scores.csv",
        ])
        #expect(try ProcessRunner.juryreport(["export", scored, "-f", "md,csv", "-o", out.path, "--check", "--prune"]).status == 0)
    }

    @Test("#28.6: --prune removes only what juryreport wrote and nobody changed: never a hand-written report-like name or an edition file")
    func pruneOnlyOurs() throws {
        let directory = try Paths.temporaryDirectory("prune")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scored = Paths.edition("scored.yaml").path
        let out = directory.appendingPathComponent("out")
        #expect(try ProcessRunner.juryreport(["export", scored, Paths.edition("hostile.yaml").path, "-f", "md,json", "-o", out.path]).status == 0)
        // The manifest lists what was written, in sha256sum's format: sha256sum agrees.
        let verified = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "cd \"$1\" && sha256sum -c --quiet .juryreport-manifest", "sh", out.path])
        #expect(verified.status == 0, "\(verified.output)\(verified.standardError)")
        // Hand-written files named as reports: minutes, an edition source, an edited report.
        let mine = ["minutes-2024.md": "our minutes", "prize-of-the-city-2023.json": "{\"format\": \"jury-report/1\"}"]
        for (name, text) in mine { try Data(text.utf8).write(to: out.appendingPathComponent(name)) }
        try Data("edited by hand".utf8).write(to: out.appendingPathComponent("hostile-award-2024.md"))
        let pruned = try ProcessRunner.juryreport(["export", scored, "-f", "md,json", "-o", out.path, "--prune"])
        #expect(pruned.status == 0, "\(pruned.standardError)")
        #expect(listing(out) == [
            "hostile-award-2024.md", "minutes-2024.md", "open-data-award-2025.json", "open-data-award-2025.md", "prize-of-the-city-2023.json",
        ], "only hostile-award-2024.json, written by juryreport and unchanged, is gone")
        for (name, text) in mine { #expect(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) == text) }
        #expect(try String(contentsOf: out.appendingPathComponent("hostile-award-2024.md"), encoding: .utf8) == "edited by hand")
        let manifest = try String(contentsOf: out.appendingPathComponent(Paths.manifest), encoding: .utf8)
        #expect(!manifest.contains("hostile-award-2024.json") && manifest.contains("  open-data-award-2025.md\n"), "\(manifest)")
    }

    @Test("#28.6: a plugin may not write an edition file (.yaml, .yml): the export fails, the edition beside the output is untouched")
    func noEditionSuffix() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("yamlish", #"""
            while [ $# -gt 0 ]; do case "$1" in --output) out="$2"; shift 2;; --basename) base="$2"; shift 2;; *) shift;; esac; done
            echo "format: not-an-edition" > "$out/$base.yaml"
            """#)
        try FileManager.default.createDirectory(at: plugins.out, withIntermediateDirectories: true)
        let edition = plugins.out.appendingPathComponent("pro-motor-award-2020.yaml")
        try Data("mine".utf8).write(to: edition)
        let result = try plugins.run(["export", "-f", "yamlish", "-o", plugins.out.path])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("wrote 'pro-motor-award-2020.yaml'; an exporter may not write edition files (.yaml, .yml)"), "\(result.standardError)")
        #expect(try String(contentsOf: edition, encoding: .utf8) == "mine")
    }

    @Test("#16.6: a plugin that writes a built-in format's file fails the export; nothing is replaced")
    func clobber() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("clobber", #"""
            while [ $# -gt 0 ]; do case "$1" in --output) out="$2"; shift 2;; --basename) base="$2"; shift 2;; *) shift;; esac; done
            echo "not the report" > "$out/$base.md"
            """#)
        for formats in ["md,clobber", "clobber,md"] {
            let result = try plugins.run(["export", "-f", formats, "-o", plugins.out.path])
            #expect(result.status == 1, "\(result.standardError)")
            #expect(result.standardError.contains("pro-motor-award-2020.md is written by both"), "\(result.standardError)")
            #expect(plugins.files().isEmpty, "\(plugins.files())")
        }
    }
}
