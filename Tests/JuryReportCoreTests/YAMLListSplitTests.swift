import Foundation
import JuryReportSource
import Testing
import TestSupport

/// A long YAML list parsed in two halves at once (`YAMLListSplit`) must give the very
/// document the file gives whole: every node, its kind, line, column, children and text.
/// Each test cuts at every item line it can, not only in the middle, and compares.
@Suite("YAML parsed in two halves", .onTestPool)
struct YAMLListSplitTests {
    /// Limits under which any file may be cut, however small.
    static let cutAlways: SourceLimits = {
        var limits = SourceLimits()
        limits.splitSize = 0
        return limits
    }()

    static let neverCut: SourceLimits = {
        var limits = SourceLimits()
        limits.splitSize = .max
        return limits
    }()

    /// Every node of `a` and `b` alike, in kind, place, children and text.
    static func same(_ a: SourceDocument, _ b: SourceDocument) -> Bool {
        a.withView { a in
            b.withView { b in
                guard a.nodes.count == b.nodes.count else { return false }
                for index in a.nodes.indices {
                    let (x, y) = (a.nodes[index], b.nodes[index])
                    guard x.kind == y.kind, a.position(index) == b.position(index) else { return false }
                    switch x.kind {
                    case .plain, .quoted: if !a.bytes(index).elementsEqual(b.bytes(index)) { return false }
                    case .sequence, .mapping, .alias: if x.first != y.first || x.second != y.second { return false }
                    }
                }
                return true
            }
        }
    }

    /// The cuts the finder gives from every line of `text`, each parsed in halves; returns
    /// how many joined (each checked against the whole) and how many fell back.
    static func cutEverywhere(_ text: String) throws -> (joined: Int, refused: Int) {
        let bytes = Array(text.utf8)
        let parser = YAMLSourceParser(bytes: bytes, limits: cutAlways)
        let whole = try YAMLSourceParser(bytes: bytes, limits: neverCut).parse()
        var cuts = Set<Int>()
        var joined = 0
        var refused = 0
        bytes.withUnsafeBufferPointer { buffer in
            for target in [1] + buffer.indices.filter({ buffer[$0] == UInt8(ascii: "\n") }).map({ $0 + 1 }) {
                guard let split = YAMLListSplit.find(in: buffer, near: target), cuts.insert(split.cut).inserted else { continue }
                // The line counted is the cut's own.
                #expect(bytes[..<split.cut].filter { $0 == UInt8(ascii: "\n") }.count + 1 == split.line)
                guard let halves = parser.parse(buffer, splitAt: split) else {
                    refused += 1
                    continue
                }
                joined += 1
                #expect(same(halves, whole), "cut at line \(split.line) of:\n\(text)")
            }
        }
        // And the way the loader takes: cut where it finds, or whole.
        #expect(same(try parser.parse(), whole))
        return (joined, refused)
    }

    @Test("every fixture edition, cut at each item of its long lists: the same document")
    func fixtures() throws {
        let names = [
            "pro-motor-award-2019-2020.yaml", "hostile.yaml", "scored.yaml", "scored-lenient.yaml", "judging.yaml",
            "languages/de.yaml", "languages/fr.yaml", "branding/branded.yaml",
        ]
        var joined = 0
        for name in names {
            let text = try String(contentsOf: Paths.edition(name), encoding: .utf8)
            joined += try Self.cutEverywhere(text).joined
        }
        // The check above compared something: most cuts of these files join.
        #expect(joined > 20)
    }

    @Test("block style, flow items, a list at the margin, comments, CRLF, block scalars with dashes, anchors within the tail")
    func shapes() throws {
        let shapes = [
            """
            format: jury-report/1
            nominees:
              - id: a
                body: |
                  - not an item
                  - nor this
              # a comment
              - id: b
                partners:
                - x
                - y

              - {id: c, name: "C"}
              - &d {id: d}
              - *d
            verdict: {winner: a}
            """,
            "top:\n- a\n- b\n-\n- [1, 2]\n- {k: v}\nafter: 1\n",
            "list:\r\n  - a\r\n  - b\r\n  - c\r\nend: x\r\n",
            "first: 1\nlist:\n  - a: 1\n    b: >\n      folded\n      - text\n  - a: 2\n",
        ]
        for shape in shapes {
            let (joined, _) = try Self.cutEverywhere(shape)
            #expect(joined > 0, "no cut joined in:\n\(shape)")
        }
    }

    @Test("a cut inside a quoted scalar, a flow list, or across an alias is refused, and the whole is read")
    func refusals() throws {
        // Each file, and the line of the cut: the line of an item, as the finder sees it.
        let refused: [(String, Int)] = [
            // A double-quoted scalar that runs over an item-looking line.
            ("list:\n  - a: \"one\n  - b: two\"\n  - c\nend: 1\n", 3),
            // A single-quoted one.
            ("list:\n  - 'one\n  - two'\nend: 1\n", 3),
            // A flow list over lines.
            ("list:\n  - [a,\n  - b]\nend: 1\n", 3),
            // An alias in the tail to an anchor in the head.
            ("list:\n  - &x a\n  - *x\n", 3),
            // A key of the tail already in the head.
            ("end: 0\nlist:\n  - a\n  - b\nend: 1\n", 4),
            // The list is the value of a nested key, not of one at the margin.
            ("top:\n  list:\n  - a\n  - b\n", 4),
        ]
        for (text, line) in refused {
            let bytes = Array(text.utf8)
            let parser = YAMLSourceParser(bytes: bytes, limits: Self.cutAlways)
            let lineStart = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[line - 2] + 1
            bytes.withUnsafeBufferPointer { buffer in
                let split = YAMLListSplit.find(in: buffer, near: lineStart)
                #expect(split?.line == line, "\(text)")
                if let split { #expect(parser.parse(buffer, splitAt: split) == nil, "joined:\n\(text)") }
            }
            // Read whole instead: the same as never cut, fault and all.
            let cut = Result { () throws(SourceSyntaxError) in try parser.parse() }
            let whole = Result { () throws(SourceSyntaxError) in try YAMLSourceParser(bytes: bytes, limits: Self.neverCut).parse() }
            switch (cut, whole) {
            case (.success(let a), .success(let b)): #expect(Self.same(a, b))
            case (.failure(let a), .failure(let b)): #expect(a.message == b.message && a.position == b.position)
            default: Issue.record("cut and whole differ for:\n\(text)")
            }
        }
    }

    @Test("line breaks libyaml counts and the finder does not (CR, NEL, LS, PS): no cut")
    func otherLineBreaks() throws {
        for text in ["list:\r  - a\r  - b\r", "a: x\u{85}y\nlist:\n  - a\n  - b\n", "a: x\u{2028}y\nlist:\n  - a\n  - b\n", "a: \u{2029}\nlist:\n  - a\n  - b\n"] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(YAMLListSplit.find(in: buffer, near: 1) == nil, "\(text.debugDescription)")
            }
        }
        // Without them, the same file is cut.
        Array("a: xy\nlist:\n  - a\n  - b\n".utf8).withUnsafeBufferPointer { buffer in
            #expect(YAMLListSplit.find(in: buffer, near: 1) != nil)
        }
    }

    @Test("a faulty file reports the same fault, at the same place, cut or whole")
    func faults() throws {
        var items = (0..<200).map { "  - {id: n\($0), name: \"N \($0)\"}" }
        items[150] = "  - {id: n150, name: \"N 150\"]"  // a flow mapping closed as a list
        let text = "format: jury-report/1\nnominees:\n" + items.joined(separator: "\n") + "\nverdict: {winner: n0}\n"
        let bytes = Array(text.utf8)
        let cut = Result { () throws(SourceSyntaxError) in try YAMLSourceParser(bytes: bytes, limits: Self.cutAlways).parse() }
        let whole = Result { () throws(SourceSyntaxError) in try YAMLSourceParser(bytes: bytes, limits: Self.neverCut).parse() }
        guard case .failure(let a) = cut, case .failure(let b) = whole else {
            Issue.record("the faulty file parsed")
            return
        }
        #expect(a.position == b.position)
        #expect(a.message == b.message)
        #expect(a.position?.line == 153)
    }
}
