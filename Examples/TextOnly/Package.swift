// swift-tools-version:6.1
import PackageDescription

// An example of a package that uses the library without the workbook exporter, so it
// builds on a machine without libxlsxwriter: the product JuryReportText.
let package = Package(
    name: "TextOnly",
    dependencies: [
        .package(name: "juryreport", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "text-only",
            dependencies: [.product(name: "JuryReportText", package: "juryreport")]
        )
    ]
)
