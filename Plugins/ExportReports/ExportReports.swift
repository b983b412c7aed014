import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-reports [arguments of
/// juryreport export]`: runs the built `juryreport export` from the package that calls it,
/// so relative paths are that package's. The tool prints its own diagnostics; the plugin
/// ends with the tool's exit code (64 usage, 65 invalid edition, 66 missing input, 73
/// cannot write), so a build job can tell them apart.
///
/// Like a build system, it exports only when an input changed: the files an export writes
/// come from `--list-outputs`, the files it read from the `--depfile` the last run left in
/// the plugin's work folder (one per set of arguments). When every output exists and is
/// newer than every input and than the tool, it says so and writes nothing.
@main
struct ExportReports: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try builtJuryReport(packageManager)
        let directory = context.package.directoryURL
        // Arguments that write elsewhere or nothing go through as they are.
        let passThrough = arguments.contains { ["--stdout", "--check", "--list-outputs", "--depfile", "-h", "--help"].contains($0) }
        if passThrough {
            exit(run(tool, ["export"] + arguments, in: directory).status)
        }
        let depfile = context.pluginWorkDirectoryURL.appendingPathComponent("export-\(Self.hash(arguments)).d")
        let listed = run(tool, ["export"] + arguments + ["--list-outputs"], in: directory, capture: true)
        if listed.status == 0, let inputs = Self.prerequisites(of: depfile) {
            let outputs = listed.output.split(separator: "\n").map { directory.appendingPathComponent(String($0)).path }
            let written = outputs.compactMap(Self.modified)
            let read = (inputs.map { directory.appendingPathComponent($0).path } + [tool.path]).compactMap(Self.modified)
            // Every output there, every input still there, none newer than the oldest output.
            if !outputs.isEmpty, written.count == outputs.count, read.count == inputs.count + 1,
                let oldest = written.min(), read.allSatisfy({ $0 <= oldest })
            {
                print("export-reports: \(outputs.count) reports up to date; none of their \(inputs.count) inputs changed")
                return
            }
        }
        let status = run(tool, ["export"] + arguments + ["--depfile", depfile.path], in: directory).status
        if status != 0 { exit(status) }
    }

    /// Runs the tool in `directory`; its output shown, or captured.
    private func run(_ tool: URL, _ arguments: [String], in directory: URL, capture: Bool = false) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        if capture {
            process.standardOutput = pipe
            // Its diagnostics, if any, come from the export that follows: said once.
            process.standardError = FileHandle.nullDevice
        }
        do { try process.run() } catch { return (1, "") }
        let data = capture ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        // Not thrown as an error: SwiftPM would print it a second time and exit 1 for any.
        let status = process.terminationReason == .exit ? process.terminationStatus : 1
        return (status, String(decoding: data, as: UTF8.self))
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
    }

    /// FNV-1a of the arguments: one dependency file per way of calling the plugin.
    private static func hash(_ arguments: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in arguments.joined(separator: "\u{0}").utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }

    /// The prerequisites of the rule juryreport's `--depfile` wrote: after the first
    /// unescaped colon, split at unescaped spaces, `\ `, `\#`, `\%`, `\:` and `$$` read back.
    private static func prerequisites(of depfile: URL) -> [String]? {
        guard let text = try? String(contentsOf: depfile, encoding: .utf8) else { return nil }
        var paths: [String] = []
        var current = ""
        var afterColon = false
        var characters = Array(text.replacingOccurrences(of: "\\\n", with: " "))[...]
        while let character = characters.popFirst() {
            switch character {
            case "\\" where characters.first.map({ " #%:".contains($0) }) == true:
                current.append(characters.removeFirst())
            case "$" where characters.first == "$":
                characters.removeFirst()
                current.append("$")
            case ":" where !afterColon:
                afterColon = true
                current = ""
            case " ", "\n":
                if afterColon && !current.isEmpty { paths.append(current) }
                current = ""
            default:
                current.append(character)
            }
        }
        if afterColon && !current.isEmpty { paths.append(current) }
        return afterColon ? paths : nil
    }
}
