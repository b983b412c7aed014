import ArgumentParser
import Foundation
import JuryReportCore
import JuryReportJudging

/// `juryreport collect`: reads filled score forms and writes their scores as the CSV table
/// an edition's `scoresFile` names and their remarks as the one its `remarksFile` names, or
/// nothing at all when one form is wrong.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Read filled score forms; write their scores and remarks as CSV tables.",
        discussion: """
            Every form is checked against the edition: its identification (edition, jury member, the \
            nominee and criterion lists), every value (a number inside the scale), recusals, and each \
            jury member once. One fault refuses them all: exit 65 and nothing written. Empty cells are \
            warnings. Without --output the table goes to the edition's scoresFile, or to standard output \
            when the edition names none. Scores the edition file itself gives are not written again. \
            The forms' remarks go to the edition's remarksFile (or --remarks): a table of juror, nominee \
            and remark, for the organizer; no report shows them. Both tables are written, or neither.

            Forms may come back in batches: the scores of a batch are added to those the table already \
            holds, and their remarks to the remarks. A jury member whom the tables hold is refused \
            (exit 65) unless --replace is given; then their newer form replaces their scores and \
            remarks, and only theirs.
            """
    )

    @Argument(help: "The edition file the forms were made from.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var edition: String

    @Argument(help: "The filled forms (.xlsx).", completion: .file(extensions: ["xlsx"]))
    var forms: [String]

    @Option(name: [.short, .long], help: "The CSV file to write (written whole, or not at all).", completion: .file(extensions: ["csv"]))
    var output: String?

    @Option(
        help: "The CSV file of remarks to write (juror, nominee, remark); default: the edition's remarksFile.",
        completion: .file(extensions: ["csv"]))
    var remarks: String?

    @OptionGroup var namedFiles: NamedFileOptions

    @Flag(help: "Let a jury member's newer form replace the scores and remarks the tables already hold of them.")
    var replace = false

    func validate() throws {
        if forms.isEmpty { throw ValidationError("name at least one filled form") }
    }

    func run() async throws {
        // A kill leaves no staging file behind, as with an export.
        InterruptCleanup.install()
        defer { InterruptCleanup.awaitPendingSignal() }
        var pipeline = namedFiles.applied(to: ExportPipeline(registry: try ExporterRegistry()))
        pipeline.loader.allowsMissingTables = true
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
        let remarksDestination = remarks ?? edition.remarksFile.map { resolvedPath($0.path) }
        if !collection.remarks.isEmpty && remarksDestination == nil {
            Console.error(
                "\(self.edition): error: the forms hold \(collection.remarks.count) remark\(collection.remarks.count == 1 ? "" : "s") and the "
                    + "edition names no remarksFile to keep them in; add 'remarksFile: remarks.csv' to it, or give --remarks FILE")
            throw ExitStatus.invalidEdition
        }
        if destination == "-" && remarksDestination == "-" {
            throw ValidationError("the scores and the remarks cannot both go to standard output")
        }
        // Never over the edition file, its logo or a form being read (the tables are what
        // collect writes), checked before the tables there are read.
        var inputs = ProtectedInputs([self.edition] + forms)
        if let logo = edition.branding.logo { inputs.add(resolvedPath(logo.path)) }
        do {
            for case let path? in [destination, remarksDestination] {
                if case .file(let final) = try OutputPath.resolve(path) { try inputs.check(final) }
            }
        } catch {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
        // A batch adds to what the tables hold: the edition's tables as loaded, or those the
        // options name.
        let existing = ScoreMerge.Tables(
            scores: try existingRows(in: destination, of: edition.scoresFile, loaded: edition.scores, read: ScoresTable.read),
            remarks: try existingRows(in: remarksDestination, of: edition.remarksFile, loaded: edition.remarks, read: RemarksTable.read))
        let formFiles = Dictionary(
            read.map { ($0.properties[FormIdentity.PropertyName.juror] ?? "", $0.file) }, uniquingKeysWith: { first, _ in first })
        let merged = ScoreMerge(edition: edition).merge(
            existing: existing, collected: ScoreMerge.Tables(scores: collection.scores, remarks: collection.remarks), forms: formFiles,
            table: [destination, remarksDestination].compactMap { $0 }.first { $0 != "-" } ?? "the table",
            replacing: replace)
        merged.errors.forEach { Console.error($0.description) }
        guard merged.errors.isEmpty else { throw ExitStatus.invalidEdition }
        let table = ScoresTable.text(of: merged.tables.scores)
        var files: [(bytes: [UInt8], path: String)] = []
        if let destination { files.append((Array(table.utf8), destination)) } else { Console.output(table) }
        // The remarks table is written when it changes, or is asked for.
        let remarksWritten = remarksDestination.flatMap { remarks != nil || merged.tables.remarks != existing.remarks ? $0 : nil }
        if let remarksWritten { files.append((Array(RemarksTable.text(of: merged.tables.remarks).utf8), remarksWritten)) }
        do {
            try OutputFile.write(files, protecting: inputs, observer: { InterruptCleanup.track($0, present: $1) })
        } catch {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
        let replaced = merged.replaced.isEmpty ? "" : ", replacing those of \(merged.replaced.joined(separator: ", "))"
        for (path, count, total, noun) in [
            (destination, collection.scores.count, merged.tables.scores.count, "score"),
            (remarksWritten, collection.remarks.count, merged.tables.remarks.count, "remark"),
        ] {
            guard let path, path != "-" else { continue }
            let kept = total - count
            Console.error(
                "wrote \(path): \(count) \(noun)\(count == 1 ? "" : "s") from \(read.count) form\(read.count == 1 ? "" : "s")"
                    + (kept > 0 ? " beside \(kept) kept" : "") + replaced)
        }
    }

    /// The rows the table at `destination` holds now: the edition's own table as loaded
    /// (`loaded`, whose last `reference.count` came from it), another table read (its faults
    /// refuse the batch, exit 65), or none.
    private func existingRows<Row>(
        in destination: String?, of reference: TableFileReference?, loaded: [Row],
        read: (String, String) -> ([Row], [TableRowPositions], [Diagnostic])
    ) throws -> [Row] {
        guard let destination, destination != "-" else { return [] }
        if let reference, let target = FileIdentity(path: destination), FileIdentity(path: resolvedPath(reference.path)) == target {
            return Array(loaded.suffix(reference.count))
        }
        var info = stat()
        guard stat(destination, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [] }
        guard info.st_size <= 128 << 20, let data = FileManager.default.contents(atPath: destination) else {
            Console.error("\(destination): error: cannot read the table to add to")
            throw ExitStatus.missingInput
        }
        let (rows, _, diagnostics) = read(String(decoding: data, as: UTF8.self), destination)
        guard diagnostics.allSatisfy({ $0.severity != .error }) else {
            diagnostics.forEach { Console.error($0.description) }
            throw ExitStatus.invalidEdition
        }
        return rows
    }

    /// A path the edition gives (its scoresFile, its logo), relative to the edition file.
    private func resolvedPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = (edition as NSString).deletingLastPathComponent
        return directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }
}
