import Foundation
@testable import JuryReportJudging
import Testing
import TestSupport

/// The filled forms' XML reader against expat (Python's pyexpat) on the same bytes: the same
/// events for a well-formed part, a stop for one that is not.
@Suite("The forms' XML reader, against expat", .onTestPool)
struct XMLEventReaderTests {
    /// The events as the reader script prints them: start (name, sorted attributes), end, text.
    enum Event: Equatable, CustomStringConvertible {
        case start(String, [[String]])
        case end(String)
        case text(String)

        var description: String {
            switch self {
            case .start(let name, let attributes): "<\(name) \(attributes)>"
            case .end(let name): "</\(name)>"
            case .text(let text): "\(text.debugDescription)"
            }
        }
    }

    final class Recorder: XMLEventHandler {
        var events: [Event] = []
        func start(_ element: String, attributes: [String: String]) -> Bool {
            events.append(.start(element, attributes.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }))
            return true
        }
        func end(_ element: String) -> Bool {
            events.append(.end(element))
            return true
        }
        func characters(_ text: String) -> Bool {
            if case .text(let before) = events.last {
                events[events.count - 1] = .text(before + text)
            } else {
                events.append(.text(text))
            }
            return true
        }
    }

    struct Expat: Decodable {
        var wellFormed: Bool
        var events: [[ExpatValue]]

        enum ExpatValue: Decodable {
            case string(String)
            case pairs([[String]])
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let string = try? container.decode(String.self) { self = .string(string) } else { self = .pairs(try container.decode([[String]].self)) }
            }
        }

        var decoded: [Event] {
            events.compactMap { event in
                guard case .string(let kind) = event[0], case .string(let value) = event[1] else { return nil }
                switch kind {
                case "start": if case .pairs(let attributes) = event[2] { return .start(value, attributes) } else { return nil }
                case "end": return .end(value)
                default: return .text(value)
                }
            }
        }
    }

    static let wellFormed: [String] = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a x=\"1\" y='2'>t</a>",
        "\u{FEFF}<?xml version=\"1.0\"?>\r\n<sst count=\"1\"><si><t xml:space=\"preserve\">  two  spaces </t></si></sst>\n",
        "<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;&#9;&#10;&#13;</a>",
        "<a>line 1\r\nline 2\rline 3\n\rline 4</a>",
        "<a v=\"x\ty\nz\r\nw&#10;q&#9;r&#13;\" w='&lt;&amp;\"'/>",
        "<a>x<![CDATA[<b>&amp; ]] ]>\r\n]]>y</a>",
        "<a><!-- a comment - with a dash --><?target some data?>t<!----></a>",
        "<a><b/><c k=\"v\"/><d></d></a>",
        "<x:worksheet xmlns:x=\"urn:x\" xmlns:r=\"urn:r\" x:k=\"v\"><x:sheet name=\"Scores\" r:id=\"rId1\"/></x:worksheet>",
        "<é ä=\"ö\">ü 中文 \u{00A0}</é>",
        "<a k = \"v\"\n  j\t=\t'w' >text</a  >",
        "<a k=\"a>b\">c>d]]e</a>",
        String(repeating: "<d>", count: 200) + "deep" + String(repeating: "</d>", count: 200),
        "<c r=\"B2\" t=\"inlineStr\"><is><t>=HYPERLINK(\"x\")&lt;script&gt;</t></is></c>",
        "<a-b.c_d:e f-g=\"1\"/>",
        "  <a/>  \n",
    ]

    static let malformed: [String] = [
        "<a><b></a></b>",
        "<a>&nbsp;</a>",
        "<a>",
        "<a>x</a",
        "<a k=v/>",
        "<a k=\"1\" k=\"2\"/>",
        "<a k=\"<\"/>",
        "<a/><b/>",
        "<a/>x",
        "x<a/>",
        "<a>\u{01}</a>",
        "<a>&#0;</a>",
        "<a>&#1;</a>",
        "<a>&#xD800;</a>",
        "<a>&#65</a>",
        "<a>&#x;</a>",
        "<a>&;</a>",
        "<a>]]></a>",
        "<a k=\"1\"j=\"2\"/>",
        "<1a/>",
        "<a><-b/></a>",
        "<a/><?xml version=\"1.0\"?>",
        "<a><!-- a -- b --></a>",
        "<a><!-- a ---></a>",
        "<a><!--></a>",
        "<a><!---></a>",
        "<a><!-- x --",
        "<a><![CDATA[]]</a>",
        "<a><![CDATA[x</a>",
        "<a><!-- x</a>",
        "<a k='1\"/>",
        "",
        "<a></b>",
        "< a/>",
    ]

    @Test("the same events as expat for well-formed parts; a stop for every part expat refuses")
    func againstExpat() throws {
        let directory = try Paths.temporaryDirectory("xml-events")
        defer { try? FileManager.default.removeItem(at: directory) }
        var documents = (Self.wellFormed + Self.malformed).map { Array($0.utf8) }
        // Bytes that are not UTF-8, and a part of every fixture form the tests fill in.
        documents.append(Array("<a>".utf8) + [0xFF, 0xFE] + Array("</a>".utf8))
        documents.append(Array("<a k=\"".utf8) + [0xC3] + Array("\"/>".utf8))
        var files: [String] = []
        for (index, document) in documents.enumerated() {
            let file = directory.appendingPathComponent("\(index).xml")
            try Data(document).write(to: file)
            files.append(file.path)
        }
        let expat = try IndependentReaders.run("read_xml_events.py", files, as: [Expat].self)
        #expect(expat.prefix(Self.wellFormed.count).allSatisfy { $0.wellFormed }, "the well-formed cases are well-formed")
        #expect(expat.dropFirst(Self.wellFormed.count).allSatisfy { !$0.wellFormed }, "the malformed cases are malformed")
        for (index, document) in documents.enumerated() {
            let recorder = Recorder()
            let whole = XMLEventReader.read(document, into: recorder)
            let shown = String(decoding: document.prefix(80), as: UTF8.self).debugDescription
            #expect(whole == expat[index].wellFormed, "\(shown)")
            if expat[index].wellFormed {
                #expect(recorder.events == expat[index].decoded, "\(shown)")
            }
        }
    }

    @Test("a document type declaration stops the reading, its entities never expanded; nesting past its limit stops too")
    func refused() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;">]>
            <a>&l2;</a>
            """
        let recorder = Recorder()
        #expect(!XMLEventReader.read(Array(laughs.utf8), into: recorder))
        #expect(recorder.events.isEmpty)
        let external = "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>"
        #expect(!XMLEventReader.read(Array(external.utf8), into: Recorder()))
        let deep = String(repeating: "<d>", count: XMLEventReader.deepest + 1) + String(repeating: "</d>", count: XMLEventReader.deepest + 1)
        #expect(!XMLEventReader.read(Array(deep.utf8), into: Recorder()))
        let deepest = String(repeating: "<d>", count: XMLEventReader.deepest) + String(repeating: "</d>", count: XMLEventReader.deepest)
        #expect(XMLEventReader.read(Array(deepest.utf8), into: Recorder()))
    }

    @Test("a handler that stops ends the reading there")
    func handlerStops() {
        final class FirstOnly: XMLEventHandler {
            var names: [String] = []
            func start(_ element: String, attributes: [String: String]) -> Bool {
                names.append(element)
                return names.count < 2
            }
        }
        let handler = FirstOnly()
        #expect(!XMLEventReader.read(Array("<a><b/><c/></a>".utf8), into: handler))
        #expect(handler.names == ["a", "b"])
    }
}
