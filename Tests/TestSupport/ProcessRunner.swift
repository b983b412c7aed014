import Foundation
import Testing

/// What a finished process left behind.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var standardOutput: [UInt8]
    public var standardError: String

    public var output: String { String(decoding: standardOutput, as: UTF8.self) }
}

/// Runs real programs: the tool under test and the independent readers that check it.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, feeding `input` on standard input.
    @discardableResult
    public static func run(
        _ executable: URL, _ arguments: [String], input: [UInt8] = [], environment: [String: String]? = nil,
        currentDirectory: URL? = nil
    ) throws -> ProcessResult {
        let started = Date()
        defer { ProcessTrace.record(executable, arguments, since: started) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        group.enter()
        DispatchQueue.global().async {
            out = stdout.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            err = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if !input.isEmpty { stdin.fileHandleForWriting.write(Data(input)) }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return ProcessResult(status: process.terminationStatus, standardOutput: [UInt8](out), standardError: String(decoding: err, as: UTF8.self))
    }

    /// Runs a program found on PATH.
    @discardableResult
    public static func run(tool: String, _ arguments: [String], input: [UInt8] = []) throws -> ProcessResult {
        if tool == "python3", let python = python3 {
            // A reader script or snippet: run by an interpreter that has its modules loaded.
            if input.isEmpty, let first = arguments.first, first == "-c" || first.hasSuffix(".py") {
                let started = Date()
                defer { ProcessTrace.record(python, ["(served)"] + arguments, since: started) }
                return try PythonServers.run(arguments, python: python)
            }
            return try run(python, arguments, input: input)
        }
        return try run(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments, input: input)
    }

    /// The interpreter `python3` on PATH stands for, found once: a version manager's shim
    /// (pyenv's is a shell script) costs more than a reader's own work on every call.
    static let python3: URL? = {
        guard let result = try? run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import sys; print(sys.executable)"]),
            result.status == 0
        else { return nil }
        let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : URL(fileURLWithPath: path)
    }()

    /// Runs the built `juryreport`.
    @discardableResult
    public static func juryreport(
        _ arguments: [String], input: [UInt8] = [], environment: [String: String]? = nil, currentDirectory: URL? = nil
    ) throws -> ProcessResult {
        // (A test that gives its own PATH brings a stand-in engine.)
        if environment?["PATH"] == nil && buildsPDF(arguments) { try Tool.pdflatex.require() }
        return try run(Paths.juryreport, arguments, input: input, environment: environment, currentDirectory: currentDirectory)
    }

    /// Whether `juryreport` with these arguments runs a TeX engine: a `pdf` format, or the
    /// LaTeX exporter's `pdf=true` or `engine=` option.
    static func buildsPDF(_ arguments: [String]) -> Bool {
        arguments.contains { argument in
            argument.split(separator: ",").contains("pdf") || argument == "pdf=true" || argument.hasPrefix("engine=")
        }
    }

    /// Whether a program is on PATH.
    public static func isAvailable(_ tool: String) -> Bool {
        (try? run(URL(fileURLWithPath: "/bin/sh"), ["-c", "command -v \(tool)"]).status) == 0
    }
}

/// With `JURYREPORT_TEST_TRACE=FILE`, every program the tests run is logged to FILE with its
/// wall time (seconds, then the command), to find where a slow suite spends.
enum ProcessTrace {
    static let file = ProcessInfo.processInfo.environment["JURYREPORT_TEST_TRACE"]

    static func record(_ executable: URL, _ arguments: [String], since started: Date) {
        guard let file, let handle = FileHandle(forWritingAtPath: file) ?? create(file) else { return }
        defer { try? handle.close() }
        let command = ([executable.lastPathComponent] + arguments.prefix(6)).joined(separator: " ")
        let test = Test.current?.name ?? "-"
        let line = String(format: "%.3f\t", Date().timeIntervalSince(started)) + test.prefix(80) + "\t" + command.prefix(300) + "\n"
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(line.utf8))
    }

    private static func create(_ file: String) -> FileHandle? {
        FileManager.default.createFile(atPath: file, contents: nil)
        return FileHandle(forWritingAtPath: file)
    }
}
