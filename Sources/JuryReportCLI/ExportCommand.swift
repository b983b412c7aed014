import ArgumentParser
import Foundation
import JuryReportCore

/// `juryreport export`: load, validate, export each edition in each format, write atomically.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export editions in one or more formats.",
        discussion: """
            Without EDITION, exports the bundled 2019-2020 Pro-motor Award edition. Every edition \
            is validated before anything is written; each file is written to a temporary file \
            and moved into place only when the whole export succeeded.
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

    @Flag(name: [.short, .long], help: "Do not list the files written.")
    var quiet = false

    func run() throws {
        let registry = BuiltInExporters.registry()
        let exporters = try selectedExporters(registry)
        let exportOptions = try parsedOptions(for: exporters)
        if stdout {
            guard editions.count <= 1, exporters.count == 1, exporters[0].format.writesOneTextFile else {
                throw ValidationError("--stdout needs one edition and one single-file text format (such as markdown)")
            }
        }
        let loaded = try EditionSource().loadAll(editions)
        let environment = ProcessInfo.processInfo.environment
        for edition in loaded {
            let request = ExportRequest(edition: edition, options: exportOptions, environment: environment)
            let job = EditionExport(request: request, exporters: exporters)
            for warning in job.editionWarnings {
                Console.error("\(edition.baseName): warning: \(warning)")
            }
            if stdout {
                try writeToStandardOutput(job)
            } else {
                try writeToDirectory(job)
            }
        }
    }

    private func selectedExporters(_ registry: ExporterRegistry) throws -> [any Exporter] {
        let names = format.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        if names.isEmpty { return registry.exporters }
        do {
            return try registry.exporters(named: names)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// The `--option` pairs; each key must be one that a selected exporter reads.
    private func parsedOptions(for exporters: [any Exporter]) throws -> ExportOptions {
        var pairs: [(key: String, value: String)] = []
        for text in options {
            do {
                pairs.append(try ExportOptions.parse(text))
            } catch {
                throw ValidationError(error.message)
            }
        }
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

    private func writeToDirectory(_ job: EditionExport) throws {
        let baseName = job.request.baseName
        let sink: DirectoryExportSink
        do {
            sink = try DirectoryExportSink(directory: URL(fileURLWithPath: output), baseName: baseName) {
                Console.error("\(baseName): warning: \($0)")
            }
        } catch {
            Console.error(error.description)
            throw ExitStatus.cannotWrite
        }
        try run(job, into: sink)
        let paths = sink.stagedPaths
        do {
            try sink.commit()
        } catch {
            Console.error(error.description)
            throw ExitStatus.cannotWrite
        }
        if !quiet {
            let directory = URL(fileURLWithPath: output)
            for path in paths {
                Console.error("wrote \(directory.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).relativePath)")
            }
        }
    }

    /// Runs the exporters, mapping their failures to exit codes.
    private func run(_ job: EditionExport, into sink: any ExportSink) throws {
        do {
            try job.run(into: sink)
        } catch let error as OutputError {
            Console.error(error.description)
            throw ExitStatus.cannotWrite
        } catch let error as ExportOptionError {
            throw ValidationError(error.message)
        } catch {
            Console.error("\(job.request.baseName): error: \(error)")
            throw ExitStatus.failure
        }
    }
}
