// swift-tools-version:6.1
import PackageDescription

// The libFuzzer target for loading, validating and exporting edition files, and (with
// JURYREPORT_FUZZ_TARGET=form) for reading filled score forms. Built by scripts/fuzz.sh with
// -sanitize=fuzzer,address in a scratch folder of its own.
let package = Package(
    name: "EditionFuzz",
    dependencies: [
        .package(name: "juryreport", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "EditionFuzzer",
            dependencies: [
                .product(name: "JuryReport", package: "juryreport"), .product(name: "JuryReportJudging", package: "juryreport"),
            ]
        )
    ]
)
