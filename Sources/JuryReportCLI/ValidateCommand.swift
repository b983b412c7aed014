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

    @Argument(
        help: "Edition files (.yaml, .yml or .json), or directories of them.",
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var editions: [String]

    @OptionGroup var namedFiles: NamedFileOptions

    /// A line on stdout for each valid file, also when another is not; on stderr the faults
    /// of each invalid one, and the warnings `export` would give for each valid one (labels that
    /// fall back to English, a winner not ranked first, scores missing).
    func run() async throws {
        let paths = try EditionArguments.expanded(editions)
        let (results, worst) = await EditionArguments.loadEach(paths, with: namedFiles.applied(to: ExportPipeline(registry: try ExporterRegistry())))
        for (path, edition) in results {
            guard let edition else { continue }
            Console.output(
                "\(path): valid (\(edition.nominees.count) nominees, \(edition.jury.count) jury members, \(edition.scores.count) scores)\n")
            ExportRequest(edition: edition).editionWarnings.forEach { Console.error("\(path): warning: \($0)") }
        }
        ProcessEnd.keep(results)
        if worst != 0 { throw ExitCode(worst) }
    }
}
