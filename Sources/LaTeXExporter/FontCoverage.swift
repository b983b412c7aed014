import Foundation
import JuryReportCore
import JuryReportProcess

/// The characters a machine's fonts can set, as fontconfig (`fc-list`) reports them: which
/// characters lualatex will find in the fallback fonts a document asks for, so that those
/// it will not are replaced visibly rather than lost.
struct FontCoverage {
    private var ranges: [ClosedRange<UInt32>] = []

    /// What the installed fonts among `fonts` cover; nothing when fc-list is not found.
    static func installed(
        _ fonts: [String], path: String?, environment: [String: String], observer: TemporaryResourceObserver?
    ) -> FontCoverage {
        var coverage = FontCoverage()
        guard let fcList = LaTeXEngine.executable(named: "fc-list", path: path) else { return coverage }
        for font in fonts {
            guard let output = try? run(fcList, arguments: ["--format", "%{charset}\\n", font], environment: environment, observer: observer) else { continue }
            coverage.ranges += parse(output)
        }
        return coverage
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        ranges.contains { $0.contains(scalar.value) }
    }

    /// fontconfig's charset: hexadecimal code points and ranges, `20-7e a0 100-17f`.
    static func parse(_ text: String) -> [ClosedRange<UInt32>] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { part in
            let bounds = part.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            switch bounds.count {
            case 1: return bounds[0]...bounds[0]
            case 2 where bounds[0] <= bounds[1]: return bounds[0]...bounds[1]
            default: return nil
            }
        }
    }

    private static func run(
        _ executable: URL, arguments: [String], environment: [String: String], observer: TemporaryResourceObserver?
    ) throws -> String {
        try TemporaryWorkspace.with(label: "fc", observer: observer) { workspace in
            let output = workspace.url.appendingPathComponent("charset")
            var process = ChildProcess(
                executable: executable, arguments: arguments,
                environment: environment.isEmpty ? ProcessInfo.processInfo.environment : environment,
                directory: workspace.url, timeout: 60, observer: observer)
            process.standardOutput = output
            guard case .exited(0) = try process.run() else { return "" }
            return String(decoding: try Data(contentsOf: output), as: UTF8.self)
        }
    }
}
