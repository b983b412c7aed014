import ArgumentParser
import JuryReport
import JuryReportCore

/// `juryreport validate`: checks edition files and writes nothing.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check edition files; report every fault at once.",
        discussion: "Exits 0 when every file is valid, 65 when one is not, 66 when one cannot be read."
    )

    @Argument(help: "Edition files (.yaml, .yml or .json).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var editions: [String]

    func run() async throws {
        let loaded = try await EditionArguments.load(editions, with: ExportPipeline(registry: ExporterRegistry()))
        for (path, edition) in zip(editions, loaded) {
            Console.output(
                "\(path): valid (\(edition.nominees.count) nominees, \(edition.jury.count) jury members, \(edition.scores.count) scores)\n")
        }
        ProcessEnd.keep(loaded)
    }
}
