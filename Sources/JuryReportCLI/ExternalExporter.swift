import Foundation
import JSONExporter
import JuryReportCore

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

    init(name: String, executable: URL, timeout: TimeInterval) {
        self.executable = executable
        self.timeout = timeout
        self.format = ExportFormat(
            name: name, fileSuffixes: [], summary: "external exporter \(executable.path)", acceptsUndeclaredOptions: true)
    }

    func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let workspace = FileManager.default.temporaryDirectory
            .appendingPathComponent("juryreport-plugin-\(UUID().uuidString)", isDirectory: true)
        let output = workspace.appendingPathComponent("output", isDirectory: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        // Standard input and error go through files: a plugin that never reads its input,
        // or writes much to stderr, cannot block on a full pipe.
        let input = workspace.appendingPathComponent("edition.json")
        try Data(EditionJSON.encode(request.edition)).write(to: input)
        let errors = workspace.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        process.arguments = ["--output", output.path, "--basename", request.baseName]
            + request.options.pairs.flatMap { ["--option", "\($0.key)=\($0.value)"] }
        process.currentDirectoryURL = workspace
        if !request.environment.isEmpty { process.environment = request.environment }
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = FileHandle.standardError
        process.standardError = try FileHandle(forWritingTo: errors)
        do {
            try process.run()
        } catch {
            throw ExternalExporterError(name: format.name, message: "cannot run \(executable.path): \(error.localizedDescription)")
        }
        let finished = Self.wait(for: process, timeout: timeout)
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard finished else {
            throw ExternalExporterError(name: format.name, message: "stopped after \(Self.seconds(timeout)) seconds (--plugin-timeout)", stderr: stderr)
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            throw ExternalExporterError(name: format.name, message: how, stderr: stderr)
        }
        for line in stderr.split(separator: "\n") where !line.isEmpty {
            sink.warn("\(format.name): \(line)")
        }
        try collect(output, baseName: request.baseName, into: sink)
    }

    /// Moves what the plugin wrote into the sink, in name order so runs are alike.
    private func collect(_ output: URL, baseName: String, into sink: any ExportSink) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        for name in names {
            let url = output.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let suffix = name.hasPrefix(baseName) ? String(name.dropFirst(baseName.count)) : ""
            guard !isDirectory.boolValue, FileSuffix.isValid(suffix) else {
                throw ExternalExporterError(
                    name: format.name, message: "wrote \(DisplayText.quoted(name)); files must be named '\(baseName)' plus a suffix such as '.html'")
            }
            let bytes = try Data(contentsOf: url)
            try sink.writeFile(suffix: suffix) { try $0.write(bytes: bytes) }
        }
    }

    /// Waits for `process`; stops it when `timeout` passes. Returns whether it finished.
    private static func wait(for process: Process, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() >= deadline {
                process.terminate()
                let grace = Date().addingTimeInterval(2)
                while process.isRunning && Date() < grace { usleep(10_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                return false
            }
            usleep(5_000)
        }
        return true
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

/// An external exporter that failed; shows what it wrote to stderr.
struct ExternalExporterError: Error, CustomStringConvertible {
    var name: String
    var message: String
    var stderr = ""

    var description: String {
        let output = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return "external exporter '\(name)' \(message)" + (output.isEmpty ? "" : "; its output:\n" + output)
    }
}
