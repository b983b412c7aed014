import Testing

@testable import HTMLExporter

@Suite("HTML escaping", .onTestPool)
struct HTMLTextTests {
    @Test("text and attributes are escaped; only http, https and mailto become links")
    func escaping() {
        #expect(HTMLText.escape("<script>&amp;\"'") == "&lt;script&gt;&amp;amp;\"'")
        #expect(HTMLText.attribute("a\"b'c<&") == "a&quot;b&#39;c&lt;&amp;")
        #expect(HTMLText.render([.link([.text("x")], url: "javascript:alert(1)")]) == "x (javascript:alert(1))")
        #expect(HTMLText.render([.link([.text("x")], url: "https://e.org/a b")]) == "<a href=\"https://e.org/a%20b\">x</a>")
        #expect(HTMLText.href("https://e.org/p%zz#a#b|\"") == "https://e.org/p%25zz#a%23b%7C%22")
    }
}
