import ArgumentParser
import JuryReportCore

/// `juryreport schema`: the JSON Schema of the edition file.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the edition file."
    )

    func run() throws {
        Console.output(EditionSchema.json)
    }
}
