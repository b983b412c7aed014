import ArgumentParser
import Foundation
import JSONExporter
import JuryReportCore

/// `juryreport schema`: the JSON Schema of the edition file, on standard output or into a
/// file (for an editor: `# yaml-language-server: $schema=jury-report.schema.json` at the top
/// of an edition file lets VS Code's YAML extension complete and check its keys).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the edition file.",
        discussion: """
            With --output FILE it is written there instead. An edition file whose first line is
            '# yaml-language-server: $schema=jury-report.schema.json' is then completed and
            checked by editors that read it (VS Code's YAML extension).
            """
    )

    @Option(name: [.short, .long], help: ArgumentHelp("Write the schema into FILE.", valueName: "FILE"))
    var output: String?

    /// The file name `init` writes the schema under, beside the starter file.
    static let fileName = "jury-report.schema.json"

    func run() throws {
        guard let output else {
            Console.output(EditionSchema.json)
            return
        }
        try Self.write(to: output)
        Console.error("wrote \(output)")
    }

    /// Writes the schema into `path`, replacing what is there (or not, with `existing: .keep`).
    static func write(to path: String, existing: OutputFile.Existing = .replace) throws {
        do {
            InterruptCleanup.install()
            defer { InterruptCleanup.awaitPendingSignal() }
            try OutputFile.write(
                Array(EditionSchema.json.utf8), to: path, existing: existing, observer: { InterruptCleanup.track($0, present: $1) })
        } catch {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
    }
}
