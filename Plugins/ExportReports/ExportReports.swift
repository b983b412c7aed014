import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-reports [arguments of
/// juryreport export]`: runs the built `juryreport export` from the package that calls it,
/// so relative paths are that package's. The tool prints its own diagnostics; the plugin
/// ends with the tool's exit code (64 usage, 65 invalid edition, 66 missing input, 73
/// cannot write), so a build job can tell them apart.
@main
struct ExportReports: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "juryreport")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["export"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        // Not thrown as an error: SwiftPM would print it a second time and exit 1 for any.
        if process.terminationReason != .exit || process.terminationStatus != 0 {
            exit(process.terminationReason == .exit ? process.terminationStatus : 1)
        }
    }
}
