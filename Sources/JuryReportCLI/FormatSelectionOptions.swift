import ArgumentParser
import Foundation
import JuryReport

/// `--format`, `--option` and `--plugin-timeout`: which exporters run and what they get,
/// made into the run's one registry and pipeline.
struct FormatSelectionOptions: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Formats, comma-separated (default: every built-in format).",
            discussion: "Built in: \(BuiltInExporters.all.map(\.format.allNames).map { $0.joined(separator: "/") }.joined(separator: ", ")); "
                + "`juryreport formats` lists them with their options, and the external ones on PATH."),
        completion: .custom { _, _, _ in FormatSelectionOptions.completableNames() })
    var format: [String] = []

    @Option(
        name: .customLong("option"),
        help: ArgumentHelp(
            "An exporter option, KEY=VALUE; repeatable.",
            discussion: "Built in: " + BuiltInExporters.all.flatMap { exporter in
                exporter.format.options.map { "\($0.key)=\($0.allowedValues.joined(separator: "|")) (\(exporter.format.name))" }
            }.joined(separator: ", ") + ".",
            valueName: "KEY=VALUE"),
        completion: .custom { _, _, _ in FormatSelectionOptions.completableOptions() })
    var options: [String] = []

    @Option(help: "Seconds an external exporter may run before it is stopped.")
    var pluginTimeout: Double = 60

    func validate() throws {
        if !(pluginTimeout > 0) { throw ValidationError("--plugin-timeout takes a number of seconds above 0") }
        for text in options { _ = try ExitStatus.usage { try ExportOptions.parse(text) } }
    }

    /// The names given with `--format`, split at commas.
    var names: [String] {
        format.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    /// The run's registry (reading `PATH` only when a name is not built in), its pipeline,
    /// and the formats chosen with their options checked. Unknown names and options are
    /// usage errors.
    func pipeline(timings: Bool) throws -> (ExportPipeline, ExportSelection) {
        let environment = ProcessInfo.processInfo.environment
        let available = try AvailableExporters(
            path: environment["PATH"], pluginTimeout: pluginTimeout, searchPath: !AvailableExporters.areBuiltIn(names),
            describing: Set(names.map { $0.lowercased() }), environment: environment)
        var pipeline = ExportPipeline(registry: available.registry, environment: environment)
        pipeline.temporaryResourceObserver = { InterruptCleanup.track($0, present: $1) }
        pipeline.lockWaiting = { Console.error("waiting for another export into \($0.path) to finish") }
        if timings {
            let report = { @Sendable (phase: String, seconds: Double) in
                Console.error("timing: \(phase) \(seconds)")
                Console.error("memory: \(phase) \(MemoryUse.now())")
            }
            pipeline.stageTimer = report
            pipeline.loader.phaseTimer = report
        }
        let pairs = try options.map { text in try ExitStatus.usage { try ExportOptions.parse(text) } }
        do {
            return (pipeline, try pipeline.select(formats: names, options: ExportOptions(pairs)))
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Every `KEY=VALUE` the formats declare, for shell completion.
    static func completableOptions() -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"]
        let formats = (try? AvailableExporters(path: path, pluginTimeout: 60, describing: []).registry.exporters.map(\.format)) ?? []
        return formats.flatMap { format in
            format.options.flatMap { option in option.values == .file ? ["\(option.key)="] : option.allowedValues.map { "\(option.key)=\($0)" } }
        }
    }

    /// Every format name, for shell completion.
    static func completableNames() -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"]
        let exporters = (try? AvailableExporters(path: path, pluginTimeout: 60, describing: []).registry.exporters) ?? []
        return exporters.flatMap { $0.format.allNames + $0.format.presets.map(\.name) }
    }
}
