import Foundation
import JuryReportCore
import MarkdownExporter
import TestSupport

/// A top-level block of a Markdown document, as cmark-gfm read it.
enum Block: Equatable, CustomStringConvertible {
    case heading(Int, String)
    case paragraph(String)
    case list([String])
    case table([[String]])
    case other(String)

    var description: String {
        switch self {
        case .heading(let level, let text): return "h\(level) \(text.debugDescription)"
        case .paragraph(let text): return "p \(text.prefix(80).debugDescription)"
        case .list(let items): return "list \(items)"
        case .table(let rows): return "table \(rows)"
        case .other(let name): return name
        }
    }
}

enum MarkdownFixture {
    static func export(_ edition: Edition) throws -> [UInt8] {
        let sink = MemoryExportSink(baseName: edition.baseName)
        try MarkdownExporter().export(ExportRequest(edition: edition), to: sink)
        return sink.file(suffix: ".md") ?? []
    }

    static func load(_ name: String) throws -> Edition {
        try EditionLoader().load(contentsOf: Paths.edition(name))
    }

    /// The document's blocks as cmark-gfm sees them.
    static func blocks(_ markdown: [UInt8]) throws -> (blocks: [Block], document: MarkdownNode) {
        let document = try CommonMarkReader.parse(markdown)
        let blocks = document.children.map { node -> Block in
            switch node.name {
            case "heading": return .heading(Int(node.attributes["level"] ?? "0") ?? 0, node.text)
            case "paragraph": return .paragraph(node.text)
            case "list": return .list(node.children.map(\.text))
            case "table": return .table(node.children.map { row in row.children.map(\.text) })
            default: return .other(node.name)
            }
        }
        return (blocks, document)
    }
}
