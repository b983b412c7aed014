import Foundation
import Testing
import TestSupport

/// The package as other packages use it: the command plugin and the library product.
/// These build with SwiftPM in scratch folders of their own, so they take a while.
@Suite("SwiftPM integration", .requires(.fullTier))
struct PackageIntegrationTests {
    static let scratch = Paths.packageRoot.appendingPathComponent(".build-plugin-test").path

    /// A copy of `Examples/NAME` outside the repository, depending on it by its absolute
    /// path, as a user's package would; built in a scratch folder of the repository's own
    /// (`.build-example-NAME`), so a second run is incremental.
    func outsideCopy(of name: String) throws -> (package: URL, products: URL) {
        let source = Paths.packageRoot.appendingPathComponent("Examples/\(name)")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("juryreport-example-\(name)")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("Sources"), to: copy.appendingPathComponent("Sources"))
        let manifest = try String(contentsOf: source.appendingPathComponent("Package.swift"), encoding: .utf8)
        let outside = manifest.replacingOccurrences(of: #"path: "../..""#, with: "path: \"\(Paths.packageRoot.path)\"")
        try #require(outside != manifest, "the example's manifest names the repository as ../..")
        try Data(outside.utf8).write(to: copy.appendingPathComponent("Package.swift"))
        let scratch = Paths.packageRoot.appendingPathComponent(".build-example-\(name)")
        return (copy, scratch.appendingPathComponent("debug"))
    }

    func swift(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["swift"] + arguments, currentDirectory: Paths.packageRoot)
    }

    @Test("the command plugin export-reports is listed, and runs juryreport export with the package's relative paths")
    func commandPlugin() throws {
        let list = try swift(["package", "--scratch-path", Self.scratch, "plugin", "--list"])
        #expect(list.status == 0, "\(list.standardError)")
        #expect(list.output.contains("‘export-reports’ (plugin ‘ExportReports’ in package ‘juryreport’)"), "\(list.output)")

        let relativeOutput = ".build-plugin-test/reports-\(UUID().uuidString)"
        let output = Paths.packageRoot.appendingPathComponent(relativeOutput)
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try swift([
            "package", "--scratch-path", Self.scratch, "--allow-writing-to-package-directory", "export-reports",
            "Fixtures/editions/scored.yaml", "--format", "md,csv", "--output", relativeOutput,
        ])
        #expect(run.status == 0, "\(run.output)\n\(run.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == [
            "open-data-award-2025.criteria.csv", "open-data-award-2025.facts.csv", "open-data-award-2025.jury.csv", "open-data-award-2025.md",
            "open-data-award-2025.nominees.csv", "open-data-award-2025.scores.csv",
        ])

        // #15.5: the tool's exit code, and its diagnostics once. (SwiftPM itself exits 1 for
        // any failed plugin; the code stands in its one line about it.)
        let failing = try swift([
            "package", "--scratch-path", Self.scratch, "--allow-writing-to-package-directory", "export-reports",
            "Fixtures/editions/missing.yaml",
        ])
        #expect(failing.status != 0, "a failed export fails the plugin")
        let errors = (failing.output + failing.standardError).split(separator: "\n").filter { $0.contains("error") }
        #expect(errors.count == 2 && errors.contains { $0.hasSuffix("Plugin ended with exit code 66") }, "\(errors)")
        #expect(errors.contains { $0.hasSuffix("Fixtures/editions/missing.yaml: error: no such file") })
    }

    @Test("#15.5: check-reports validates and checks without write permission, ending with the tool's exit code")
    func checkPlugin() throws {
        let list = try swift(["package", "--scratch-path", Self.scratch, "plugin", "--list"])
        #expect(list.output.contains("‘check-reports’ (plugin ‘CheckReports’ in package ‘juryreport’)"), "\(list.output)")
        let valid = try swift(["package", "--scratch-path", Self.scratch, "check-reports", "validate", "Fixtures/editions/scored.yaml"])
        #expect(valid.status == 0, "\(valid.standardError)")
        #expect(valid.output.contains("Fixtures/editions/scored.yaml: valid (5 nominees, 2 jury members, 16 scores)"))
        let help = try swift(["package", "--scratch-path", Self.scratch, "check-reports", "--help"])
        #expect(help.status == 0 && help.output.contains("--check"), "\(help.standardError)")
        let invalid = Paths.packageRoot.appendingPathComponent(".build-plugin-test/invalid-\(UUID().uuidString).yaml")
        try FileManager.default.createDirectory(at: invalid.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("format: jury-report/1\n".utf8).write(to: invalid)
        defer { try? FileManager.default.removeItem(at: invalid) }
        for (arguments, code) in [
            (["validate", ".build-plugin-test/" + invalid.lastPathComponent], 65),
            (["validate", "Fixtures/editions/missing.yaml"], 66),
            (["validate", "Fixtures/fuzz/README.md"], 64),
            (["Fixtures/editions/scored.yaml", "-f", "nope"], 64),
            (["Fixtures/editions/scored.yaml", "-f", "md", "-o", ".build-plugin-test/never-written"], 1),
        ] as [([String], Int)] {
            let run = try swift(["package", "--scratch-path", Self.scratch, "check-reports"] + arguments)
            #expect(run.status != 0)
            #expect((run.output + run.standardError).contains("Plugin ended with exit code \(code)"), "\(arguments): \(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: Paths.packageRoot.appendingPathComponent(".build-plugin-test/never-written").path))
    }

    @Test("the example package, outside the repository, adds an exporter through the library product, builds and runs")
    func examplePackage() throws {
        let (example, products) = try outsideCopy(of: "PressRelease")
        defer { try? FileManager.default.removeItem(at: example) }
        let build = try swift(["build", "--package-path", example.path, "--scratch-path", products.deletingLastPathComponent().path])
        #expect(build.status == 0, "\(build.output)\n\(build.standardError)")
        let output = try Paths.temporaryDirectory("example")
        defer { try? FileManager.default.removeItem(at: output) }
        let binary = products.appendingPathComponent("press-release")
        let run = try ProcessRunner.run(binary, [Paths.edition("scored.yaml").path, output.path])
        #expect(run.status == 0, "\(run.standardError)")
        let press = try String(contentsOf: output.appendingPathComponent("open-data-award-2025.press.txt"), encoding: .utf8)
        #expect(press.hasPrefix("Jury report Open Data Award 2024-2025\n\nWinner: Alpha Transit Maps\n"))
        #expect(press.contains("The Open Data Award 2025 goes to Alpha Transit Maps."))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("open-data-award-2025.md").path))

        // #15.3: the same exporter in the package's own juryreport, in one line.
        let command = products.appendingPathComponent("my-juryreport")
        let formats = try ProcessRunner.run(command, ["formats"])
        #expect(formats.output.contains("press          .press.txt"), "\(formats.output)")
        let stdout = try ProcessRunner.run(command, ["export", Paths.edition("scored.yaml").path, "-f", "press", "--stdout"])
        #expect(stdout.status == 0 && stdout.output == press, "\(stdout.standardError)")
        let unknown = try ProcessRunner.run(command, ["export", "-f", "press", "--option", "style=x", "-o", output.path])
        #expect(unknown.status == 64)
    }

    @Test("#15.2: a package on JuryReportText builds without libxlsxwriter: the workbook exporter is not compiled or linked")
    func textOnlyPackage() throws {
        let (example, products) = try outsideCopy(of: "TextOnly")
        defer { try? FileManager.default.removeItem(at: example) }
        // pkg-config cannot find libxlsxwriter: a target that needed it would not build.
        let build = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["swift", "build", "--package-path", example.path, "--scratch-path", products.deletingLastPathComponent().path],
            environment: ["PKG_CONFIG_LIBDIR": "/nonexistent", "PKG_CONFIG_PATH": ""], currentDirectory: Paths.packageRoot)
        #expect(build.status == 0, "\(build.output)\n\(build.standardError)")
        let compiled = (FileManager.default.enumerator(atPath: products.appendingPathComponent("XLSXExporter.build").path)?
            .compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".o") }
        #expect(compiled.isEmpty, "the XLSX exporter was compiled: \(compiled)")
        let binary = products.appendingPathComponent("text-only")
        let libraries = try ProcessRunner.run(tool: "ldd", [binary.path]).output
        #expect(!libraries.contains("xlsxwriter"), "\(libraries)")
        let output = try Paths.temporaryDirectory("text-only")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try ProcessRunner.run(binary, [Paths.edition("scored.yaml").path, output.path])
        #expect(run.status == 0 && run.output == "open-data-award-2025.md\nopen-data-award-2025.html\n", "\(run.standardError)")
    }
}
