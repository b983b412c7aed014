import Foundation
import Testing
import TestSupport

/// #16.2: the Markdown stays literal and inert under GitHub-style autolinks, raw HTML allowed.
@Suite("Markdown under GFM autolinks", .onTestPool, .requires(.cmark))
struct RedTeamMarkdownTests {
    static let names = [
        "see http://e.org/<img src=x onerror=alert(1)>",
        "www.e.org/<img src=x onerror=alert(2)> and WWW.E.ORG/<b>x</b>",
        "https://x.y/*a* ftp://x.y/<script>alert(3)</script>",
        "mail a@b.org<img src=x onerror=alert(4)>",
        "(http://e.org/\\<i>) [www.e.org/<u>](x)",
    ]

    @Test("cmark-gfm with autolink and --unsafe shows each name as typed, with no element from it")
    func autolinks() throws {
        let directory = try Paths.temporaryDirectory("red-md")
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = TestEdition.document(names: Self.names)
        // Rich text too (names without markup, so the body shows them as typed).
        document["sections"] = [0, 1, 3].map { ["heading": "Section", "body": Self.names[$0]] }
        let edition = try TestEdition.write(document, in: directory)
        let result = try ProcessRunner.juryreport(["export", edition.path, "-f", "md", "--stdout"])
        try #require(result.status == 0, "\(result.standardError)")
        let extensions = ["-e", "autolink", "-e", "table", "-e", "strikethrough"]
        let html = try ProcessRunner.run(tool: "cmark-gfm", extensions + ["--unsafe"], input: result.standardOutput).output
        for element in ["<img", "<script", "<b>", "<i>", "<u>"] {
            #expect(!html.contains(element), "\(element) in \(html)")
        }
        // What a reader sees: every name, literally, in the nominees' headings and the sections.
        let tree = try CommonMarkReader.parse(result.standardOutput)
        let texts = tree.descendants("heading").map(\.text) + tree.descendants("paragraph").map(\.text)
        for name in Self.names {
            #expect(texts.contains { $0.contains(name) }, "\(name) not shown as typed")
        }
        #expect(tree.descendants("html_inline").isEmpty && tree.descendants("html_block").isEmpty)
        // The URLs are not links under GFM either (plain CommonMark has no bare-URL links).
        let linked = tree.descendants("link").map { $0.attributes["destination"] ?? "" }
        #expect(!linked.contains { $0.hasPrefix("http") && $0.contains("e.org") }, "\(linked)")
    }
}
