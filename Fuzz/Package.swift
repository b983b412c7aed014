// swift-tools-version:6.1
import PackageDescription

// The libFuzzer target for loading, validating and exporting edition files. Built by
// scripts/fuzz.sh with -sanitize=fuzzer,address in a scratch folder of its own.
let package = Package(
    name: "EditionFuzz",
    dependencies: [
        .package(name: "juryreport", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "EditionFuzzer",
            dependencies: [.product(name: "JuryReport", package: "juryreport")]
        )
    ]
)
