import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

func listing(_ directory: URL) -> [String] {
    Paths.reports(in: directory)
}

@Suite("Faults in the output directory", .onTestPool, .serialized, .requires(.mount))
struct OutputFaultTests {
    @Test("the disk fills up mid-export: exit 73 naming the path, earlier files untouched, no temporary file", arguments: [
        (["md", "csv", "xlsx", "tex", "json"], "48k"), (["xlsx"], "8k"), (["tex"], "8k"),
    ])
    func diskFull(formats: [String], size: String) throws {
        let directory = try Paths.temporaryDirectory("full")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(Mounts.tmpfs(at: directory, options: "size=\(size)"))
        defer { Mounts.unmount(directory) }
        let earlier = directory.appendingPathComponent("pro-motor-award-2020.md")
        try Data("the earlier report".utf8).write(to: earlier)

        let result = try ProcessRunner.juryreport(["export", "-f", formats.joined(separator: ","), "-o", directory.path])
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.standardError.contains("\(directory.path)/pro-motor-award-2020."), "names the path: \(result.standardError)")
        #expect(result.standardError.contains("No space left on device") || result.standardError.contains("disk full"), "\(result.standardError)")
        #expect(listing(directory) == ["pro-motor-award-2020.md"])
        #expect(try Data(contentsOf: earlier) == Data("the earlier report".utf8))
    }

    /// A long sheet is written while another core makes its rows: a write failure must stop
    /// both, and leave nothing behind.
    @Test("the disk fills up while a long sheet is written: exit 73, no temporary file")
    func diskFullOnALongSheet() throws {
        let directory = try Paths.temporaryDirectory("full-long")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = directory.appendingPathComponent("long.json")
        try writeLargeEdition(nominees: 20_000, to: edition)
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(Mounts.tmpfs(at: out, options: "size=256k"))
        defer { Mounts.unmount(out) }

        let result = try ProcessRunner.juryreport(["export", edition.path, "-f", "xlsx", "-o", out.path])
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.standardError.contains("No space left on device") || result.standardError.contains("disk full"), "\(result.standardError)")
        #expect(listing(out).isEmpty)
    }

    @Test("the directory is read-only: exit 73 naming the path")
    func readOnly() throws {
        let directory = try Paths.temporaryDirectory("readonly")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(Mounts.tmpfs(at: directory, options: "ro,size=64k"))
        defer { Mounts.unmount(directory) }
        let result = try ProcessRunner.juryreport(["export", "-o", directory.path])
        #expect(result.status == 73)
        #expect(result.standardError.contains("\(directory.path)/pro-motor-award-2020."))
        #expect(result.standardError.contains("Read-only file system"))
        #expect(listing(directory).isEmpty)
    }
}

/// A large edition, so that an export takes long enough to be interrupted.
func writeLargeEdition(nominees: Int, to url: URL, longField: Int = 0) throws {
    var json = #"{"format":"jury-report/1","award":{"name":"Big Award"},"edition":{"year":2024},"nominees":["#
    for index in 0..<nominees {
        if index > 0 { json += "," }
        json += #"{"id":"n\#(index)","name":"Nominee \#(index)","lead":"Lead college","summary":"A summary of project \#(index)","facts":[{"label":"Students","value":\#(index % 300)}]}"#
    }
    json += #"],"verdict":{"winner":"n1"},"jury":[{"id":"j","name":"J"}]"#
    if longField > 0 { json += #","signature":"\#(String(repeating: "Lorem ipsum ", count: longField / 12))""# }
    json += "}"
    try Data(json.utf8).write(to: url)
}

@Suite("Killed mid-write", .onTestPool, .serialized)
struct InterruptTests {
    /// Starts an export of a large edition and signals it once its first temporary file exists.
    func interrupt(with signalNumber: Int32, in directory: URL) throws -> Process {
        let edition = directory.appendingPathComponent("big.json")
        try writeLargeEdition(nominees: 60_000, to: edition)
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("the earlier report".utf8).write(to: out.appendingPathComponent("big-award-2024.md"))
        let process = Process()
        process.executableURL = Paths.juryreport
        process.arguments = ["export", edition.path, "-f", "md,json,csv,tex,xlsx", "-o", out.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, !listing(out).contains(where: { $0.hasSuffix(".tmp") }) {
            usleep(2_000)
        }
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        return process
    }

    @Test("SIGTERM: the process dies of the signal, its temporary files removed, earlier files untouched")
    func terminated() throws {
        let directory = try Paths.temporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try interrupt(with: SIGTERM, in: directory)
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        let out = directory.appendingPathComponent("out")
        #expect(listing(out) == ["big-award-2024.md"])
        #expect(try String(contentsOf: out.appendingPathComponent("big-award-2024.md"), encoding: .utf8) == "the earlier report")
    }

    @Test("SIGKILL: no half-written file under a final name; the next export removes what was left")
    func killed() throws {
        let directory = try Paths.temporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try interrupt(with: SIGKILL, in: directory)
        #expect(process.terminationReason == .uncaughtSignal)
        let out = directory.appendingPathComponent("out")
        #expect(listing(out).filter { !$0.hasPrefix(".") } == ["big-award-2024.md"])
        #expect(try String(contentsOf: out.appendingPathComponent("big-award-2024.md"), encoding: .utf8) == "the earlier report")
        let next = try ProcessRunner.juryreport(["export", Paths.edition("scored.yaml").path, "-f", "md", "-o", out.path])
        #expect(next.status == 0)
        #expect(listing(out) == ["big-award-2024.md", "open-data-award-2025.md"])
    }
}

@Suite("Limits on input", .onTestPool)
struct InputLimitTests {
    /// `huge.yaml` of `size` bytes in `directory`, sparse: nothing of it is written to disk.
    func sparseFile(size: UInt64, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("huge.yaml")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: size)
        try handle.close()
        return file
    }

    @Test("a 1 GB file is refused at once with exit 65")
    func hugeFile() throws {
        let directory = try Paths.temporaryDirectory("limits")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try sparseFile(size: 1 << 30, in: directory)  // no gigabyte is written
        let start = Date()
        let result = try ProcessRunner.juryreport(["validate", file.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("the file is 1024 MiB; edition files may be at most 128 MiB"))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("#16.10: a link to a file over the limit is refused like the file, before it is read")
    func linkToHugeFile() throws {
        let directory = try Paths.temporaryDirectory("limits")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try sparseFile(size: 200 << 20, in: directory)
        let link = directory.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        let result = try ProcessRunner.juryreport(["validate", link.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("\(link.path): error: the file is 200 MiB"), "\(result.standardError)")
    }

    @Test("#16.18: an award name of 1,000 characters gives a slug cut to 200, and exports in every format")
    func longAwardName() throws {
        let directory = try Paths.temporaryDirectory("limits")
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = String(repeating: "Award of many words ", count: 50)
        var yaml = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "  name: Open Data Award\n", with: "  name: \(name)\n")
        let file = directory.appendingPathComponent("long.yaml")
        try Data(yaml.utf8).write(to: file)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", file.path, "-o", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let names = listing(out)
        #expect(names.count == 11, "\(names)")
        for written in names {
            #expect(written.hasPrefix("award-of-many-words-"))
            #expect(written.utf8.count < 255)
            #expect(written.split(separator: "-2025").first.map { $0.utf8.count <= 200 } == true, "\(written)")
        }
    }

    // Just past the workbook's constant-memory threshold (20,000 rows, with the header row);
    // the benchmark exports 100,000 with a release build.
    @Test("20,001 nominees and a 40,000-character field export in every format")
    func largeEdition() throws {
        let directory = try Paths.temporaryDirectory("limits")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = directory.appendingPathComponent("big.json")
        try writeLargeEdition(nominees: 20_001, to: edition, longField: 40_000)
        let validation = try ProcessRunner.juryreport(["validate", edition.path])
        #expect(validation.status == 0, "\(validation.standardError)")
        #expect(validation.output.contains("valid (20001 nominees"))
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", edition.path, "-o", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(listing(out).count == 10)
        #expect(result.standardError.contains("autofilter range instead of an Excel table"), "constant-memory mode above 20,000 rows")
    }
}
