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
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Console.error("\(directory): error: cannot create the directory (\(error.localizedDescription))")
            throw ExitStatus.cannotWrite
        }
        do {
            InterruptCleanup.install()
            defer { InterruptCleanup.awaitPendingSignal() }
            try OutputFile.write(
                PackageResources.starter_edition_yaml, to: path, existing: .keep, observer: { InterruptCleanup.track($0, present: $1) })
        } catch {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
        Console.error("wrote \(path)")
        let schema = URL(fileURLWithPath: directory).appendingPathComponent(SchemaCommand.fileName).path
        try SchemaCommand.write(to: schema)
        Console.error("wrote \(schema)")
    }
}
