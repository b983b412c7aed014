import Foundation
import JuryReportCore
import JuryReportProcess

/// A TeX engine that turns the report's `.tex` into a PDF: run in a temporary directory,
/// without shell escape, reading only files below it and TeX's own tree; run again only
/// when its log asks for it (as latexmk does), at most ``maximumRuns`` times.
struct LaTeXEngine {
    /// `lualatex` or `pdflatex`.
    let name: String
    let executable: URL

    static let supported = ["lualatex", "pdflatex"]
    /// Runs of one build at most: references settle in two, a long table's widths in three.
    static let maximumRuns = 3
    /// How long one run may take before it is stopped.
    static let timeout: TimeInterval = 300

    /// The first of `candidates` found on `PATH`.
    static func find(_ candidates: [String], path: String?) throws -> LaTeXEngine {
        for candidate in candidates {
            if let url = executable(named: candidate, path: path) { return LaTeXEngine(name: candidate, executable: url) }
        }
        throw LaTeXBuildError(message: "no TeX engine found on PATH (\(candidates.joined(separator: ", "))); install texlive-luatex or texlive-latex-base")
    }

    /// A program named `name` in one of the folders of `path`.
    static func executable(named name: String, path: String?) -> URL? {
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for directory in directories {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Compiles `source` and returns the PDF's bytes. Dates in the PDF are `timestamp`. The
    /// engine runs in a private folder (0700) in a process group of its own, both told to
    /// `observer` so an interrupt can end it and remove the folder.
    func build(
        source: [UInt8], jobName: String, files: [String: [UInt8]] = [:], timestamp: Int64, environment base: [String: String],
        observer: TemporaryResourceObserver? = nil
    ) throws -> [UInt8] {
        try TemporaryWorkspace.with(label: "tex", observer: observer) { workspace in
            let directory = workspace.url
            // Files the source names (a logo), beside it.
            for (name, bytes) in files { try Data(bytes).write(to: directory.appendingPathComponent(name)) }
            var environment = base.isEmpty ? ProcessInfo.processInfo.environment : base
            // TeX Live lets \input read any file by default: only files below the working
            // directory (and TeX's own tree) here, and writes only there.
            environment["openin_any"] = "p"
            environment["openout_any"] = "p"
            environment["shell_escape"] = "f"
            // The PDF's dates are in the document (see LaTeXReportWriter); the engine still
            // reads this for its own timestamps, and lualatex ignores it outside 1970–2038,
            // taking the current time instead: keep it in that range.
            var runEnvironment = environment
            runEnvironment["SOURCE_DATE_EPOCH"] = String(min(max(timestamp, 0), Int64(Int32.max)))
            runEnvironment["FORCE_SOURCE_DATE"] = "1"
            /// Runs the engine on `source` until its log asks for no other run.
            func compile(_ source: [UInt8], formatArguments: [String] = []) throws -> [UInt8] {
                try Data(source).write(to: directory.appendingPathComponent(jobName + ".tex"))
                let engine = ChildProcess(
                    executable: executable,
                    arguments: formatArguments + [
                        "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
                        "-jobname=\(jobName)", "\(jobName).tex",
                    ],
                    environment: runEnvironment, directory: directory, timeout: Self.timeout, observer: observer)
                let log = directory.appendingPathComponent(jobName + ".log")
                for _ in 1...Self.maximumRuns {
                    switch try engine.run() {
                    case .exited(0):
                        if Self.asksForRerun(log) { continue }
                        return [UInt8](try Data(contentsOf: directory.appendingPathComponent(jobName + ".pdf")))
                    case .timedOut:
                        throw LaTeXBuildError(message: "\(name) did not finish within \(Int(Self.timeout)) seconds", timedOut: true)
                    case .exited, .killed:
                        throw LaTeXBuildError(message: "\(name) failed: " + Self.firstError(in: log, jobName: jobName))
                    }
                }
                return [UInt8](try Data(contentsOf: directory.appendingPathComponent(jobName + ".pdf")))
            }
            // pdflatex loads the packages from a cached format (see PreambleFormat) and reads
            // the rest; without one it reads the whole source while the format is dumped for
            // the next build on the other core.
            let dumping = DispatchGroup()
            defer { dumping.wait() }
            guard name == "pdflatex", let format = PreambleFormat(source: source),
                let cached = format.cacheFile(engine: self, environment: environment)
            else { return try compile(source) }
            guard PreambleFormat.link(cached, into: directory) else {
                let engine = self
                let dumpEnvironment = environment
                DispatchQueue.global().async(group: dumping) {
                    format.makeCached(cached, engine: engine, environment: dumpEnvironment, observer: observer)
                }
                return try compile(source)
            }
            do {
                return try compile(format.body, formatArguments: ["-fmt=\(PreambleFormat.jobName)"])
            } catch let failure as LaTeXBuildError where !failure.timedOut {
                // A format that cannot be loaded (damaged, or made by a TeX since replaced
                // under the same name) does not fail the build: the whole source is compiled,
                // and when that works the format goes. (When it fails too, its error is the
                // document's own.)
                for suffix in [".aux", ".out", ".log", ".pdf"] { unlink(directory.appendingPathComponent(jobName + suffix).path) }
                let pdf = try compile(source)
                PreambleFormat.remove(cached)
                return pdf
            }
        }
    }

    /// Whether a run's log says that another run would change the document: LaTeX's
    /// "Rerun to get cross-references right", longtable's "Rerun LaTeX", rerunfilecheck's
    /// "Rerun to get outlines right". (Not any "Rerun": rerunfilecheck's banner has one.)
    static func asksForRerun(_ log: URL) -> Bool {
        guard let data = try? Data(contentsOf: log) else { return true }
        let text = String(decoding: data, as: UTF8.self)
        return ["Rerun to get", "Rerun LaTeX", "rerun LaTeX"].contains { text.contains($0) }
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
    /// The engine ran past ``LaTeXEngine/timeout``.
    var timedOut = false
    var description: String { message }
}
