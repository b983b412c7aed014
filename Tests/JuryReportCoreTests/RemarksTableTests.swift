import Foundation
import Testing
import TestSupport
@testable import JuryReportCore

/// The remarks table (`remarksFile`): what collect writes reads back to the same remarks,
/// whatever a juror typed, and a fault in it is reported at its line and column.
@Suite("The remarks table and an edition's remarksFile", .onTestPool)
struct RemarksTableTests {
    /// The scored fixture with `extra` appended and `files` beside it, in a folder of its own.
    func load(_ extra: String, files: [String: String] = [:]) throws -> Result<Edition, EditionError> {
        let directory = try Paths.temporaryDirectory("remarks-table")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        let yaml = try String(contentsOf: Paths.edition("judging.yaml"), encoding: .utf8) + extra
        let file = directory.appendingPathComponent("judging.yaml")
        try Data(yaml.utf8).write(to: file)
        do {
            return .success(try EditionLoader().load(contentsOf: file, name: "judging.yaml"))
        } catch let error as EditionError {
            return .failure(error)
        }
    }

    @Test("any text, hostile and random, reads back from the table exactly", arguments: 0..<4)
    func roundTrip(seed: Int) {
        var random = RandomText(seed: UInt64(seed) &* 7919)
        var texts = HostileText.samples + ["'s-Hertogenbosch", "'=kept", "''-kept", "a,\t=b", "- one\n- two\n@three", "x;+1"]
        texts += (0..<200).map { _ in random.string(maximumLength: 60) }
        let remarks = texts.filter { TextRules.problem(in: $0) == nil }.enumerated().map {
            Remark(juror: "j\($0.offset)", nominee: "n", text: $0.element)
        }
        let (read, positions, diagnostics) = RemarksTable.read(RemarksTable.text(of: remarks), file: "remarks.csv")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(positions.count == remarks.count)
        for (written, back) in zip(remarks, read) where written != back {
            Issue.record("\(written.text.debugDescription) came back as \(back.text.debugDescription)")
        }
        #expect(read.count == remarks.count)
    }

    @Test("in the file, every cell a spreadsheet could run as a formula starts with an apostrophe")
    func guarded() {
        let text = RemarksTable.text(of: [Remark(juror: "a", nominee: "b", text: "=1+1\n- item; @x,+y\tz")])
        #expect(text.hasPrefix("\u{FEFF}juror,nominee,remark\r\n"))
        #expect(text.contains("\"'=1+1\n'- item;' @x,'+y\tz\""), "\(text.debugDescription)")
    }

    @Test("remarksFile: read beside the edition, inline remarks first; faults at the table's line and column")
    func remarksFile() throws {
        let table = "juror,nominee,remark\r\nanna,alpha,\"Good, clear.\"\r\nchloe,gamma,Fine\r\n"
        let edition = try load("remarks:\n  - { juror: bram, nominee: alpha, remark: Inline }\nremarksFile: remarks.csv\n", files: ["remarks.csv": table]).get()
        #expect(edition.remarks.map(\.text) == ["Inline", "Good, clear.", "Fine"])
        #expect(edition.remarksFile == TableFileReference(path: "remarks.csv", count: 2))
        #expect(edition.inlineRemarks.map(\.juror) == ["bram"])

        let faulty = "juror,nominee,remark\r\nzed,alpha,who?\r\nbram,beta,recused\r\nanna,alpha,twice\r\nanna,alpha,again\r\nchloe,delta,\" \"\r\n"
        let result = try load("remarksFile: remarks.csv\n", files: ["remarks.csv": faulty])
        guard case .failure(let error) = result else {
            Issue.record("loaded a faulty table")
            return
        }
        let messages = error.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("remarks.csv:2:1: error: refers to no jury member: 'zed'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("remarks.csv:3:1: error: 'bram' is recused from 'beta'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("remarks.csv:5:1: error: a second remark by the same juror on the same nominee; the first is line 4") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("remarks.csv:6:13: error: is empty") }, "\(messages)")
    }

    @Test("remarksFile: a file that is no remarks table is not echoed; one past the edition's size is refused unread")
    func limits() throws {
        let secret = "root:x:0:0:root:/root:/bin/bash\n"
        guard case .failure(let error) = try load("remarksFile: passwd\n", files: ["passwd": secret]) else {
            Issue.record("read a password file as remarks")
            return
        }
        #expect(error.diagnostics.map(\.description).joined().contains("is not a remarks table") && !error.diagnostics.map(\.description).joined().contains("root:x"))
        // Three members, four nominees: at most 64 KiB and 12 rows of a remark's size.
        let big = "juror,nominee,remark\r\n" + String(repeating: "anna,alpha,x\r\n", count: 60_000)
        guard case .failure(let large) = try load("remarksFile: big.csv\n", files: ["big.csv": big]) else {
            Issue.record("read an oversized table")
            return
        }
        #expect(large.diagnostics.map(\.description).joined().contains("a remarks file of this edition (its jury, nominees and criteria) may be at most"),
                "\(large.diagnostics)")
    }
}
