import Foundation
import PackagePlugin

/// `swift package check-reports [validate] [arguments]`: the read-only side of
/// `export-reports`, which needs no write permission: `check-reports validate EDITION...`
/// runs `juryreport validate`; otherwise `juryreport export --check` with the arguments
/// (`--help` shows export's help). It ends with the tool's exit code.
@main
struct CheckReports: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let process = Process()
        process.executableURL = try builtJuryReport(packageManager)
        if arguments.first == "validate" {
            process.arguments = arguments
        } else if arguments.contains("--help") || arguments.contains("-h") {
            process.arguments = ["export", "--help"]
        } else {
            process.arguments = ["export", "--check"] + arguments.filter { $0 != "--check" }
        }
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationReason != .exit || process.terminationStatus != 0 {
            exit(process.terminationReason == .exit ? process.terminationStatus : 1)
        }
    }
}
