// swift-tools-version:6.1
import PackageDescription

// Built and tested on Linux (Debian) only: the output code calls Glibc, and libxlsxwriter and
// TeX Live come from Debian's packages. No other platform is declared, since none is built.
let package = Package(
    name: "juryreport",
    products: [
        .executable(name: "juryreport", targets: ["juryreport"]),
        // The command itself, for a package that adds its own exporters to a `juryreport` of
        // its own: `import JuryReportCLI` and `await JuryReportCommand.main(adding: [MyExporter()])`.
        .library(name: "JuryReportCLI", targets: ["JuryReportCLI"]),
        // For build jobs: `swift package --allow-writing-to-package-directory export-reports ...`.
        .plugin(name: "ExportReports", targets: ["ExportReports"]),
        // Read-only, no permission asked: `swift package check-reports [validate] ...`.
        .plugin(name: "CheckReports", targets: ["CheckReports"]),
        // The library for Swift packages that add their own exporter: the core (model,
        // exporter protocol, registry) and the built-in exporters (`import JuryReport`).
        .library(
            name: "JuryReport",
            targets: [
                "JuryReportCore", "MarkdownExporter", "CSVExporter", "XLSXExporter", "LaTeXExporter", "HTMLExporter",
                "JSONExporter", "DocxExporter", "JuryReport",
            ]),
        // The same without the workbook, for a package on a machine without libxlsxwriter:
        // the core and the text exporters, each imported by its module name
        // (`import JuryReportCore`, `import MarkdownExporter`, ...).
        .library(
            name: "JuryReportText",
            targets: ["JuryReportCore", "MarkdownExporter", "CSVExporter", "LaTeXExporter", "HTMLExporter", "JSONExporter"]),
        // The workbook exporter alone (libxlsxwriter-dev from Debian), beside JuryReportText.
        .library(name: "JuryReportXLSX", targets: ["XLSXExporter"]),
        // The judging round's reading side: filled score forms read and checked against an
        // edition (`WorkbookReader`, `ScoreCollector`); the form reader's fuzz target uses it.
        .library(name: "JuryReportJudging", targets: ["JuryReportJudging"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `swift package generate-documentation`: the DocC catalog of the library.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The zip container of a workbook (reading filled score forms back) and of a Word document.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The model, loading and validation, standings, text, the exporter protocol, the
        // registry and atomic output. It knows no output format.
        // Edition files as documents of positioned nodes: YAML (libyaml through Yams), JSON
        // and CSV parsed with the line and column of every value, and the excerpts and
        // paths diagnostics show. It knows nothing of awards or reports.
        .target(name: "JuryReportSource", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Files on disk, below the core: output paths and their rules (links written through,
        // FIFOs written to, inputs never replaced), staging and renaming, the manifest of what
        // an export wrote, SHA-256.
        // statfs(2), which Glibc's Swift module does not bring: whether a file is on a
        // network file system.
        .target(name: "CFileSystem"),
        // SHA-256 with the processor's SHA instructions, for the export manifest's hashes
        // (the portable Swift code elsewhere).
        .target(name: "CSHA256"),
        .target(name: "JuryReportFiles", dependencies: ["CFileSystem", "CSHA256"]),
        .target(
            name: "JuryReportCore",
            dependencies: ["JuryReportSource", "JuryReportFiles", "CMallocTuning"],
            // The built-in labels, one data file per language, compiled into the binary.
            resources: ["en", "nl", "fr", "de", "es", "it"].map { .embedInCode("Labels/\($0).yaml") }
        ),
        // Child programs (TeX engines, plugins): each in a process group of its own, in a
        // private folder, ended on timeout and on interrupt.
        .target(name: "JuryReportProcess", dependencies: ["JuryReportCore", "CChildProcess"]),
        // fork and exec for child programs in a process group of their own (Glibc's
        // posix_spawn cannot change folder portably): used by JuryReportProcess.
        .target(name: "CChildProcess"),
        // The allocator's settings for the executable's threads (glibc's mallopt), and the
        // hand-back of freed memory after a large edition's buffers are let go.
        .target(name: "CMallocTuning"),
        .target(name: "MarkdownExporter", dependencies: ["JuryReportCore"]),
        .target(name: "CSVExporter", dependencies: ["JuryReportCore"]),
        // libxlsxwriter, the C library the XLSX exporter writes workbooks with.
        .systemLibrary(
            name: "CXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "XLSXExporter", dependencies: ["JuryReportCore", "CXlsxWriter"]),
        .target(
            name: "LaTeXExporter",
            // ZIPFoundation's inflate, for the pdflatex format kept inflated (GzipFile).
            dependencies: ["JuryReportCore", "JuryReportProcess", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // The LaTeX around the text, as TeX with $name$ placeholders.
            resources: [.embedInCode("Templates/document-setup.tex"), .embedInCode("Templates/report-preamble.tex")]),
        .target(name: "HTMLExporter", dependencies: ["JuryReportCore"]),
        .target(name: "JSONExporter", dependencies: ["JuryReportCore"]),
        // Word (Office Open XML): the parts written by hand, zipped by ZIPFoundation.
        .target(name: "DocxExporter", dependencies: ["JuryReportCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The judging round's way back: filled score forms read as spreadsheet programs save
        // them (ZIPFoundation for the workbook's zip), checked and collected into scores.
        .target(name: "JuryReportJudging", dependencies: ["JuryReportCore", "JuryReportSource", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // `import JuryReport`: the core and every built-in exporter, and their registry
        // (BuiltInExporters), the one place that knows them all.
        .target(
            name: "JuryReport",
            dependencies: [
                "JuryReportCore", "MarkdownExporter", "CSVExporter", "XLSXExporter", "LaTeXExporter", "HTMLExporter",
                "JSONExporter", "DocxExporter",
            ]),
        // The bundled default edition (a link to Fixtures/), compiled into the binary.
        .target(
            name: "BundledEdition",
            resources: [.embedInCode("pro-motor-award-2019-2020.yaml")]
        ),
        // The commands; the only code that knows every exporter.
        .target(
            name: "JuryReportCLI",
            dependencies: [
                "JuryReportCore", "JuryReport", "JSONExporter", "BundledEdition", "CChildProcess", "JuryReportProcess", "JuryReportJudging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.embedInCode("Resources/starter-edition.yaml")]
        ),
        .executableTarget(name: "juryreport", dependencies: ["JuryReportCLI", "CMallocTuning"]),
        .plugin(
            name: "ExportReports",
            capability: .command(
                intent: .custom(verb: "export-reports", description: "Export jury reports with juryreport export"),
                permissions: [.writeToPackageDirectory(reason: "juryreport writes the exported reports into the package")]
            )
        ),
        .plugin(
            name: "CheckReports",
            capability: .command(
                intent: .custom(verb: "check-reports", description: "Validate editions or check exported reports (juryreport export --check)")
            )
        ),
        .testTarget(name: "JuryReportCoreTests", dependencies: ["JuryReportCore", "TestSupport"]),
        .testTarget(name: "MarkdownExporterTests", dependencies: ["MarkdownExporter", "TestSupport"]),
        .testTarget(name: "CSVExporterTests", dependencies: ["CSVExporter", "TestSupport"]),
        .testTarget(name: "XLSXExporterTests", dependencies: ["XLSXExporter", "TestSupport"]),
        .testTarget(name: "LaTeXExporterTests", dependencies: ["LaTeXExporter", "TestSupport"]),
        .testTarget(name: "HTMLExporterTests", dependencies: ["HTMLExporter", "TestSupport"]),
        .testTarget(name: "JSONExporterTests", dependencies: ["JSONExporter", "TestSupport"]),
        .testTarget(name: "DocxExporterTests", dependencies: ["DocxExporter", "TestSupport"]),
        // The code of the DocC article, compiled and run.
        .testTarget(name: "DocumentationTests", dependencies: ["JuryReport", "TestSupport"]),
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["JuryReport", "JuryReportJudging", "TestSupport"]
        ),
        .testTarget(
            name: "JuryReportCLITests",
            dependencies: ["JuryReportCLI", "juryreport", "TestSupport"]
        ),
        // Shared by the tests: fixture paths, running real tools, hostile text.
        .target(
            name: "TestSupport", dependencies: ["JuryReportCore"], path: "Tests/TestSupport",
            exclude: ["Readers"]
        ),
    ]
)

for target in package.targets where target.type != .plugin && target.type != .system && !["CChildProcess", "CMallocTuning", "CFileSystem", "CSHA256"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
