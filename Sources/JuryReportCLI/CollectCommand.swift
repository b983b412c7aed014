import ArgumentParser
import Foundation
import JuryReportCore
import JuryReportJudging

/// `juryreport collect`: reads filled score forms and writes their scores as the CSV table
/// an edition's `scoresFile` names, or nothing at all when one form is wrong.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Read filled score forms; write their scores as a CSV table (juror, nominee, criterion, score).",
        discussion: """
            Every form is checked against the edition: its identification (edition, jury member, the \
            nominee and criterion lists), every value (a number inside the scale), recusals, and each \
            jury member once. One fault refuses them all: exit 65 and nothing written. Empty cells are \
            warnings. Without --output the table goes to the edition's scoresFile, or to standard output \
            when the edition names none. Scores the edition file itself gives are not written again.
            """
    )

    @Argument(help: "The edition file the forms were made from.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var edition: String

    @Argument(help: "The filled forms (.xlsx).", completion: .file(extensions: ["xlsx"]))
    var forms: [String]

    @Option(name: [.short, .long], help: "The CSV file to write (written whole, or not at all).", completion: .file(extensions: ["csv"]))
    var output: String?

    func validate() throws {
        if forms.isEmpty { throw ValidationError("name at least one filled form") }
    }

    func run() async throws {
        var pipeline = ExportPipeline(registry: try ExporterRegistry())
        pipeline.loader.allowsMissingScoresFile = true
        let loaded = try await EditionArguments.load([edition], with: pipeline)
        guard let edition = loaded.first, loaded.count == 1 else {
            throw ValidationError("collect reads the forms of one edition file, not a directory of them")
        }
        var read: [FilledForm] = []
        var worst: ExitCode?
        for path in forms {
            do {
                read.append(try WorkbookReader(limits: .form(of: edition)).read(path))
            } catch {
                Console.error(error.description)
                worst = error.isMissing ? ExitStatus.missingInput : (worst ?? ExitStatus.invalidEdition)
            }
        }
        let collection = ScoreCollector(edition: edition).collect(read)
        collection.warnings.forEach { Console.error($0.description) }
        collection.errors.forEach { Console.error($0.description) }
        if let worst { throw worst }
        guard collection.errors.isEmpty else { throw ExitStatus.invalidEdition }
        let table = ScoresTable.text(of: collection.scores)
        let destination = output ?? edition.scoresFile.map { resolvedPath($0.path) }
        guard let destination else {
            Console.output(table)
            return
        }
        // Never over the edition file, its logo or a form being read (the scores file is
        // what collect writes).
        var inputs = ProtectedInputs([self.edition] + forms)
        if let logo = edition.branding.logo { inputs.add(resolvedPath(logo.path)) }
        do {
            try OutputFile.write(Array(table.utf8), to: destination, protecting: inputs)
        } catch {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
        Console.error("wrote \(destination): \(collection.scores.count) scores from \(read.count) form\(read.count == 1 ? "" : "s")")
    }

    /// A path the edition gives (its scoresFile, its logo), relative to the edition file.
    private func resolvedPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = (edition as NSString).deletingLastPathComponent
        return directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }
}
