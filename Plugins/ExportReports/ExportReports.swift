import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-reports [arguments of
/// juryreport export]`: runs the built `juryreport export` from the package that calls it,
/// so relative paths are that package's.
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
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("juryreport export failed with exit code \(process.terminationStatus)")
            throw ExportFailed(status: process.terminationStatus)
        }
    }
}

struct ExportFailed: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "juryreport export exited with \(status)" }
}
