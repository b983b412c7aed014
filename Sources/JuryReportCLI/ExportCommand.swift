import ArgumentParser
import Foundation
import JuryReportCore

#if canImport(Glibc)
    import Glibc
#endif

/// `juryreport export`: maps its flags to the ``ExportPipeline`` and the pipeline's errors to
/// exit codes; the pipeline does the work.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export editions in one or more formats.",
        discussion: """
            Without EDITION, exports the bundled 2019-2020 Pro-motor Award edition. Every edition \
            is validated before anything is written; each file is written to a temporary file \
            and moved into place only when the whole export of its edition succeeded. An \
            executable juryreport-export-NAME on PATH is the format NAME; a built-in name always \
            wins over an external one. `juryreport formats` lists the formats and their options.
            """
    )

    @Argument(
        help: "Edition files (.yaml, .yml or .json), or directories of them; none: the bundled edition.",
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var editions: [String] = []

    @OptionGroup var selection: FormatSelectionOptions
    @OptionGroup var namedFiles: NamedFileOptions

    @Option(name: [.short, .long], help: "The output directory.", completion: .directory)
    var output: String = "out"

    @Flag(help: "Write the one file of a single-file text format to standard output.")
    var stdout = false

    @Flag(help: "Write nothing; exit 1 listing the files that are missing or differ from what an export would write.")
    var check = false

    @Flag(help: """
        Also the reports in the output directory that no edition of this call writes (named SLUG-YEAR plus a \
        selected format's suffix): with --check listed as stale, else removed after the export.
        """)
    var prune = false

    @Flag(help: """
        Also write the award's archive (every edition of the award in one place, named after its slug) when only one \
        edition of it is exported; with several, it is always written.
        """)
    var archive = false

    @Flag(help: """
        Print the files this export would write, one a line (joined to the output directory), and write nothing: \
        for a build rule's outputs.
        """)
    var listOutputs = false

    @Option(
        help: ArgumentHelp(
            "Also write FILE: the files the export wrote and every file it read, as a Makefile rule that Make and Ninja read.",
            valueName: "FILE"),
        completion: .file())
    var depfile: String?

    @Flag(name: [.short, .long], help: "Show no progress, even on a terminal.")
    var quiet = false

    @Flag(help: "Print how long each phase took (decode, validate, standings, the outline, each exporter, flush: the wait for the disk after the last exporter, write), and the memory in use after it and at its peak so far, to stderr, for benchmarks.")
    var timings = false

    func validate() throws {
        if stdout && check { throw ValidationError("--stdout and --check cannot be combined") }
        if stdout && prune { throw ValidationError("--stdout and --prune cannot be combined") }
        if listOutputs && (stdout || check || prune || depfile != nil) {
            throw ValidationError("--list-outputs writes nothing: it cannot be combined with --stdout, --check, --prune or --depfile")
        }
        if archive && stdout { throw ValidationError("--archive writes files beside the editions' own: it cannot be combined with --stdout") }
        if depfile != nil && (stdout || check) { throw ValidationError("--depfile goes with an export into a directory, not --stdout or --check") }
    }

    func run() async throws {
        do {
            try await export()
        } catch let error as ValidationError {
            // Thrown after parsing (the formats and options are known only with the run's
            // registry): shown with this command's usage, as a parsing error would be.
            Console.error("Error: \(error.message)\nUsage: \(JuryReportCommand.usageString(for: Self.self))")
            Console.error("  See 'juryreport export --help' for more information.")
            throw ExitStatus.usage
        }
    }

    /// The reports in the output directory that `committed` does not hold.
    /// The reports `--prune` removes: named as a report of a selected format, not written by
    /// this call, and listed in the directory's manifest with the bytes juryreport wrote —
    /// never a file juryreport did not write, or one changed since.
    private func staleReports(_ committed: [ExportedEdition], _ chosen: ExportSelection) -> [String] {
        let directory = URL(fileURLWithPath: output)
        let manifest = ExportManifest.read(in: directory)
        return OutOfDateFiles.stale(
            in: output, suffixes: chosen.exporters.flatMap(\.format.fileSuffixes),
            written: Set(committed.flatMap(\.files).map(\.name))
        ).filter { manifest.isUnchanged($0, in: directory) }
    }

    /// `--depfile`: the files written, and every file read (the editions and what they name,
    /// a template an option names, an external exporter's program), through the staged path.
    private func writeDependencies(
        to path: String, _ committed: [ExportedEdition], read: [[String]], _ chosen: ExportSelection, _ pipeline: ExportPipeline
    ) throws {
        let targets = committed.flatMap(\.files).map { (output as NSString).appendingPathComponent($0.name) }
        let programs = chosen.exporters.compactMap { ($0 as? ExternalExporter)?.executable.path }
        do {
            let rule = try DependencyFile.rule(targets: targets, prerequisites: read.joined() + chosen.optionFiles + programs)
            try OutputFile.write(
                Array(rule.utf8), to: path, protecting: pipeline.protectedInputs, observer: { InterruptCleanup.track($0, present: $1) })
        } catch let error as DependencyFileError {
            Console.error("\(path): error: \(error)")
            throw ExitStatus.cannotWrite
        } catch let error as OutputError {
            Console.error(error.description)
            throw ExitStatus.code(of: error)
        }
    }

    private func export() async throws {
        InterruptCleanup.install()
        defer { InterruptCleanup.awaitPendingSignal() }
        var (pipeline, chosen) = try selection.pipeline(timings: timings)
        pipeline = namedFiles.applied(to: pipeline)
        if stdout {
            guard editions.count <= 1, try ExitStatus.usage({ try chosen.singleTextFile() }) != nil else {
                throw ValidationError("--stdout needs one edition and one format that writes one text file (such as markdown)")
            }
        }
        let loaded = try await EditionArguments.load(editions, with: pipeline)
        pipeline.protectedInputs = EditionArguments.inputFiles(editions, loaded)
        ProcessEnd.keep(loaded)
        let requests = loaded.map { pipeline.derive($0, for: chosen) }
        if listOutputs {
            let names = try await ExitStatus.mapping { try await pipeline.plannedFiles(requests, chosen, archives: archive) }
            for name in names.joined() { Console.output((output as NSString).appendingPathComponent(name) + "\n") }
            return
        }
        let progress = Progress(enabled: !quiet && !stdout && isatty(STDERR_FILENO) == 1)
        for (index, request) in requests.enumerated() {
            progress.report("[\(index + 1)/\(requests.count)] \(request.baseName): " + chosen.exporters.map(\.format.name).joined(separator: ", "))
            request.editionWarnings.forEach { Console.error("\(request.baseName): warning: \($0)") }
        }
        let destination: ExportDestination = stdout || check ? .memory : .directory(URL(fileURLWithPath: output))
        let exported = try await ExitStatus.mapping { try await pipeline.export(requests, chosen, to: destination, archives: archive) }
        // Warnings of each edition that ran, then the first failure, as one after the other.
        for result in exported.editions {
            guard case .success(let edition) = result else { break }
            edition.warnings.forEach { Console.error("\(edition.baseName): warning: \($0)") }
        }
        let committed = try await ExitStatus.mapping { try pipeline.commit(exported, to: destination) }
        if stdout {
            committed.flatMap(\.files).forEach { if case .bytes(let bytes) = $0.content { Console.output(bytes) } }
        } else if check {
            let stale = prune ? staleReports(committed, chosen) : []
            try OutOfDateFiles.report(
                committed.flatMap(\.files), in: output, stale: stale, fix: OutOfDateFiles.commandWithoutCheck(CommandLine.arguments))
        } else {
            let directory = URL(fileURLWithPath: output)
            if let depfile {
                try writeDependencies(to: depfile, committed, read: EditionArguments.readPaths(editions, loaded), chosen, pipeline)
            }
            for file in committed.flatMap(\.files) {
                progress.report("wrote \(directory.appendingPathComponent(file.name).relativePath)")
            }
            // Still under the directory's lock, which the batch holds.
            withExtendedLifetime(exported) {
                guard prune else { return }
                var manifest = ExportManifest.read(in: directory)
                for name in staleReports(committed, chosen) {
                    let path = directory.appendingPathComponent(name).path
                    if unlink(path) == 0 {
                        manifest.forget(name)
                        progress.report("removed \(directory.appendingPathComponent(name).relativePath)")
                    }
                }
                try? manifest.write(in: directory)
            }
        }
    }
}
