import Foundation
import Testing
import TestSupport

/// The package as other packages use it: the library products and the command plugins, in
/// copies of `Examples/` outside the repository that depend on it by absolute path, as a
/// user's package would. Every package here is built one after another in the scratch folder
/// of the release build (`scripts/build-release.sh`, `.build-bench`), with its options: the
/// examples reuse the modules that build compiled (CI and the benchmark make it anyway), so
/// juryreport is built once for both, and a second run is incremental. The command plugins'
/// tool is a build of its own (SwiftPM builds a plugin's tools apart), made in debug, the
/// cheaper one.
@Suite("SwiftPM integration", .onTestPool, .requires(.fullTier), .serialized)
struct PackageIntegrationTests {
    /// `scripts/build-release.sh`'s options, its scratch folder made absolute.
    static let releaseOptions: [String] = {
        let script = Paths.packageRoot.appendingPathComponent("scripts/build-release.sh")
        let lines = (try? ProcessRunner.run(script, ["--flags"]).output) ?? ""
        var options = lines.split(separator: "\n").map(String.init)
        if let index = options.firstIndex(of: "--scratch-path"), index + 1 < options.count {
            options[index + 1] = Paths.packageRoot.appendingPathComponent(options[index + 1]).path
        }
        return options
    }()
    /// The release build's scratch folder, which every package here builds in.
    static let scratch: URL = {
        guard let index = releaseOptions.firstIndex(of: "--scratch-path"), index + 1 < releaseOptions.count else {
            return Paths.packageRoot.appendingPathComponent(".build-bench")
        }
        return URL(fileURLWithPath: releaseOptions[index + 1])
    }()
    /// What the packages build.
    static let products = scratch.appendingPathComponent("release")

    /// A copy of `Examples/NAME` outside the repository, depending on it by its absolute
    /// path, with `fixtures` (paths under `Fixtures/`) copied in for the plugins to read.
    func outsideCopy(of name: String, fixtures: [String] = []) throws -> URL {
        let source = Paths.packageRoot.appendingPathComponent("Examples/\(name)")
        // One folder per test process: two test runs on one machine (a clone's CI beside a
        // working copy's tests) must not build in, or remove, each other's copy.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("juryreport-example-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("Sources"), to: copy.appendingPathComponent("Sources"))
        let manifest = try String(contentsOf: source.appendingPathComponent("Package.swift"), encoding: .utf8)
        let outside = manifest.replacingOccurrences(of: #"path: "../..""#, with: "path: \"\(Paths.packageRoot.path)\"")
        try #require(outside != manifest, "the example's manifest names the repository as ../..")
        try Data(outside.utf8).write(to: copy.appendingPathComponent("Package.swift"))
        for fixture in fixtures {
            let target = copy.appendingPathComponent("Fixtures/\(fixture)")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent(fixture), to: target)
        }
        return copy
    }

    /// `swift ARGUMENTS` in `package` in the shared scratch folder: `swift build` with the
    /// release build's options, `swift package` (the plugins) in debug.
    func swift(_ arguments: [String], in package: URL, environment: [String: String]? = nil) throws -> ProcessResult {
        #expect(Self.releaseOptions.contains("--scratch-path"), "scripts/build-release.sh --flags names no scratch folder")
        // SwiftPM keeps the build plan of the last package built in the folder and runs it
        // again while its inputs are unchanged, even for another package: the plan is made
        // anew for each package (the compiled modules stay, so only what differs is built).
        for plan in ["release.yaml", "debug.yaml"] {
            try? FileManager.default.removeItem(at: Self.scratch.appendingPathComponent(plan))
        }
        let command: [String]
        if arguments.first == "package" {
            // No index store and no debug information for the plugins' tool: nothing here
            // reads them, and its cold build costs a quarter less without them.
            command = ["package", "--scratch-path", Self.scratch.path, "--disable-index-store", "-Xswiftc", "-gnone"] + arguments.dropFirst()
        } else {
            command = arguments + Self.releaseOptions
        }
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["swift"] + command, environment: environment, currentDirectory: package)
    }

    /// The PressRelease example, with what the plugin tests read.
    func pluginPackage() throws -> URL {
        try outsideCopy(of: "PressRelease", fixtures: ["editions/scored.yaml", "fuzz/README.md"])
    }

    @Test("#15.2: a package on JuryReportText builds without libxlsxwriter: the workbook exporter is not compiled or linked")
    func textOnlyPackage() throws {
        let example = try outsideCopy(of: "TextOnly")
        defer { try? FileManager.default.removeItem(at: example) }
        // pkg-config cannot find libxlsxwriter: a target that needed it would not build.
        let started = Date().addingTimeInterval(-1)
        let build = try swift(["build"], in: example, environment: ["PKG_CONFIG_LIBDIR": "/nonexistent", "PKG_CONFIG_PATH": ""])
        #expect(build.status == 0, "\(build.output)\n\(build.standardError)")
        // This build compiled no file of the workbook exporter (the shared scratch folder may
        // hold older ones, from the other example), and the program links none of it.
        let objects = Self.products.appendingPathComponent("XLSXExporter.build")
        let compiled = (FileManager.default.enumerator(at: objects, includingPropertiesForKeys: [.contentModificationDateKey])?
            .compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "o" && ((try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast) > started }
        #expect(compiled.isEmpty, "the XLSX exporter was compiled: \(compiled.map(\.lastPathComponent))")
        let binary = Self.products.appendingPathComponent("text-only")
        let libraries = try ProcessRunner.run(tool: "ldd", [binary.path]).output
        #expect(!libraries.contains("xlsxwriter"), "\(libraries)")
        let symbols = try ProcessRunner.run(tool: "nm", [binary.path]).output
        #expect(symbols.contains("MarkdownExporter") && !symbols.contains("XLSXExporter"), "the workbook exporter is linked")
        let output = try Paths.temporaryDirectory("text-only")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try ProcessRunner.run(binary, [Paths.edition("scored.yaml").path, output.path])
        #expect(run.status == 0 && run.output == "open-data-award-2025.md\nopen-data-award-2025.html\n", "\(run.standardError)")
    }

    @Test("the example package, outside the repository, adds an exporter through the library product, builds and runs")
    func examplePackage() throws {
        let example = try outsideCopy(of: "PressRelease")
        defer { try? FileManager.default.removeItem(at: example) }
        let build = try swift(["build"], in: example)
        #expect(build.status == 0, "\(build.output)\n\(build.standardError)")
        let output = try Paths.temporaryDirectory("example")
        defer { try? FileManager.default.removeItem(at: output) }
        let binary = Self.products.appendingPathComponent("press-release")
        let run = try ProcessRunner.run(binary, [Paths.edition("scored.yaml").path, output.path])
        #expect(run.status == 0, "\(run.standardError)")
        let press = try String(contentsOf: output.appendingPathComponent("open-data-award-2025.press.txt"), encoding: .utf8)
        #expect(press.hasPrefix("Jury report Open Data Award 2024-2025\n\nWinner: Alpha Transit Maps\n"))
        #expect(press.contains("The Open Data Award 2025 goes to Alpha Transit Maps."))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("open-data-award-2025.md").path))

        // #15.3: the same exporter in the package's own juryreport, in one line.
        let command = Self.products.appendingPathComponent("my-juryreport")
        let formats = try ProcessRunner.run(command, ["formats"])
        #expect(formats.output.contains("press          .press.txt"), "\(formats.output)")
        let stdout = try ProcessRunner.run(command, ["export", Paths.edition("scored.yaml").path, "-f", "press", "--stdout"])
        #expect(stdout.status == 0 && stdout.output == press, "\(stdout.standardError)")
        let unknown = try ProcessRunner.run(command, ["export", "-f", "press", "--option", "style=x", "-o", output.path])
        #expect(unknown.status == 64)
    }

    @Test("the command plugins are listed; export-reports runs juryreport export with the package's relative paths")
    func commandPlugin() throws {
        let package = try pluginPackage()
        defer { try? FileManager.default.removeItem(at: package) }
        let list = try swift(["package", "plugin", "--list"], in: package)
        #expect(list.status == 0, "\(list.standardError)")
        #expect(list.output.contains("‘export-reports’ (plugin ‘ExportReports’ in package ‘juryreport’)"), "\(list.output)")
        #expect(list.output.contains("‘check-reports’ (plugin ‘CheckReports’ in package ‘juryreport’)"), "\(list.output)")

        let relativeOutput = "reports/\(UUID().uuidString)"
        let run = try swift(
            ["package", "--allow-writing-to-package-directory", "export-reports", "Fixtures/editions/scored.yaml", "--format", "md,csv", "--output", relativeOutput],
            in: package)
        #expect(run.status == 0, "\(run.output)\n\(run.standardError)")
        let files = Paths.reports(in: package.appendingPathComponent(relativeOutput))
        #expect(files == [
            "open-data-award-2025.criteria.csv", "open-data-award-2025.facts.csv", "open-data-award-2025.jury.csv", "open-data-award-2025.md",
            "open-data-award-2025.nominees.csv", "open-data-award-2025.scores.csv",
        ])

        // #26.3: run again with nothing changed, nothing is written; after the edition changed,
        // the reports are made again.
        let markdown = package.appendingPathComponent(relativeOutput).appendingPathComponent("open-data-award-2025.md")
        func written() throws -> Date? { try FileManager.default.attributesOfItem(atPath: markdown.path)[.modificationDate] as? Date }
        let before = try written()
        let again = try swift(
            ["package", "--allow-writing-to-package-directory", "export-reports", "Fixtures/editions/scored.yaml", "--format", "md,csv", "--output", relativeOutput],
            in: package)
        #expect(again.status == 0 && again.output.contains("export-reports: 6 reports up to date"), "\(again.output)\n\(again.standardError)")
        #expect(try written() == before)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(1)], ofItemAtPath: package.appendingPathComponent("Fixtures/editions/scored.yaml").path)
        let changed = try swift(
            ["package", "--allow-writing-to-package-directory", "export-reports", "Fixtures/editions/scored.yaml", "--format", "md,csv", "--output", relativeOutput],
            in: package)
        #expect(changed.status == 0 && !changed.output.contains("up to date"), "\(changed.output)")
        #expect(try written() != before)

        // #15.5: the tool's exit code, and its diagnostics once. (SwiftPM itself exits 1 for
        // any failed plugin; the code stands in its one line about it.)
        let failing = try swift(["package", "--allow-writing-to-package-directory", "export-reports", "Fixtures/editions/missing.yaml"], in: package)
        #expect(failing.status != 0, "a failed export fails the plugin")
        let errors = (failing.output + failing.standardError).split(separator: "\n").filter { $0.contains("error") }
        #expect(errors.count == 2 && errors.contains { $0.hasSuffix("Plugin ended with exit code 66") }, "\(errors)")
        #expect(errors.contains { $0.hasSuffix("Fixtures/editions/missing.yaml: error: no such file") })
    }

    @Test("#15.5: check-reports validates and checks without write permission, ending with the tool's exit code")
    func checkPlugin() throws {
        let package = try pluginPackage()
        defer { try? FileManager.default.removeItem(at: package) }
        let valid = try swift(["package", "check-reports", "validate", "Fixtures/editions/scored.yaml"], in: package)
        #expect(valid.status == 0, "\(valid.standardError)")
        #expect(valid.output.contains("Fixtures/editions/scored.yaml: valid (5 nominees, 2 jury members, 16 scores)"))
        let help = try swift(["package", "check-reports", "--help"], in: package)
        #expect(help.status == 0 && help.output.contains("--check"), "\(help.standardError)")
        try Data("format: jury-report/1\n".utf8).write(to: package.appendingPathComponent("invalid.yaml"))
        for (arguments, code) in [
            (["validate", "invalid.yaml"], 65),
            (["validate", "Fixtures/editions/missing.yaml"], 66),
            (["validate", "Fixtures/fuzz/README.md"], 64),
            (["Fixtures/editions/scored.yaml", "-f", "nope"], 64),
            (["Fixtures/editions/scored.yaml", "-f", "md", "-o", "never-written"], 1),
        ] as [([String], Int)] {
            let run = try swift(["package", "check-reports"] + arguments, in: package)
            #expect(run.status != 0)
            #expect((run.output + run.standardError).contains("Plugin ended with exit code \(code)"), "\(arguments): \(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: package.appendingPathComponent("never-written").path))
    }

    @Test("the fuzz harness (Fuzz/, which scripts/fuzz.sh builds with the sanitizers) compiles against the library")
    func fuzzHarnessCompiles() throws {
        // Compiled, not linked: libFuzzer's driver comes with -sanitize=fuzzer only. Its
        // kept inputs run in FuzzRegressionTests; scripts/fuzz.sh fuzzes.
        let fuzz = Paths.packageRoot.appendingPathComponent("Fuzz")
        let build = try swift(["build", "--target", "EditionFuzzer"], in: fuzz)
        #expect(build.status == 0, "\(build.output)\n\(build.standardError)")
        let module = Self.products.appendingPathComponent("Modules/EditionFuzzer.swiftmodule")
        #expect(FileManager.default.fileExists(atPath: module.path), "no \(module.path)")
    }
}
