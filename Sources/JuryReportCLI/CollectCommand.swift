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

            Forms may come back in batches: the scores of a batch are added to those the table already \
            holds. A jury member whose scores it holds is refused (exit 65) unless --replace is given; \
            then their newer form replaces their scores, and only theirs.
            """
    )

    @Argument(help: "The edition file the forms were made from.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var edition: String

    @Argument(help: "The filled forms (.xlsx).", completion: .file(extensions: ["xlsx"]))
    var forms: [String]

    @Option(name: [.short, .long], help: "The CSV file to write (written whole, or not at all).", completion: .file(extensions: ["csv"]))
    var output: String?

    @OptionGroup var namedFiles: NamedFileOptions

    @Flag(help: "Let a jury member's newer form replace the scores the table already holds of them.")
    var replace = false

    func validate() throws {
        if forms.isEmpty { throw ValidationError("name at least one filled form") }
    }

    func run() async throws {
        var pipeline = namedFiles.applied(to: ExportPipeline(registry: try ExporterRegistry()))
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
        let destination = output ?? edition.scoresFile.map { resolvedPath($0.path) }
        // Never over the edition file, its logo or a form being read (the scores file is
        // what collect writes), checked before the table there is read.
        var inputs = ProtectedInputs([self.edition] + forms)
        if let logo = edition.branding.logo { inputs.add(resolvedPath(logo.path)) }
        do {
            if let destination, case .file(let path) = try OutputPath.resolve(destination) { try inputs.check(path) }
        } catch {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
        // A batch adds to what the table holds: the edition's scoresFile as loaded, or the
        // table --output names.
        let existing = try existingScores(in: destination, of: edition)
        let formFiles = Dictionary(
            read.map { ($0.properties[FormIdentity.PropertyName.juror] ?? "", $0.file) }, uniquingKeysWith: { first, _ in first })
        let merged = ScoreMerge(edition: edition).merge(
            existing: existing, collected: collection.scores, forms: formFiles, table: destination ?? "the table", replacing: replace)
        merged.errors.forEach { Console.error($0.description) }
        guard merged.errors.isEmpty else { throw ExitStatus.invalidEdition }
        let table = ScoresTable.text(of: merged.scores)
        guard let destination else {
            Console.output(table)
            return
        }
        do {
            try OutputFile.write(Array(table.utf8), to: destination, protecting: inputs)
        } catch {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
        guard destination != "-" else { return }
        let replaced = merged.replaced.isEmpty ? "" : ", replacing those of \(merged.replaced.joined(separator: ", "))"
        let kept = merged.scores.count - collection.scores.count
        Console.error(
            "wrote \(destination): \(collection.scores.count) scores from \(read.count) form\(read.count == 1 ? "" : "s")"
                + (kept > 0 ? " beside \(kept) kept" : "") + replaced)
    }

    /// The scores the table at `destination` holds now: the edition's scoresFile as loaded,
    /// another table read (its faults refuse the batch, exit 65), or none.
    private func existingScores(in destination: String?, of edition: Edition) throws -> [Score] {
        guard let destination, destination != "-" else { return [] }
        if let reference = edition.scoresFile, let target = FileIdentity(path: destination),
            FileIdentity(path: resolvedPath(reference.path)) == target
        {
            return Array(edition.scores.suffix(reference.count))
        }
        var info = stat()
        guard stat(destination, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [] }
        guard info.st_size <= 128 << 20, let data = FileManager.default.contents(atPath: destination) else {
            Console.error("\(destination): error: cannot read the table to add the scores to")
            throw ExitStatus.missingInput
        }
        let (scores, _, diagnostics) = ScoresTable.read(String(decoding: data, as: UTF8.self), file: destination)
        guard diagnostics.allSatisfy({ $0.severity != .error }) else {
            diagnostics.forEach { Console.error($0.description) }
            throw ExitStatus.invalidEdition
        }
        return scores
    }

    /// A path the edition gives (its scoresFile, its logo), relative to the edition file.
    private func resolvedPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = (edition as NSString).deletingLastPathComponent
        return directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }
}
