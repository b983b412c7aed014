import Foundation
import JSONExporter
import JuryReportCore
import JuryReportProcess

#if canImport(Glibc)
    import Glibc
#endif

/// An exporter outside this program: an executable `juryreport-export-NAME` on `PATH` is
/// the format `NAME`.
///
/// It is run as `juryreport-export-NAME --output DIR --basename SLUG-YEAR [--option
/// KEY=VALUE]...` with the validated edition as canonical JSON on standard input, in a
/// directory of its own; the files it writes there (each named `SLUG-YEAR` plus a suffix)
/// then go through the export's sink like any exporter's, so they land atomically with the
/// rest. A non-zero exit, or a run longer than the timeout, fails the export.
struct ExternalExporter: Exporter {
    static let prefix = "juryreport-export-"

    let format: ExportFormat
    let executable: URL
    /// How long a run may take before the plugin is stopped.
    let timeout: TimeInterval

    /// What it said of itself (``PluginDescription``), when it answered `--describe`.
    let announced: PluginDescription?

    init(name: String, executable: URL, timeout: TimeInterval, description: PluginDescription? = nil) {
        self.executable = executable
        self.timeout = timeout
        self.announced = description
        if let description {
            self.format = ExportFormat(
                name: name, fileSuffixes: description.files.map(\.suffix),
                summary: "\(description.summary) (external exporter \(executable.path))", options: description.options)
        } else {
            self.format = ExportFormat(
                name: name, fileSuffixes: [], summary: "external exporter \(executable.path)", acceptsUndeclaredOptions: true)
        }
    }

    /// The same plugin, with what it answers to `--describe`.
    func described(environment: [String: String], observer: TemporaryResourceObserver?) -> ExternalExporter {
        ExternalExporter(
            name: format.name, executable: executable, timeout: timeout,
            description: PluginDescription.ask(executable, environment: environment, observer: observer))
    }

    /// The files it announced; unknown (nil) for a plugin that does not describe itself.
    func files(for options: ExportOptions) throws(ExportOptionError) -> [PlannedFile]? {
        announced?.files
    }

    func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        try TemporaryWorkspace.with(label: "plugin", observer: request.temporaryResourceObserver) { workspace in
            let output = workspace.url.appendingPathComponent("output", isDirectory: true)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
            // Input and both outputs are files: a plugin that never reads its input, writes
            // much, or leaves a child holding its output open cannot block the export.
            let input = workspace.url.appendingPathComponent("edition.json")
            try Data(EditionJSON.encode(request.edition, standings: request.standings)).write(to: input)
            let messages = workspace.url.appendingPathComponent("messages")
            var child = ChildProcess(
                executable: executable,
                arguments: ["--output", output.path, "--basename", request.baseName]
                    + request.options.pairs.flatMap { ["--option", "\($0.key)=\($0.value)"] },
                environment: request.environment.isEmpty ? ProcessInfo.processInfo.environment : request.environment,
                directory: workspace.url, timeout: timeout, observer: request.temporaryResourceObserver)
            child.standardInput = input
            child.standardOutput = messages
            child.standardError = messages
            let outcome: ChildProcess.Outcome
            do {
                outcome = try child.run()
            } catch {
                throw ExternalExporterError(name: format.name, message: "\(error)")
            }
            let shown = PluginMessages(file: messages)
            switch outcome {
            case .exited(0):
                shown.lines.forEach { sink.warn("\(format.name): \($0)") }
                try collect(output, baseName: request.baseName, into: sink)
            case .exited(let status):
                throw ExternalExporterError(name: format.name, message: "exited with status \(status)", messages: shown)
            case .killed(let signal):
                throw ExternalExporterError(name: format.name, message: "was killed by signal \(signal)", messages: shown)
            case .timedOut:
                throw ExternalExporterError(
                    name: format.name, message: "stopped after \(Self.seconds(timeout)) seconds (--plugin-timeout)", messages: shown)
            }
        }
    }

    /// Moves what the plugin wrote into the sink, in name order so runs are alike. Only
    /// regular files of its own are taken: a link (to `/etc/shadow`, say), a folder, a
    /// device or a file with other names (a hard link) is refused, never followed.
    private func collect(_ output: URL, baseName: String, into sink: any ExportSink) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        for name in names {
            let url = output.appendingPathComponent(name)
            let suffix = name.hasPrefix(baseName) ? String(name.dropFirst(baseName.count)) : ""
            guard FileSuffix.isValid(suffix) else {
                throw ExternalExporterError(
                    name: format.name, message: "wrote \(DisplayText.quoted(name)); files must be named '\(baseName)' plus a suffix such as '.html'")
            }
            if FileSuffix.namesEditionFile(suffix) {
                throw ExternalExporterError(
                    name: format.name, message: "wrote \(DisplayText.quoted(name)); an exporter may not write edition files (.yaml, .yml)")
            }
            if let announced, !announced.files.contains(where: { $0.suffix == suffix }) {
                throw ExternalExporterError(
                    name: format.name,
                    message: "wrote \(DisplayText.quoted(name)), which it did not announce (--describe lists \(announced.files.map(\.suffix).joined(separator: ", ")))")
            }
            // O_NOFOLLOW: a link is refused at the open, so it cannot be swapped in after a check.
            let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            var info = stat()
            guard descriptor >= 0, fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else {
                if descriptor >= 0 { close(descriptor) }
                throw ExternalExporterError(
                    name: format.name, message: "wrote \(DisplayText.quoted(name)), which is not a regular file of its own (a link, folder or device); refused")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try sink.writeFile(suffix: suffix) { text in
                while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try text.write(bytes: chunk)
                }
            }
        }
    }

    private static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? String(Int(interval)) : String(interval)
    }

    /// The plugins on `path`: the first executable of each name wins, as the shell's lookup.
    static func discover(path: String?, timeout: TimeInterval) -> [ExternalExporter] {
        var found: [String: ExternalExporter] = [:]
        var order: [String] = []
        for directory in (path ?? "").split(separator: ":").map(String.init) where !directory.isEmpty {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for file in names.sorted() where file.hasPrefix(prefix) {
                let name = String(file.dropFirst(prefix.count))
                let url = URL(fileURLWithPath: directory).appendingPathComponent(file)
                guard Slug.isValid(name), found[name] == nil, FileManager.default.isExecutableFile(atPath: url.path) else { continue }
                found[name] = ExternalExporter(name: name, executable: url, timeout: timeout)
                order.append(name)
            }
        }
        return order.compactMap { found[$0] }
    }
}

/// An external exporter that failed; shows what it wrote to standard output and error.
struct ExternalExporterError: Error, CustomStringConvertible {
    var name: String
    var message: String
    var messages: PluginMessages?

    var description: String {
        let lines = messages?.lines ?? []
        return "external exporter '\(name)' \(message)"
            + (lines.isEmpty ? "" : "; its output:\n" + lines.map { "  \(name): \($0)" }.joined(separator: "\n"))
    }
}
