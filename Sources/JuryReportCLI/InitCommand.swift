import ArgumentParser
import Foundation
import JuryReportCore

/// `juryreport init`: a commented starter edition file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter edition file, edition.yaml, into DIR.",
        discussion: """
            An existing edition.yaml is never overwritten. Beside it goes the JSON Schema,
            jury-report.schema.json, which the starter's first line points editors to.
            """
    )

    @Argument(help: "The directory (default: the current one).")
    var directory: String = "."

    func run() throws {
        let path = URL(fileURLWithPath: directory).appendingPathComponent("edition.yaml").path
        if FileManager.default.fileExists(atPath: path) {
            Console.error("\(path): error: already exists; not overwritten")
            throw ExitStatus.cannotWrite
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(PackageResources.starter_edition_yaml).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            Console.error("\(path): error: cannot write (\(error.localizedDescription))")
            throw ExitStatus.cannotWrite
        }
        Console.error("wrote \(path)")
        let schema = URL(fileURLWithPath: directory).appendingPathComponent(SchemaCommand.fileName)
        try SchemaCommand.write(to: schema)
        Console.error("wrote \(schema.path)")
    }
}
