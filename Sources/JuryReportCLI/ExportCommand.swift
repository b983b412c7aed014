import ArgumentParser
import Foundation
import JuryReportCore

#if canImport(Glibc)
    import Glibc
#endif

/// `juryreport export`: load, validate, export each edition in each format, write atomically.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export editions in one or more formats.",
        discussion: """
            Without EDITION, exports the bundled 2019-2020 Pro-motor Award edition. Every edition \
            is validated before anything is written; each file is written to a temporary file \
            and moved into place only when the whole export of its edition succeeded. An \
            executable juryreport-export-NAME on PATH is the format NAME; a built-in name always \
            wins over an external one.
            """
    )

    @Argument(help: "Edition files (.yaml, .yml or .json).")
    var editions: [String] = []

    @Option(name: [.short, .long], help: "Formats, comma-separated (default: every built-in format).")
    var format: [String] = []

    @Option(name: [.short, .long], help: "The output directory.")
    var output: String = "out"

    @Option(name: .customLong("option"), help: ArgumentHelp("An exporter option, KEY=VALUE; repeatable.", valueName: "KEY=VALUE"))
    var options: [String] = []

    @Flag(help: "Write the one file of a single-file text format to standard output.")
    var stdout = false

    @Flag(help: "Write nothing; exit 1 listing the files that are missing or differ from what an export would write.")
    var check = false

    @Option(help: "Seconds an external exporter may run before it is stopped.")
    var pluginTimeout: Double = 60

    @Flag(name: [.short, .long], help: "Show no progress, even on a terminal.")
    var quiet = false

    @Flag(help: "Print how long each phase took (decode, validate, standings, each exporter, write) to stderr, for benchmarks.")
    var timings = false

    func validate() throws {
        if stdout && check { throw ValidationError("--stdout and --check cannot be combined") }
        if !(pluginTimeout > 0) { throw ValidationError("--plugin-timeout takes a number of seconds above 0") }
    }

    func run() throws {
        InterruptCleanup.install()
        let environment = ProcessInfo.processInfo.environment
        let builtIn = BuiltInExporters.registry()
        let needsPlugins = requestedFormats.contains { builtIn.exporter(named: $0) == nil }
        let available = AvailableExporters(path: environment["PATH"], pluginTimeout: pluginTimeout, searchPath: needsPlugins)
        let exporters = try selectedExporters(available.registry)
        let exportOptions = try parsedOptions(for: exporters)
        if stdout {
            guard editions.count <= 1, exporters.count == 1, exporters[0].format.writesOneTextFile else {
                throw ValidationError("--stdout needs one edition and one single-file text format (such as markdown)")
            }
        }
        let loaded = try EditionSource(timings: timings).loadAll(editions)
        let clock = ContinuousClock()
        let progress = Progress(enabled: !quiet && !stdout && isatty(STDERR_FILENO) == 1)
        var jobs: [EditionExport] = []
        for (index, edition) in loaded.enumerated() {
            let standingsStart = clock.now
            let request = ExportRequest(edition: edition, options: exportOptions, environment: environment)
            time("standings", since: standingsStart)
            let job = EditionExport(request: request, exporters: exporters)
            progress.report("[\(index + 1)/\(loaded.count)] \(edition.baseName): " + exporters.map { $0.format.name }.joined(separator: ", "))
            for warning in job.editionWarnings {
                Console.error("\(edition.baseName): warning: \(warning)")
            }
            jobs.append(job)
        }
        ProcessEnd.keep(jobs)
        var outOfDate: [String] = []
        if stdout {
            try jobs.forEach(writeToStandardOutput)
        } else if check {
            for job in jobs { outOfDate += try compareWithDirectory(job) }
        } else {
            try writeToDirectory(jobs) { progress.report("wrote \($0)") }
        }
        if check {
            guard outOfDate.isEmpty else {
                outOfDate.forEach { Console.output($0 + "\n") }
                throw ExitStatus.failure
            }
            Console.error("up to date: \(output)")
        }
    }

    /// The names given with `--format`, split at commas.
    private var requestedFormats: [String] {
        format.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    private func selectedExporters(_ registry: ExporterRegistry) throws -> [any Exporter] {
        let names = requestedFormats
        if names.isEmpty { return BuiltInExporters.registry().exporters }
        do {
            return try registry.exporters(named: names)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// The `--option` pairs. Each key must be one that a selected built-in exporter reads,
    /// unless an external exporter is selected: it gets every pair, and its keys are its own.
    private func parsedOptions(for exporters: [any Exporter]) throws -> ExportOptions {
        var pairs: [(key: String, value: String)] = []
        for text in options {
            do {
                pairs.append(try ExportOptions.parse(text))
            } catch {
                throw ValidationError(error.message)
            }
        }
        guard !exporters.contains(where: { $0 is ExternalExporter }) else { return ExportOptions(pairs) }
        let known = Set(exporters.flatMap { $0.format.options.map(\.key) })
        for pair in pairs where !known.contains(pair.key) {
            let formats = exporters.map(\.format.name).joined(separator: ", ")
            let list = known.isEmpty ? "they take no options" : "they take: " + known.sorted().joined(separator: ", ")
            throw ValidationError("option '\(pair.key)' is not read by the selected formats (\(formats)); \(list)")
        }
        return ExportOptions(pairs)
    }

    private func writeToStandardOutput(_ job: EditionExport) throws {
        let sink = MemoryExportSink(baseName: job.request.baseName)
        try run(job, into: sink)
        sink.warnings.forEach { Console.error("\(job.request.baseName): warning: \($0)") }
        for file in sink.files { Console.output(file.bytes) }
    }

    /// Exports every edition into the output directory, telling `wrote` each path written.
    ///
    /// Every format of every edition runs in a sink of its own, on every core. The editions'
    /// files go into place edition by edition, in order, each only when all its formats
    /// succeeded; an edition that failed stops there, as if exported one after the other.
    private func writeToDirectory(_ jobs: [EditionExport], wrote: (String) -> Void) throws {
        let directory = URL(fileURLWithPath: output)
        let timings = self.timings
        // Make (or refuse) the directory once, before the formats race to it.
        do {
            _ = try DirectoryExportSink(directory: directory, baseName: jobs.first?.request.baseName ?? "") { _ in }
        } catch {
            Console.error(error.description)
            throw ExitStatus.cannotWrite
        }
        let tasks = jobs.indices.flatMap { job in jobs[job].exporters.indices.map { (job: job, exporter: $0) } }
        // The tasks of each edition, and of it and those after it.
        let tasksOf = jobs.indices.map { job in tasks.indices.filter { tasks[$0].job == job } }
        let tasksFrom = { (job: Int) in Array(tasksOf[job...].joined()) }
        let outcomes = ConcurrentOutcomes(count: tasks.count)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            let request = jobs[tasks[index].job].request
            let exporter = jobs[tasks[index].job].exporters[tasks[index].exporter]
            do {
                let sink = try DirectoryExportSink(directory: directory, baseName: request.baseName) {
                    Console.error("\(request.baseName): warning: \($0)")
                }
                sink.temporaryFileObserver = { InterruptCleanup.track($0, created: $1) }
                outcomes.record(sink, at: index)
                let start = ContinuousClock().now
                try exporter.export(request, to: sink)
                if timings { Console.error("timing: \(exporter.format.name) \((ContinuousClock().now - start).seconds)") }
            } catch {
                outcomes.record(error, at: index)
            }
        }
        let commitStart = ContinuousClock().now
        defer { time("write", since: commitStart) }
        for (jobIndex, job) in jobs.enumerated() {
            let mine = tasksOf[jobIndex]
            if let error = outcomes.firstError(among: mine) {
                outcomes.sinks(among: tasksFrom(jobIndex)).forEach { $0.discard() }
                throw Self.exitStatus(for: error, baseName: job.request.baseName)
            }
            let sinks = outcomes.sinks(among: mine)
            var paths: [String] = []
            do {
                for sink in sinks {
                    paths += sink.stagedPaths
                    try sink.commit()
                }
            } catch {
                outcomes.sinks(among: tasksFrom(jobIndex)).forEach { $0.discard() }
                Console.error("\(error)")
                throw ExitStatus.cannotWrite
            }
            for path in paths {
                wrote(directory.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).relativePath)
            }
        }
    }

    /// Exports into memory and lists the files on disk that are missing or differ.
    private func compareWithDirectory(_ job: EditionExport) throws -> [String] {
        let sink = MemoryExportSink(baseName: job.request.baseName)
        try run(job, into: sink)
        let directory = URL(fileURLWithPath: output)
        return sink.files.compactMap { file in
            let path = directory.appendingPathComponent(file.name).relativePath
            guard let existing = FileManager.default.contents(atPath: path) else { return "missing: \(path)" }
            return [UInt8](existing) == file.bytes ? nil : "differs: \(path)"
        }
    }

    /// Runs the exporters, mapping their failures to exit codes.
    private func run(_ job: EditionExport, into sink: any ExportSink) throws {
        do {
            try job.run(into: sink, phaseTimer: timings ? { time($0, seconds: $1) } : nil)
        } catch {
            throw Self.exitStatus(for: error, baseName: job.request.baseName)
        }
    }

    /// Reports an export's failure and gives the error that exits with its code.
    private static func exitStatus(for error: any Error, baseName: String) -> any Error {
        switch error {
        case let error as OutputError:
            Console.error(error.description)
            return ExitStatus.cannotWrite
        case let error as ExportOptionError:
            return ValidationError(error.message)
        default:
            Console.error("\(baseName): error: \(error)")
            return ExitStatus.failure
        }
    }
}

extension ExportCommand {
    private func time(_ phase: String, since start: ContinuousClock.Instant) {
        time(phase, seconds: (ContinuousClock().now - start).seconds)
    }

    private func time(_ phase: String, seconds: Double) {
        if timings { Console.error("timing: \(phase) \(seconds)") }
    }
}

/// What the formats of the editions, run at once, came to: a sink each, or an error.
private final class ConcurrentOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var sinkSlots: [DirectoryExportSink?]
    private var errors: [(any Error)?]

    init(count: Int) {
        sinkSlots = Array(repeating: nil, count: count)
        errors = Array(repeating: nil, count: count)
    }

    func record(_ sink: DirectoryExportSink, at index: Int) {
        lock.withLock { sinkSlots[index] = sink }
    }

    func record(_ error: any Error, at index: Int) {
        lock.withLock { errors[index] = error }
    }

    /// The sinks made by the tasks at `indexes`, in their order.
    func sinks(among indexes: [Int]) -> [DirectoryExportSink] {
        lock.withLock { indexes.compactMap { sinkSlots[$0] } }
    }

    /// The failure of the first of the tasks at `indexes` that failed.
    func firstError(among indexes: [Int]) -> (any Error)? {
        lock.withLock { indexes.lazy.compactMap { self.errors[$0] }.first }
    }
}

/// Progress lines on stderr, shown only when it is a terminal: build jobs stay quiet.
struct Progress {
    let enabled: Bool

    func report(_ line: String) {
        if enabled { Console.error(line) }
    }
}
