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
        .executableTarget(
            name: "press-release",
            dependencies: [.product(name: "JuryReport", package: "juryreport")]
        )
    ]
)
