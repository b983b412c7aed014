import Foundation
import JuryReportCore
import Testing
import TestSupport

@testable import HTMLExporter

/// The HTML renderer on an outline made by hand (``HandBuiltOutline``), read by Python's
/// html.parser: each kind of block as the page sets it, in the outline's order.
@Suite("HTML rendering of a hand-built outline", .onTestPool, .requires(.python3))
struct HTMLRendererTests {
    /// The page's elements in order: each start tag with its id and class, and text.
    static let script = """
        import json, sys
        from html.parser import HTMLParser
        class Outline(HTMLParser):
            def __init__(self):
                super().__init__()
                self.events = []
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                self.events.append(["start", tag, attrs.get("id") or "", attrs.get("class") or ""])
            def handle_data(self, data):
                if data.strip():
                    self.events.append(["text", data.strip(), "", ""])
        parser = Outline()
        parser.feed(open(sys.argv[1], encoding="utf-8").read())
        print(json.dumps(parser.events))
        """

    static func elements(of outline: ReportOutline) throws -> [[String]] {
        var bytes: [UInt8] = []
        let output = TextOutput { bytes += $0 }
        try HTMLRenderer(output: output, style: outline.style).render(outline)
        try output.flush()
        let directory = try Paths.temporaryDirectory("html-renderer")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        try Data(bytes).write(to: page)
        let result = try ProcessRunner.run(tool: "python3", ["-c", script, page.path])
        try #require(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.standardOutput))
    }

    @Test("sections with their anchors and headings, distinction, details, tables, the chart, announcement, signers")
    func everyBlock() throws {
        let events = try Self.elements(of: HandBuiltOutline.outline)
        let headings = events.indices.compactMap { index -> (Int, String)? in
            let event = events[index]
            guard event[0] == "start", event[1].count == 2, event[1].hasPrefix("h"), let level = Int(event[1].dropFirst()),
                index + 1 < events.count, events[index + 1][0] == "text"
            else { return nil }
            return (level, events[index + 1][1])
        }
        #expect(headings.map(\.0) == HandBuiltOutline.headings.map(\.0))
        #expect(headings.map(\.1) == HandBuiltOutline.headings.map(\.1))
        let sections = events.filter { $0[0] == "start" && $0[1] == "section" }.map { $0[2] }
        #expect(sections == ["section-1", "nominees", "nominee-first", "standings", "verdict", "jury"])
        let classes = events.filter { $0[0] == "start" }.map { $0[3] }.filter { !$0.isEmpty }
        for expected in ["title-block", "distinction winner", "summary", "details", "chart", "announcement", "signers", "chair"] {
            #expect(classes.contains(expected), "class \(expected)")
        }
        // In the outline's order: the distinction before the details before the key figures,
        // the standings table before its chart, the announcement before the signers.
        func position(_ kind: String) -> Int { events.firstIndex { $0[0] == "start" && ($0[3] == kind || $0[1] == kind) } ?? -1 }
        #expect(position("distinction winner") < position("details") && position("details") < position("table"))
        #expect(position("chart") > position("table") && position("announcement") > position("chart"))
        #expect(position("signers") > position("announcement"))
        #expect(events.filter { $0[0] == "start" && $0[1] == "tr" && $0[3] == "winner" }.count == 1)
        #expect(events.filter { $0[0] == "start" && $0[1] == "meter" }.count == 1)
        #expect(events.contains(["text", "stressed", "", ""]) && events.contains(["start", "em", "", ""]))
    }
}
