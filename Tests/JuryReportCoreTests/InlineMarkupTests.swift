import Foundation
import Testing
@testable import JuryReportCore

@Suite("Inline markup of text fields")
struct InlineMarkupTests {
    @Test func emphasisStrongAndLinks() {
        let text = RichText("A *b* **c** [d](https://e.example/f_(g)) h")
        #expect(text.paragraphs == [[
            .text("A "), .emphasis([.text("b")]), .text(" "), .strong([.text("c")]), .text(" "),
            .link([.text("d")], url: "https://e.example/f_(g)"), .text(" h"),
        ]])
    }

    @Test func paragraphsSplitAtBlankLinesAndLinesAreTrimmed() {
        let text = RichText("  one\n   two  \n\n \t \nthree\n")
        #expect(text.paragraphs == [[.text("one"), .softBreak, .text("two")], [.text("three")]])
        #expect(text.plainText == "one\ntwo\n\nthree")
    }

    @Test func backslashEscapesMakeMarkupLiteral() {
        let text = RichText(#"\*not\* \[x\](y) \\ \a"#)
        #expect(text.plainText == #"*not* [x](y) \ \a"#)
    }

    @Test("delimiters follow CommonMark's flanking rules", arguments: [
        ("5 * 3 * 2", "5 * 3 * 2"),
        ("a*\"b\"*", "a*\"b\"*"),
        ("**unclosed", "**unclosed"),
        ("***three***", "***three***"),
        ("*a **b** c*", "a b c"),
        ("snake*case*word", "snakecaseword"),
    ])
    func flanking(source: String, visible: String) {
        #expect(RichText(source).plainText == visible)
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "*a ", count: 50) + "x" + String(repeating: " a*", count: 50)
        func depth(_ nodes: [Inline]) -> Int {
            nodes.map { node -> Int in
                switch node {
                case .emphasis(let inner), .strong(let inner), .link(let inner, _): return 1 + depth(inner)
                default: return 0
                }
            }.max() ?? 0
        }
        let text = RichText(deep.replacingOccurrences(of: "*a  a*", with: "x"))
        #expect(depth(text.paragraphs.flatMap { $0 }) <= InlineMarkupParser.maximumDepth)
    }

    @Test func linksNeedATarget() {
        #expect(RichText("[a]() and [b] (c)").plainText == "[a]() and [b] (c)")
    }
}
