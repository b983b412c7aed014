import Foundation
import PackagePlugin

// Shared by the command plugins, each of which links it in (Plugins/*/BuiltTool.swift is a
// link to this file): a plugin target cannot depend on a library.

/// `juryreport`, built by SwiftPM for this call in the configuration `swift package` was
/// given: a build of the product, which reuses the modules the package has built, not a
/// plugin tool (SwiftPM builds a tool apart, every module a second time). On a failed build
/// its log is shown and the plugin ends.
func builtJuryReport(_ packageManager: PackageManager) throws -> URL {
    let build = try packageManager.build(.product("juryreport"), parameters: .init(configuration: .inherit, logging: .concise))
    guard build.succeeded, let tool = build.builtArtifacts.first(where: { $0.kind == .executable }) else {
        FileHandle.standardError.write(Data(build.logText.utf8))
        exit(1)
    }
    return tool.url
}
