import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// #28.1: every command writes its files by one set of rules — a symbolic link written
/// through to its target, a FIFO or device written to, `-` as standard output, and never a
/// file of the run's own inputs — with real links, real FIFOs and the real devices.
@Suite("Outputs are the user's files: links written through, pipes written to, inputs never replaced", .onTestPool)
struct OutputPlacementTests {
    /// The files of `directory`, names and bytes, links as `-> target`, FIFOs as `fifo`.
    static func snapshot(_ directory: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            lstat(path, &info)
            switch info.st_mode & S_IFMT {
            case S_IFLNK: files[name] = "-> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
            case S_IFIFO: files[name] = "fifo"
            case S_IFDIR: files[name] = "dir"
            default: files[name] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
        }
        return files
    }

    static func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    @Test("schema --output: through a link to its target (in another folder), into a FIFO a reader drains, to - and to a link to /dev/null")
    func schemaOutputs() throws {
        let directory = try Paths.temporaryDirectory("placement")
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = try ProcessRunner.juryreport(["schema"]).output
        try #require(schema.contains("\"$schema\""))

        // A link to a shared file elsewhere: the target gets the schema, the link stays.
        let shared = directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let target = shared.appendingPathComponent("schema.json")
        try Data("old".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "shared/schema.json")
        let linked = try ProcessRunner.juryreport(["schema", "--output", link.path])
        #expect(linked.status == 0, "\(linked.standardError)")
        #expect(Self.isSymbolicLink(link), "the link is still a link")
        #expect(try String(contentsOf: target, encoding: .utf8) == schema)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "the target keeps its permissions")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path) == ["schema.json"], "no temporary file left")

        // A FIFO: written to while a reader drains it, and still a FIFO afterwards.
        let fifo = directory.appendingPathComponent("pipe")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        let drained = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), [
            // Within ten seconds each: a FIFO replaced by a file would leave cat waiting.
            "-c", "timeout 10 cat \"$1\" > \"$2\" & timeout 10 \"$3\" schema --output \"$1\"; status=$?; wait; exit $status",
            "sh", fifo.path, directory.appendingPathComponent("drained").path, Paths.juryreport.path,
        ])
        #expect(drained.status == 0, "\(drained.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("drained"), encoding: .utf8) == schema)
        #expect(try Self.snapshot(directory)["pipe"] == "fifo")

        // `-` is standard output; a link to /dev/null writes into the device, which stays one.
        let dash = try ProcessRunner.juryreport(["schema", "--output", "-"])
        #expect(dash.status == 0 && dash.output == schema)
        let null = directory.appendingPathComponent("null.json")
        try FileManager.default.createSymbolicLink(atPath: null.path, withDestinationPath: "/dev/null")
        let nulled = try ProcessRunner.juryreport(["schema", "--output", null.path])
        #expect(nulled.status == 0, "\(nulled.standardError)")
        #expect(Self.isSymbolicLink(null))
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is a device still")
    }

    @Test("export: a file of the run that is a link is written through; one that would land on the edition file is refused, exit 64, nothing written")
    func exportOutputs() throws {
        let directory = try Paths.temporaryDirectory("placement")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = directory.appendingPathComponent("open-data-award-2025.json")
        try FileManager.default.copyItem(at: Paths.edition("scored.yaml"), to: directory.appendingPathComponent("scored.yaml"))
        let json = try ProcessRunner.juryreport(["export", directory.appendingPathComponent("scored.yaml").path, "-f", "json", "--stdout"])
        try #require(json.status == 0)
        try Data(json.output.utf8).write(to: edition)
        // Exporting the JSON edition as JSON into its own folder would write over it.
        let before = try Self.snapshot(directory)
        let clash = try ProcessRunner.juryreport(["export", edition.path, "-f", "json,md", "-o", directory.path])
        #expect(clash.status == 64, "\(clash.standardError)")
        #expect(clash.standardError.contains("open-data-award-2025.json: error: is one of this run's inputs; it is never written over"), "\(clash.standardError)")
        #expect(try Self.snapshot(directory) == before, "nothing written, nothing left")
        // Through a link (the output directory's Markdown is a link into a site's folder).
        let site = directory.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let link = out.appendingPathComponent("open-data-award-2025.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: site.appendingPathComponent("report.md").path)
        let linked = try ProcessRunner.juryreport(["export", edition.path, "-f", "md", "-o", out.path])
        #expect(linked.status == 0, "\(linked.standardError)")
        #expect(Self.isSymbolicLink(link))
        #expect(try String(contentsOf: site.appendingPathComponent("report.md"), encoding: .utf8).contains("Alpha Transit Maps"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["report.md"], "no temporary file left")
    }

    @Test("init: never over an existing edition.yaml, not even through a link, and then writes nothing")
    func initOutputs() throws {
        let directory = try Paths.temporaryDirectory("placement")
        defer { try? FileManager.default.removeItem(at: directory) }
        let mine = directory.appendingPathComponent("mine.yaml")
        try Data("mine".utf8).write(to: mine)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("edition.yaml").path, withDestinationPath: "mine.yaml")
        let refused = try ProcessRunner.juryreport(["init", directory.path])
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("edition.yaml: error: already exists; not overwritten"), "\(refused.standardError)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("jury-report.schema.json").path))
    }
}
