import Foundation
import Testing
@testable import JuryReportCore

@Suite("Inline markup of text fields", .onTestPool)
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

    /// Delimiters pair with the nearest closer, so emphasis cannot nest deep whatever the
    /// input (LaTeX stops at 255 groups); `maximumDepth` is a second bound behind that.
    static let deeplyNested: [String] = {
        let stars: String = String(repeating: "*a ", count: 300) + "x" + String(repeating: " a*", count: 300)
        let openers: [String] = (0..<300).map { $0 % 2 == 0 ? "*a " : "**a " }
        let closers: [String] = (0..<300).reversed().map { $0 % 2 == 0 ? " a*" : " a**" }
        return [stars, openers.joined() + "x" + closers.joined()]
    }()

    @Test("deeply nested markup stays shallow", arguments: deeplyNested)
    func nestingIsBounded(source: String) {
        func depth(_ nodes: [Inline]) -> Int {
            nodes.map { node -> Int in
                switch node {
                case .emphasis(let inner), .strong(let inner), .link(let inner, _): return 1 + depth(inner)
                default: return 0
                }
            }.max() ?? 0
        }
        let found = depth(RichText(source).paragraphs.flatMap { $0 })
        #expect(found >= 1, "some emphasis is found")
        #expect(found <= 2)
        #expect(found <= InlineMarkupParser.maximumDepth)
    }

    @Test func linksNeedATarget() {
        #expect(RichText("[a]() and [b] (c)").plainText == "[a]() and [b] (c)")
    }
}
