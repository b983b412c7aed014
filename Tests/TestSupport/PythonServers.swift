import Foundation
import Synchronization

/// Long-lived python3 interpreters that run the reader scripts (`Readers/serve.py`): a test
/// run reads some hundred files with openpyxl, csv and html.parser, and importing openpyxl
/// costs more than reading a small workbook. One interpreter serves one request at a time;
/// there are as many as requests at once, each started on first need and kept for the run.
enum PythonServers {
    private static let idle = Mutex<[PythonServer]>([])

    /// Runs `arguments` (`[SCRIPT, ARG...]` or `["-c", CODE, ARG...]`) as python3 would.
    static func run(_ arguments: [String], python: URL) throws -> ProcessResult {
        let server = try idle.withLock { $0.popLast() } ?? PythonServer(python: python)
        let result = try server.call(arguments)
        idle.withLock { $0.append(server) }
        return result
    }
}

/// One interpreter running `serve.py`, spoken to a JSON line at a time.
private final class PythonServer: @unchecked Sendable {
    private let process = Process()
    private let requests: FileHandle
    private let answers: FileHandle
    private var buffered: [UInt8] = []

    init(python: URL) throws {
        let input = Pipe()
        let output = Pipe()
        process.executableURL = python
        process.arguments = [IndependentReaders.scripts.appendingPathComponent("serve.py").path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        requests = input.fileHandleForWriting
        answers = output.fileHandleForReading
    }

    private struct Answer: Decodable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func call(_ arguments: [String]) throws -> ProcessResult {
        var line = try JSONEncoder().encode(arguments)
        line.append(UInt8(ascii: "\n"))
        try requests.write(contentsOf: line)
        let answer = try JSONDecoder().decode(Answer.self, from: Data(try readLine()))
        return ProcessResult(status: answer.status, standardOutput: Array(answer.stdout.utf8), standardError: answer.stderr)
    }

    private func readLine() throws -> [UInt8] {
        var searched = 0
        while true {
            if let end = buffered[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffered[..<end])
                buffered.removeSubrange(...end)
                return line
            }
            searched = buffered.count
            let chunk = answers.availableData
            guard !chunk.isEmpty else { throw ReaderError(message: "the python3 reader server ended") }
            buffered.append(contentsOf: chunk)
        }
    }
}
