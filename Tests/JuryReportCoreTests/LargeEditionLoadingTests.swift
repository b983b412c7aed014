import Foundation
import JuryReportSource
import Testing
import TestSupport
@testable import JuryReportCore

/// A large edition is loaded so that its file, its parsed document and its model are not
/// held whole at once: the file's bytes are let go behind the JSON parser, the items of long
/// lists as they are read into the model, and a fault found afterwards is placed by parsing
/// the file again. None of it may change what is loaded or what a fault says, where.
@Suite("Large editions loaded letting go of what was read", .onTestPool)
struct LargeEditionLoadingTests {
    /// A loader that lets go of every edition's lists, however small the file.
    static let letsGo: EditionLoader = {
        var loader = EditionLoader()
        loader.discardSize = 0
        return loader
    }()

    /// An edition of `count` nominees (body with markup, key figures, partners), two jury
    /// members, two criteria and a score per nominee, juror and criterion: long lists of
    /// nominees and of scores. `fault(i)` may replace the nominee at `i`.
    static func json(nominees count: Int, fault: (Int) -> String? = { _ in nil }, winner: String = "n0") -> String {
        var lines = [#"{"format": "jury-report/1", "award": {"name": "A — prijs"}, "edition": {"year": 2020},"#]
        lines.append(#""criteria": [{"id": "c1", "name": "Impact", "weight": 2}, {"id": "c2", "name": "Reach"}],"#)
        lines.append(#""scale": {"min": 1, "max": 10}, "nominees": ["#)
        for index in 0..<count {
            lines.append((fault(index) ?? #"{"id": "n\#(index)", "name": "Nominee \#(index) & Co", "partners": ["P\#(index)", "Q"], "#
                + #""summary": "Project \#(index) works with \#(index % 97) companies.", "#
                + #""facts": [{"label": "Students", "value": \#(index)}, {"label": "Région", "value": "Nord \#(index)"}], "#
                + #""body": "Nominee \#(index) built *local* ties.\n\nIt reached [\#(index)](https://example.org/\#(index)) students."}"#)
                + (index == count - 1 ? "" : ","))
        }
        lines.append(#"], "verdict": {"winner": "\#(winner)"}, "jury": [{"id": "j1", "name": "J1"}, {"id": "j2", "name": "J2"}],"#)
        lines.append(#""scores": ["#)
        let scores = (0..<count).flatMap { index in
            ["j1", "j2"].flatMap { juror in
                ["c1", "c2"].map { criterion in
                    #"{"juror": "\#(juror)", "nominee": "n\#(index)", "criterion": "\#(criterion)", "score": \#(1 + (index + juror.count) % 10)}"#
                }
            }
        }
        lines.append(scores.joined(separator: ",\n"))
        lines.append("]}")
        return lines.joined(separator: "\n")
    }

    /// The same edition's nominees as YAML in block style (parsed in halves when long).
    static func yaml(nominees count: Int) -> String {
        var text = "format: jury-report/1\naward: { name: A }\nedition: { year: 2020 }\nnominees:\n"
        for index in 0..<count {
            text += "  - id: n\(index)\n    name: Nominee \(index)\n    facts:\n      - { label: Students, value: \(index) }\n"
                + "    body: |\n      Nominee \(index) built *local* ties.\n\n      It reached \(index) students.\n"
        }
        return text + "verdict: { winner: n0 }\njury:\n  - { id: j1, name: J1 }\n"
    }

    static func file(_ text: String, named name: String) throws -> URL {
        let url = try Paths.temporaryDirectory("large").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("JSON and YAML: the same edition whether the read items were let go or not")
    func sameEdition() throws {
        for (text, name) in [(Self.json(nominees: 10_000), "large.json"), (Self.yaml(nominees: 10_000), "large.yaml")] {
            let url = try Self.file(text, named: name)
            let letGo = try Self.letsGo.load(contentsOf: url)
            let syntax: EditionSyntax = name.hasSuffix(".json") ? .json : .yaml
            let kept = try EditionLoader().load(bytes: Array(text.utf8), syntax: syntax, name: url.path)
            #expect(letGo == kept, "\(name)")
            #expect(letGo.nominees.count == 10_000)
            #expect(letGo.nominees[9_999].body?.plainText.hasSuffix("students.") == true)
            #expect(letGo.nominees[8_765].facts.first?.value == .number(8_765))
            if syntax == .json {
                #expect(letGo.scores.count == 40_000)
                #expect(letGo.nominees[7_000].facts.last?.value == .text("Nord 7000"))
            }
        }
    }

    @Test("faults found after the items were let go are placed where the file has them")
    func faultsPlaced() throws {
        // Nominee i is on line i + 4 (three lines before the list).
        let text = Self.json(
            nominees: 10_000,
            fault: { index in
                switch index {
                case 7_000: return #"{"id": "n3", "name": "Copy of N3"}"#
                case 8_000: return #"{"id": "n8000", "nmae": "typo", "name": "N"}"#
                default: return nil
                }
            }, winner: "nobody")
        let url = try Self.file(text, named: "faults.json")
        let letGo = #expect(throws: EditionError.self) { try Self.letsGo.load(contentsOf: url) }
        let kept = #expect(throws: EditionError.self) {
            try EditionLoader().load(bytes: Array(text.utf8), syntax: .json, name: url.path)
        }
        let found = letGo?.diagnostics.map(\.description) ?? []
        #expect(found == kept?.diagnostics.map(\.description) ?? [])
        // Each fault has its line and column: the validator's (the duplicate, the winner, the
        // scores of a nominee that is no longer there) and the reader's (the unknown key).
        for expected in [
            "faults.json:7004:8: error: nominees[7000].id: duplicate id 'n3', already used by nominees[3]",
            "faults.json:8004:17: error: nominees[8000].nmae: unknown key 'nmae'",
            "faults.json:10004:26: error: verdict.winner: refers to no nominee: 'nobody'",
            "faults.json:38006:28: error: scores[28000].nominee: refers to no nominee: 'n7000'",
        ] {
            #expect(found.contains { $0.contains(expected) }, "\(expected)")
        }
        #expect(letGo?.diagnostics.allSatisfy { $0.position != nil } == true)
    }

    /// The loader's answer when the second read finds the file changed (`reread` gives nil):
    /// every fault keeps its file, field and message, none gets a line it cannot vouch for.
    @Test("a file that changed before the second read: the validator's faults without positions")
    func changedBeforeSecondRead() throws {
        let text = Self.json(nominees: 2_000, fault: { $0 == 1_500 ? #"{"id": "n3", "name": "Copy"}"# : nil })
        var bytes = Array(text.utf8)
        let error = #expect(throws: EditionError.self) {
            try Self.letsGo.load(taking: &bytes, syntax: .json, name: "changed.json", directory: nil, reread: { nil })
        }
        let duplicate = error?.diagnostics.first { $0.path?.description == "nominees[1500].id" }
        #expect(duplicate?.message == "duplicate id 'n3', already used by nominees[3]")
        #expect(duplicate?.file == "changed.json")
        #expect(duplicate != nil && duplicate?.position == nil)
    }

    /// A part whose first items are left out records the places of the ones it keeps, so the
    /// validator's faults name the items of the file, in the single part and in the parts
    /// of a list long enough to be read on both cores.
    @Test("items left out at the start of a part: later faults still name the item in the file")
    func leftOutAtStart() throws {
        for count in [6, 10_000] {
            let text = Self.json(nominees: count, fault: { index in
                switch index {
                case 0, 1, count / 2, count / 2 + 1: return #"{"id": "n\#(index)"}"#
                case count - 1: return #"{"id": "n2", "name": "Copy of N2"}"#
                default: return nil
                }
            })
            let error = #expect(throws: EditionError.self) {
                try EditionLoader().load(bytes: Array(text.utf8), syntax: .json, name: "gaps.json")
            }
            let messages = error?.diagnostics.map { "\($0.path?.description ?? ""): \($0.message)" } ?? []
            #expect(messages.contains("nominees[\(count - 1)].id: duplicate id 'n2', already used by nominees[2]"), "\(count)")
            #expect(messages.filter { $0.hasSuffix(".name: is required") }.count == 4, "\(count)")
        }
    }

    /// What the loader compares before it places faults by a second read of the file.
    @Test("the file's bytes read whole at every size around the reader's steps; a file over the limit refused")
    func fileRead() throws {
        let directory = try Paths.temporaryDirectory("read-bytes")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("edition.json")
        for size in [0, 1, 4_095, 1 << 20, (1 << 20) + 1, 3 << 20] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            try Data(bytes).write(to: file)
            let read = try EditionLoader.readBytes(of: file, name: "edition.json", limit: 4 << 20)
            #expect(read.bytes == bytes, "\(size) bytes")
            #expect(read.identity != nil)
        }
        // Past the limit (the caller checks the size first; a file may grow in between).
        try Data(count: 5_000).write(to: file)
        #expect(throws: EditionInputError.self) { try EditionLoader.readBytes(of: file, name: "edition.json", limit: 4_096) }
        #expect(try EditionLoader.readBytes(of: file, name: "edition.json", limit: 5_000).bytes.count == 5_000)
    }

    @Test("a file changed after it was read is told from the file read: device, inode, size, time")
    func changedFile() throws {
        let url = try Self.file(#"{"a": 1}"#, named: "changed.json")
        let handle = try FileHandle(forReadingFrom: url)
        let before = FileIdentity(descriptor: handle.fileDescriptor)
        try handle.close()
        let again = try FileHandle(forReadingFrom: url)
        #expect(FileIdentity(descriptor: again.fileDescriptor) == before)
        try again.close()
        try Data(#"{"a": 22}"#.utf8).write(to: url)
        let after = try FileHandle(forReadingFrom: url)
        #expect(FileIdentity(descriptor: after.fileDescriptor) != before)
        try after.close()
    }

    @Test("the JSON parser letting go of the bytes behind it gives the same document and faults")
    func consumingParser() throws {
        // Many of the parser's steps, lowered to 64 KiB; one line and many lines.
        var limits = SourceLimits()
        limits.discardStep = 1 << 16
        let items = (0..<15_000).map { #"{"id": "n\#($0)", "name": "Nom\#u{E9}e \#($0)", "value": \#($0).5}"# }
        for separator in [", ", ",\n"] {
            let text = #"{"list": ["# + items.joined(separator: separator) + "]}"
            #expect(text.utf8.count > 12 * limits.discardStep)
            let whole = try JSONSourceParser.parse(Array(text.utf8))
            var bytes = Array(text.utf8)
            let consumed = try JSONSourceParser.parse(consuming: &bytes, limits: limits)
            #expect(bytes.isEmpty)
            #expect(YAMLListSplitTests.same(whole, consumed))
            // A fault near the end is placed as by the plain parser.
            let broken = String(text.dropLast(2)) + "}]"
            var brokenBytes = Array(broken.utf8)
            let plainError = #expect(throws: SourceSyntaxError.self) { try JSONSourceParser.parse(Array(broken.utf8)) }
            let consumingError = #expect(throws: SourceSyntaxError.self) { try JSONSourceParser.parse(consuming: &brokenBytes, limits: limits) }
            #expect(plainError?.position != nil)
            #expect(plainError?.position == consumingError?.position)
            #expect(plainError?.message == consumingError?.message)
        }
    }

    @Test("whole pages inside the range are handed back and read as zeros; the rest is kept")
    func pagesLetGo() throws {
        let bytes = [UInt8](repeating: 0xAB, count: 1 << 20)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        bytes.withUnsafeBytes { buffer in
            MemoryPages.discard(UnsafeRawBufferPointer(rebasing: buffer[1000..<(1 << 19)]))
        }
        let base = bytes.withUnsafeBytes { Int(bitPattern: $0.baseAddress!) }
        let firstWhole = ((base + 1000 + page - 1) / page * page) - base
        let end = ((base + (1 << 19)) / page * page) - base
        #expect(end - firstWhole > 100 * page)
        #expect(bytes[..<firstWhole].allSatisfy { $0 == 0xAB })
        #expect(bytes[firstWhole..<end].allSatisfy { $0 == 0 })
        #expect(bytes[end...].allSatisfy { $0 == 0xAB })
    }

    @Test("a node keeps its kind and column in 12 bytes; a column past its bits is capped")
    func compactNode() {
        #expect(MemoryLayout<SourceDocument.Node>.stride == 12)
        for kind in [SourceDocument.Kind.plain, .quoted, .sequence, .mapping, .alias] {
            for column: UInt32 in [1, 80, (1 << 29) - 1] {
                var node = SourceDocument.Node(kind: kind, column: column, first: 3, second: 4)
                #expect(node.kind == kind && node.column == column && node.first == 3 && node.second == 4)
                node.kind = .mapping
                #expect(node.kind == .mapping && node.column == column)
            }
        }
        #expect(SourceDocument.Node(kind: .alias, column: UInt32.max, first: 0, second: 0).kind == .alias)
    }

    /// Lines are kept once per run of nodes on a line: every node's position must still be
    /// the one its value has in the file, on one line, on many, and in a YAML file whose
    /// lines were joined from two halves (``YAMLListSplitTests`` compares those node by node).
    @Test("every node's line and column, one line or many: checked against the text")
    func linesOfNodes() throws {
        let items = (0..<300).map { #"{"id": "n\#($0)", "note": "é\#($0)"}"# }
        for separator in [", ", ",\n", ",\n\n   "] {
            let text = #"{"list": ["# + items.joined(separator: separator) + "]}"
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let document = try JSONSourceParser.parse(Array(text.utf8))
            var checked = 0
            document.withView { view in
                for index in 0..<view.nodes.count where view.kind(index) == .quoted {
                    // A string's position is its opening quote: the text follows it there.
                    let position = view.position(index)
                    let line = Array(lines[position.line - 1].unicodeScalars)
                    let after = String(String.UnicodeScalarView(line[position.column...]))
                    #expect(after.hasPrefix(view.string(index) + "\""), "node \(index) at \(position)")
                    checked += 1
                }
            }
            #expect(checked == 1 + 4 * 300)
        }
    }

    @Test("a document with an alias is never let go of: its items may share text with earlier ones")
    func aliasesKeepTheDocument() throws {
        // The anchor well inside the list, so that the pages of its text lie wholly among
        // items that would be let go before the aliases after it are read.
        var text = "format: jury-report/1\naward: { name: A }\nedition: { year: 2020 }\nnominees:\n"
        for index in 0..<3_000 {
            let name = index < 1_500 ? "N\(index)" : index == 1_500 ? "&shared Shared name" : "*shared"
            text += "  - { id: n\(index), name: \(name) }\n"
        }
        text += "verdict: { winner: n0 }\njury: [{ id: j, name: J }]\n"
        let url = try Self.file(text, named: "aliases.yaml")
        let edition = try Self.letsGo.load(contentsOf: url)
        #expect(edition.nominees[1_500...].allSatisfy { $0.name == "Shared name" })
        #expect(edition.nominees.count == 3_000)
    }
}
