// swift-tools-version:6.1
import PackageDescription

// An example of a package that adds its own exporter to juryreport: a plain-text press
// release. See Sources/JuryReportCore/JuryReportCore.docc/WritingAnExporter.md.
let package = Package(
    name: "PressRelease",
    dependencies: [
        .package(name: "juryreport", path: "../..")
    ],
    targets: [
        // The exporter.
        .target(name: "PressRelease", dependencies: [.product(name: "JuryReport", package: "juryreport")]),
        // A program of its own through the library's pipeline.
        .executableTarget(
            name: "press-release",
            dependencies: ["PressRelease", .product(name: "JuryReport", package: "juryreport")]
        ),
        // The juryreport command with the exporter added, in one line.
        .executableTarget(
            name: "my-juryreport",
            dependencies: ["PressRelease", .product(name: "JuryReportCLI", package: "juryreport")]
        ),
    ]
)
