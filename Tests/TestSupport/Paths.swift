import Foundation

/// Where the package's files and the built tool are.
public enum Paths {
    /// The package's top folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let fixtures = packageRoot.appendingPathComponent("Fixtures")

    /// An edition file under `Fixtures/editions/`.
    public static func edition(_ name: String) -> URL {
        fixtures.appendingPathComponent("editions").appendingPathComponent(name)
    }

    /// The seed: the original jury report (a copy of `shared/seeds/`, so a clone is whole).
    public static let seed = fixtures.appendingPathComponent("seeds/juryrapport-pro-motor-2019-2020.md")

    /// The `juryreport` executable built beside the tests.
    public static var juryreport: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("juryreport"),
            Bundle.main.bundleURL.appendingPathComponent("juryreport"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("juryreport"),
            packageRoot.appendingPathComponent(".build/debug/juryreport"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// A new empty directory that the caller removes.
    /// The names in `directory`, sorted, without the manifest of what juryreport wrote
    /// there (`.juryreport-manifest`, which tests of it read on their own).
    public static func reports(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0 != manifest }.sorted()
    }

    /// The name of the manifest an export leaves in its output directory.
    public static let manifest = ".juryreport-manifest"

    public static func temporaryDirectory(_ label: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("juryreport-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
