import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A node of the document tree that cmark reports in its XML form.
public final class MarkdownNode: @unchecked Sendable {
    public let name: String
    public let attributes: [String: String]
    public internal(set) var children: [MarkdownNode] = []
    public internal(set) var literal = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The visible text: text, code and entities as shown, soft and hard breaks as "\n".
    public var text: String {
        switch name {
        case "text", "code", "html_inline", "html_block", "code_block": return literal
        case "softbreak", "linebreak": return "\n"
        default: return children.map(\.text).joined()
        }
    }

    /// Every node below this one, depth first, this one included.
    public var all: [MarkdownNode] { [self] + children.flatMap(\.all) }

    /// The nodes below with this element name.
    public func descendants(_ name: String) -> [MarkdownNode] { all.filter { $0.name == name } }
}

/// Parses Markdown with the real cmark-gfm (tables on) and returns its document tree.
public enum CommonMarkReader {
    /// `extensions` are cmark-gfm's: GitHub's tables, strikethrough and bare-URL autolinks
    /// by default.
    public static func parse(
        _ markdown: [UInt8], extensions: [String] = ["table", "strikethrough", "autolink"]
    ) throws -> MarkdownNode {
        try Tool.cmark.require()
        let arguments = extensions.flatMap { ["-e", $0] } + ["-t", "xml"]
        let result = try ProcessRunner.run(tool: "cmark-gfm", arguments, input: markdown)
        guard result.status == 0 else { throw ReaderError(message: "cmark-gfm failed: \(result.standardError)") }
        return try XMLTree.parse(result.standardOutput)
    }

    /// Renders to HTML with plain cmark (CommonMark only, safe mode).
    public static func html(_ markdown: [UInt8]) throws -> String {
        try Tool.cmark.require()
        return try ProcessRunner.run(tool: "cmark", [], input: markdown).output
    }
}

public struct ReaderError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A small XML-to-tree parser over Foundation's XMLParser.
enum XMLTree {
    static func parse(_ bytes: [UInt8]) throws -> MarkdownNode {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ReaderError(message: "invalid XML from cmark: \(parser.parserError.map { "\($0)" } ?? "")")
        }
        return root
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var stack: [MarkdownNode] = []
        var root: MarkdownNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let node = MarkdownNode(name: elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.literal += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            stack.removeLast()
        }
    }
}
