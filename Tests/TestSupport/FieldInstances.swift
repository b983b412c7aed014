import Foundation
import JuryReportCore

/// Where each object of ``EditionFields`` stands in `Fixtures/editions/every-field.json`:
/// the first item of each list, every mapping on the way.
public enum FieldInstances {
    /// A step on the way to a value in a JSON document.
    public enum Step: Sendable, Equatable, CustomStringConvertible {
        case key(String)
        case index(Int)

        public var description: String {
            switch self {
            case .key(let key): return ".\(key)"
            case .index(let index): return "[\(index)]"
            }
        }
    }

    /// Every object with the steps to one instance of it.
    public static var all: [(object: ObjectDescription, path: [Step])] {
        var found: [(ObjectDescription, [Step])] = []
        func visit(_ object: ObjectDescription, _ path: [Step]) {
            found.append((object, path))
            for field in object.fields {
                switch field.kind {
                case .object(let inner): visit(inner, path + [.key(field.key)])
                case .list(.object(let inner), _, _, _): visit(inner, path + [.key(field.key), .index(0)])
                default: break
                }
            }
        }
        visit(EditionFields.root, [])
        return found
    }

    /// The path as field paths are written in diagnostics: `nominees[0].facts[0]`.
    public static func text(_ path: [Step]) -> String {
        let text = path.map(\.description).joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }

    /// The value at `path` in a document read by JSONSerialization.
    public static func value(in document: Any, at path: [Step]) -> Any? {
        var current: Any? = document
        for step in path {
            switch step {
            case .key(let key): current = (current as? [String: Any])?[key]
            case .index(let index): current = (current as? [Any]).flatMap { index < $0.count ? $0[index] : nil }
            }
        }
        return current
    }

    /// `document` with the mapping at `path` changed by `change`.
    public static func changing(at path: [Step], in document: Any, _ change: (inout [String: Any]) -> Void) -> Any {
        guard let step = path.first else {
            var mapping = document as? [String: Any] ?? [:]
            change(&mapping)
            return mapping
        }
        switch step {
        case .key(let name):
            var mapping = document as? [String: Any] ?? [:]
            mapping[name] = changing(at: Array(path.dropFirst()), in: mapping[name] ?? [:], change)
            return mapping
        case .index(let index):
            var list = document as? [Any] ?? []
            list[index] = changing(at: Array(path.dropFirst()), in: list[index], change)
            return list
        }
    }
}
