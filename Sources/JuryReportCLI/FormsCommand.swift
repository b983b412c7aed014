import ArgumentParser
import Foundation
import JuryReport
import JuryReportCore
import JuryReportJudging

/// `juryreport forms`: one score form per jury member, to send out before the judging;
/// written like exported reports (validated first, each file moved into place when whole).
struct FormsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "Write a score form per jury member: a workbook to fill in, or a PDF to fill in by hand.",
        discussion: """
            Each form is named SLUG-YEAR.form.JUROR.xlsx (or .pdf): one row per nominee, one column per \
            criterion, the cells to fill in checked against the scale, the nominees a member is recused \
            from greyed out, the scores the edition already has filled in. `juryreport collect` reads the \
            filled workbooks back.
            """
    )

    @Argument(
        help: "Edition files (.yaml, .yml or .json), or directories of them; none: the bundled edition.",
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var editions: [String] = []

    @Option(name: .customLong("juror"), help: "Only the form of this jury member (an id); repeat for more. Default: every member.")
    var jurors: [String] = []

    @Option(
        name: .customLong("return-by"),
        help: ArgumentHelp("The day the forms are to be back (YYYY-MM-DD), said on each form with the award's organizer.", valueName: "date"))
    var returnBy: String?

    @Option(help: "xlsx, pdf or both (xlsx,pdf).")
    var format: String = "xlsx"

    @Option(name: [.short, .long], help: "The output directory.", completion: .directory)
    var output: String = "out"

    @Flag(name: [.short, .long], help: "Show no progress, even on a terminal.")
    var quiet = false

    @OptionGroup var namedFiles: NamedFileOptions

    @Flag(help: "Overwrite forms that hold scores entered since they were written.")
    var force = false

    /// The form exporters of `--format`, in the order given, from the registry of forms.
    private func exporters() throws -> [any Exporter] {
        var date: CalendarDate?
        if let returnBy {
            guard let parsed = CalendarDate(iso: returnBy) else {
                throw ValidationError("--return-by: '\(returnBy)' is not a date; give it as YYYY-MM-DD, such as 2026-05-15")
            }
            date = parsed
        }
        let registry = try BuiltInExporters.forms(jurors: jurors.isEmpty ? nil : Set(jurors), returnBy: date)
        let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if names.isEmpty { throw ValidationError("--format names no form format; use \(registry.names.joined(separator: ", "))") }
        do {
            return try registry.exporters(named: names)
        } catch {
            throw ValidationError("forms: " + error.message)
        }
    }

    func run() async throws {
        InterruptCleanup.install()
        defer { InterruptCleanup.awaitPendingSignal() }
        let formExporters = try exporters()
        var pipeline = namedFiles.applied(to: ExportPipeline(registry: try ExporterRegistry(formExporters), environment: ProcessInfo.processInfo.environment))
        pipeline.temporaryResourceObserver = { InterruptCleanup.track($0, present: $1) }
        // Forms go out before any score is in: the scoresFile may not exist yet.
        pipeline.loader.allowsMissingTables = true
        let chosen = try ExitStatus.usage { try ExportSelection(exporters: formExporters, options: ExportOptions()) }
        let loaded = try await EditionArguments.load(editions, with: pipeline)
        pipeline.protectedInputs = EditionArguments.inputFiles(editions, loaded)
        ProcessEnd.keep(loaded)
        for edition in loaded {
            let known = Set(edition.jury.map(\.id))
            for juror in jurors where !known.contains(juror) {
                let hint = Suggestion.closest(to: juror, among: edition.jury.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                throw ValidationError("\(edition.baseName) has no jury member '\(juror)'\(hint)")
            }
        }
        let requests = loaded.map { pipeline.derive($0, for: chosen) }
        let destination = ExportDestination.directory(URL(fileURLWithPath: output))
        let exported = try await ExitStatus.mapping { try await pipeline.export(requests, chosen, to: destination) }
        // Warnings (characters a TeX font cannot set), then the first failure, as export does.
        for result in exported.editions {
            guard case .success(let edition) = result else { break }
            edition.warnings.forEach { Console.error("\(edition.baseName): warning: \($0)") }
        }
        if !force && holdsFilledForms(exported) {
            pipeline.discard(exported)
            throw ExitStatus.cannotWrite
        }
        let committed = try await ExitStatus.mapping { try pipeline.commit(exported, to: destination) }
        // As export: the files written on a terminal, a build job's log quiet.
        let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let directory = URL(fileURLWithPath: output)
        for file in committed.flatMap(\.files) {
            progress.report("wrote \(directory.appendingPathComponent(file.name).relativePath)")
        }
    }

    /// A workbook form already in the output directory that holds scores the new one would
    /// not (a juror filled it in and it came back there) is never overwritten without
    /// --force: each is named with its scores, and the caller writes nothing (exit 73).
    private func holdsFilledForms(_ batch: ExportBatch) -> Bool {
        var refused = false
        for case .success(let edition) in batch.editions {
            for file in edition.files where file.name.hasSuffix(".xlsx") {
                let path = URL(fileURLWithPath: output).appendingPathComponent(file.name).path
                guard FileManager.default.fileExists(atPath: path), case .temporaryFile(let fresh) = file.content else { continue }
                let entered: [String]
                do {
                    entered = FormCells.entered(in: try WorkbookReader().read(path), comparedWith: try WorkbookReader().read(fresh))
                } catch {
                    Console.error("\(path): error: is not a form juryreport can read; not overwritten (move it away, or use --force)")
                    refused = true
                    continue
                }
                guard !entered.isEmpty else { continue }
                let shown = entered.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (entered.count > 3 ? " and \(entered.count - 3) more" : "")
                Console.error(
                    "\(path): error: holds scores entered since it was written (\(shown)); not overwritten "
                        + "(collect it first, or use --force)")
                refused = true
            }
        }
        return refused
    }
}
