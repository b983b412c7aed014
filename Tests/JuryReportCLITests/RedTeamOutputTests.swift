import Foundation
import Testing
import TestSupport

/// #16.11 and #16.19: exports into one directory take turns, and only this tool's own
/// left-over files are removed.
@Suite("One output directory, several exports", .onTestPool, .serialized)
struct RedTeamOutputTests {
    /// Starts `juryreport` without waiting; its stderr goes to `log`.
    func start(_ arguments: [String], log: URL, path: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = Paths.juryreport
        process.arguments = arguments
        if let path { process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { $1 } }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("#16.19: two exports of different content into one directory end with one whole set, 10 runs of 10")
    func concurrentExports() throws {
        let directory = try Paths.temporaryDirectory("red-concurrent")
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [URL] = []
        for organizer in ["First Foundation", "Second Foundation"] {
            var document = TestEdition.document(names: (1...400).map { "Nominee \($0) of the \(organizer)" })
            document["award"] = ["name": "Red Team Award", "slug": "red-team", "organizer": organizer]
            paths.append(try TestEdition.write(document, as: "\(organizer.prefix(5)).json", in: directory))
        }
        let out = directory.appendingPathComponent("out")
        for round in 0..<10 {
            let processes = try paths.enumerated().map { index, path in
                try start(["export", path.path, "-f", "md,json,csv,html", "-o", out.path],
                          log: directory.appendingPathComponent("log-\(round)-\(index)"))
            }
            processes.forEach { $0.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let files = Paths.reports(in: out)
            #expect(files.count == 7, "\(files)")
            let owners = try files.map { name -> String in
                let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                return text.contains("First Foundation") ? "first" : text.contains("Second Foundation") ? "second" : "neither"
            }
            // The jury's, key figures' and criteria's files name no organizer; every other file names one, the same.
            #expect(owners.filter { $0 != "neither" }.count == 4 && Set(owners.filter { $0 != "neither" }).count == 1,
                    "round \(round): a mixed set \(zip(files, owners).map { "\($0): \($1)" })")
        }
    }

    @Test("#16.11: a user's hidden .tmp file survives; this tool's left-over one is removed; a running export's is not")
    func leftOvers() throws {
        let directory = try Paths.temporaryDirectory("red-leftovers")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let user = [".notes.99999999.backup.tmp", ".draft.1.2.tmp", ".juryreport-staging-.tmp", ".x.juryreport-staging-1-a.tmp"]
        for name in user + [".juryreport-staging-1-abc123.tmp"] {
            try Data("keep".utf8).write(to: out.appendingPathComponent(name))
        }
        // A slow export (a plugin that takes three seconds) into the directory, and a second
        // that starts while the first has its files staged.
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("slow", #"""
            while [ $# -gt 0 ]; do case "$1" in --output) o="$2";; --basename) b="$2";; esac; shift; done
            sleep 3; printf 'slow\n' > "$o/$b.slow"
            """#)
        let first = try start(["export", "-f", "md,json,slow", "-o", out.path], log: directory.appendingPathComponent("first"), path: plugins.path)
        let deadline = Date().addingTimeInterval(60)
        while first.isRunning, Date() < deadline,
            !listing(out).contains(where: { $0.hasPrefix(".juryreport-staging-") && !user.contains($0) && !$0.hasPrefix(".juryreport-staging-1-") })
        {
            usleep(2_000)
        }
        let secondLog = directory.appendingPathComponent("second")
        let second = try start(["export", Paths.edition("scored.yaml").path, "-f", "md", "-o", out.path], log: secondLog)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let names = listing(out)
        for name in user { #expect(names.contains(name), "\(name) was removed") }
        #expect(!names.contains(".juryreport-staging-1-abc123.tmp"))
        #expect(names.filter { !$0.hasPrefix(".") } == [
            "open-data-award-2025.md", "pro-motor-award-2020.json", "pro-motor-award-2020.md", "pro-motor-award-2020.slow",
        ], "the first export's files were removed while it ran")
        let waited = try String(contentsOf: secondLog, encoding: .utf8)
        #expect(waited.contains("waiting for another export into \(out.path) to finish"), "\(waited)")
    }
}
