import Foundation

/// A TeX engine that turns the report's `.tex` into a PDF: run twice in a temporary
/// directory, without shell escape, reading only files below it and TeX's own tree.
struct LaTeXEngine {
    /// `lualatex` or `pdflatex`.
    let name: String
    let executable: URL

    static let supported = ["lualatex", "pdflatex"]
    /// How long one run may take before it is stopped.
    static let timeout: TimeInterval = 300

    /// The engine named, or the first of `supported` found on `PATH`.
    static func find(_ name: String?, path: String?) throws -> LaTeXEngine {
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for candidate in name.map({ [$0] }) ?? supported {
            for directory in directories {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(candidate)
                if FileManager.default.isExecutableFile(atPath: url.path) {
                    return LaTeXEngine(name: candidate, executable: url)
                }
            }
        }
        throw LaTeXBuildError(message: "no TeX engine found on PATH (\((name.map { [$0] } ?? supported).joined(separator: ", "))); install texlive-luatex or texlive-latex-base")
    }

    /// Compiles `source` and returns the PDF's bytes. Dates in the PDF are `timestamp`.
    func build(source: [UInt8], jobName: String, timestamp: Int64, environment base: [String: String]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("juryreport-tex-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let texFile = directory.appendingPathComponent(jobName + ".tex")
        try Data(source).write(to: texFile)

        var environment = base.isEmpty ? ProcessInfo.processInfo.environment : base
        environment["SOURCE_DATE_EPOCH"] = String(timestamp)
        environment["FORCE_SOURCE_DATE"] = "1"
        // TeX Live lets \input read any file by default: only files below the working
        // directory (and TeX's own tree) here, and writes only there.
        environment["openin_any"] = "p"
        environment["openout_any"] = "p"
        environment["shell_escape"] = "f"
        for _ in 1...2 {
            let status = try run(in: directory, jobName: jobName, environment: environment)
            if status != 0 {
                throw LaTeXBuildError(message: "\(name) failed: " + Self.firstError(in: directory.appendingPathComponent(jobName + ".log"), jobName: jobName))
            }
        }
        return [UInt8](try Data(contentsOf: directory.appendingPathComponent(jobName + ".pdf")))
    }

    private func run(in directory: URL, jobName: String, environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
            "-jobname=\(jobName)", "\(jobName).tex",
        ]
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(Self.timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw LaTeXBuildError(message: "\(name) did not finish within \(Int(Self.timeout)) seconds")
            }
            usleep(20_000)
        }
        return process.terminationStatus
    }

    /// The first error of a log, with its line: `x.tex:123: Undefined control sequence`.
    static func firstError(in log: URL, jobName: String) -> String {
        guard let data = try? Data(contentsOf: log) else { return "no log was written" }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("./\(jobName).tex:") || line.hasPrefix("\(jobName).tex:") {
                return line.hasPrefix("./") ? String(line.dropFirst(2)) : line
            }
            if line.hasPrefix("! ") {
                let location = lines[index...].first { $0.hasPrefix("l.") }.map { " (\($0.prefix(80)))" } ?? ""
                return String(line.dropFirst(2)) + location
            }
        }
        return "see the log; no error line found"
    }
}

/// A PDF build that failed, with the engine's first error.
struct LaTeXBuildError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
