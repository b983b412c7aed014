import Foundation
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
}
