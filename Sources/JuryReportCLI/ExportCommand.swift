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

    @Argument(help: "Edition files (.yaml, .yml or .json).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var editions: [String] = []

    @OptionGroup var selection: FormatSelectionOptions

    @Option(name: [.short, .long], help: "The output directory.", completion: .directory)
    var output: String = "out"

    @Flag(help: "Write the one file of a single-file text format to standard output.")
    var stdout = false

    @Flag(help: "Write nothing; exit 1 listing the files that are missing or differ from what an export would write.")
    var check = false

    @Flag(name: [.short, .long], help: "Show no progress, even on a terminal.")
    var quiet = false

    @Flag(help: "Print how long each phase took (decode, validate, standings, each exporter, write) to stderr, for benchmarks.")
    var timings = false

    func validate() throws {
        if stdout && check { throw ValidationError("--stdout and --check cannot be combined") }
    }

    func run() async throws {
        InterruptCleanup.install()
        let (pipeline, chosen) = try selection.pipeline(timings: timings)
        if stdout {
            guard editions.count <= 1, try usage({ try chosen.singleTextFile() }) != nil else {
                throw ValidationError("--stdout needs one edition and one format that writes one text file (such as markdown)")
            }
        }
        let loaded = try await EditionArguments.load(editions, with: pipeline)
        ProcessEnd.keep(loaded)
        let progress = Progress(enabled: !quiet && !stdout && isatty(STDERR_FILENO) == 1)
        let requests = loaded.map { pipeline.derive($0, for: chosen) }
        for (index, request) in requests.enumerated() {
            progress.report("[\(index + 1)/\(requests.count)] \(request.baseName): " + chosen.exporters.map(\.format.name).joined(separator: ", "))
            request.editionWarnings.forEach { Console.error("\(request.baseName): warning: \($0)") }
        }
        let destination: ExportDestination = stdout || check ? .memory : .directory(URL(fileURLWithPath: output))
        let exported = try await report { try await pipeline.export(requests, chosen, to: destination) }
        // Warnings of each edition that ran, then the first failure, as one after the other.
        for result in exported {
            guard case .success(let edition) = result else { break }
            edition.warnings.forEach { Console.error("\(edition.baseName): warning: \($0)") }
        }
        let committed = try await report { try pipeline.commit(exported, to: destination) }
        if stdout {
            committed.flatMap(\.files).forEach { if case .bytes(let bytes) = $0.content { Console.output(bytes) } }
        } else if check {
            try compare(committed.flatMap(\.files))
        } else {
            let directory = URL(fileURLWithPath: output)
            for file in committed.flatMap(\.files) {
                progress.report("wrote \(directory.appendingPathComponent(file.name).relativePath)")
            }
        }
    }

    /// Lists the files on disk that are missing or differ from `files`; exit 1 when any does.
    private func compare(_ files: [StagedFile]) throws {
        let directory = URL(fileURLWithPath: output)
        let outOfDate = files.compactMap { file -> String? in
            guard case .bytes(let bytes) = file.content else { return nil }
            let path = directory.appendingPathComponent(file.name).relativePath
            guard let existing = FileManager.default.contents(atPath: path) else { return "missing: \(path)" }
            return [UInt8](existing) == bytes ? nil : "differs: \(path)"
        }
        guard outOfDate.isEmpty else {
            outOfDate.forEach { Console.output($0 + "\n") }
            throw ExitStatus.failure
        }
        Console.error("up to date: \(output)")
    }

    /// Runs a stage, reporting its failure and exiting with the code of its kind.
    private func report<T>(_ stage: () async throws -> T) async throws -> T {
        do {
            return try await stage()
        } catch let error as ExportFailure {
            switch error.kind {
            case .option(let option): throw ValidationError(option.message)
            case .output: Console.error(error.description); throw ExitStatus.cannotWrite
            case .exporter: Console.error(error.description); throw ExitStatus.failure
            }
        }
    }
}

/// An option's check that fails as a usage error.
func usage<T>(_ check: () throws -> T) throws -> T {
    do {
        return try check()
    } catch let error as ExportOptionError {
        throw ValidationError(error.message)
    }
}

/// Progress lines on stderr, shown only when it is a terminal: build jobs stay quiet.
struct Progress {
    let enabled: Bool

    func report(_ line: String) {
        if enabled { Console.error(line) }
    }
}
