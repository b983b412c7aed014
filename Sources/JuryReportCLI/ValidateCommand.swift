import ArgumentParser
import JuryReportCore

/// `juryreport validate`: checks edition files and writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check edition files; report every fault at once.",
        discussion: "Exits 0 when every file is valid, 65 when one is not, 66 when one cannot be read."
    )

    @Argument(help: "Edition files (.yaml, .yml or .json).")
    var editions: [String]

    func run() throws {
        let loaded = try EditionSource().loadAll(editions)
        for (path, edition) in zip(editions, loaded) {
            Console.output(
                "\(path): valid (\(edition.nominees.count) nominees, \(edition.jury.count) jury members, \(edition.scores.count) scores)\n")
        }
        ProcessEnd.keep(loaded)
    }
}
