import Foundation
import CFileSystem
import Glibc
import Testing
import TestSupport
@testable import JuryReportCore

@Suite("Atomic output", .onTestPool)
struct DirectoryExportSinkTests {
    struct Failure: Error {}

    func contents(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test("files appear only on commit, and no temporary file stays")
    func commit() throws {
        let directory = try Paths.temporaryDirectory("sink")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sink = try DirectoryExportSink(directory: directory, baseName: "x-2020") { _ in }
        try sink.writeFile(suffix: ".md") { try $0.write("hello") }
        try sink.writeFile(suffix: ".b.csv") { try $0.write("a,b\r\n") }
        #expect(try contents(directory).allSatisfy { $0.hasPrefix(".") && $0.hasSuffix(".tmp") })
        try sink.commit()
        #expect(try contents(directory) == ["x-2020.b.csv", "x-2020.md"])
        #expect(try String(contentsOf: directory.appendingPathComponent("x-2020.md"), encoding: .utf8) == "hello")
    }

    @Test("a failed export leaves earlier files as they were and no temporary file")
    func failure() throws {
        let directory = try Paths.temporaryDirectory("sink")
        defer { try? FileManager.default.removeItem(at: directory) }
        let earlier = directory.appendingPathComponent("x-2020.md")
        try Data("earlier".utf8).write(to: earlier)
        let sink = try DirectoryExportSink(directory: directory, baseName: "x-2020") { _ in }
        #expect(throws: Failure.self) {
            try sink.writeFile(suffix: ".md") { output in
                try output.write(String(repeating: "new ", count: 100_000))
                throw Failure()
            }
        }
        sink.discard()
        #expect(try contents(directory) == ["x-2020.md"])
        #expect(try String(contentsOf: earlier, encoding: .utf8) == "earlier")
    }

    @Test("suffixes cannot leave the directory")
    func suffixes() throws {
        let directory = try Paths.temporaryDirectory("sink")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sink = try DirectoryExportSink(directory: directory, baseName: "x-2020") { _ in }
        for suffix in ["/../../etc/passwd", ".md/../x", "md", ".", ""] {
            #expect(throws: OutputError.self) { try sink.writeFile(suffix: suffix) { _ in } }
        }
        #expect(try contents(directory).isEmpty)
    }

    @Test("an output path that is a file is refused")
    func outputIsAFile() throws {
        let directory = try Paths.temporaryDirectory("sink")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out")
        try Data("x".utf8).write(to: file)
        #expect(throws: OutputError.self) { try DirectoryExportSink(directory: file, baseName: "x") { _ in } }
    }

    /// A staged file with `text`, as a sink leaves it, and its temporary path.
    func staged(_ text: String, in directory: URL) throws -> String {
        let path = try StagingFile.create(in: directory.path, for: "", observer: nil)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the flusher flushes and hashes each file handed to it, and names a file it could not flush")
    func flusher() throws {
        let directory = try Paths.temporaryDirectory("flusher")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try staged("text", in: directory)
        let descriptor = open(file, O_RDONLY)
        var pipe: [Int32] = [0, 0]
        #expect(Glibc.pipe(&pipe) == 0)
        defer { close(pipe[1]) }
        let flusher = FileFlusher()
        flusher.flush(descriptor, of: file)
        // fsync of a pipe fails (EINVAL): as a disk that refuses to flush would.
        flusher.flush(pipe[0], of: "/the/pipe")
        let outcome = flusher.wait()
        #expect(Array(outcome.failures.keys) == ["/the/pipe"], "\(outcome.failures)")
        // The file's hash, as the manifest takes it of a file.
        #expect(outcome.hashes == [file: ExportManifest.hash(ofFileAt: file)], "\(outcome.hashes)")
        #expect(outcome.hashes[file] == "982d9e3eb996f559e633f4d194def3761d909f5a3b647d1a851fead67c32c9d1")
    }

    @Test("the commit waits for the flushes: an edition with a file not on disk is not put in place, those before it are")
    func commitAfterFlush() throws {
        let directory = try Paths.temporaryDirectory("flusher")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (first, second) = (try staged("first", in: directory), try staged("second", in: directory))
        var pipe: [Int32] = [0, 0]
        #expect(Glibc.pipe(&pipe) == 0)
        defer { close(pipe[1]) }
        let flusher = FileFlusher()
        flusher.flush(open(first, O_RDONLY), of: first)
        flusher.flush(pipe[0], of: second)
        func edition(_ name: String, _ path: String) -> Result<ExportedEdition, ExportFailure> {
            .success(ExportedEdition(baseName: name, formats: [
                ExportedFormat(format: "md", files: [StagedFile(name: "\(name).md", content: .temporaryFile(path: path))], warnings: [], seconds: 0)
            ]))
        }
        let batch = ExportBatch(editions: [edition("a-2020", first), edition("b-2020", second)], lock: nil, flusher: flusher)
        let pipeline = ExportPipeline(registry: try ExporterRegistry())
        let failure = #expect(throws: ExportFailure.self) { try pipeline.commit(batch, to: .directory(directory)) }
        // An output fault, exit 73, naming the file that was not put in place.
        guard case .output(let output)? = failure?.kind else {
            Issue.record("not an output fault: \(String(describing: failure))")
            return
        }
        #expect(output.kind == .cannotWrite && output.path.hasSuffix("/b-2020.md"), "\(output)")
        #expect(try contents(directory).filter { !$0.hasPrefix(".juryreport-manifest") } == ["a-2020.md"])
        #expect(try String(contentsOf: directory.appendingPathComponent("a-2020.md"), encoding: .utf8) == "first")
    }

    @Test("a file on a local disk counts as local (its replacement is held open across the rename); one that cannot be told, as remote")
    func fileSystems() throws {
        let directory = try Paths.temporaryDirectory("flusher")
        defer { try? FileManager.default.removeItem(at: directory) }
        let descriptor = open(try staged("text", in: directory), O_RDONLY)
        defer { close(descriptor) }
        #expect(juryreport_is_remote_file(descriptor) == 0)
        #expect(juryreport_is_remote_file(-1) == 1)
    }
}
