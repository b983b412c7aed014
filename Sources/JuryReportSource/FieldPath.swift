/// The path of a field in an edition file, written as `nominees[2].facts[0].label`.
///
/// Indexes are 0-based, as in JSONPath.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: a key of a mapping or an index into a list.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The path of the whole document.
    public static let root = FieldPath()

    public func appending(_ key: String) -> FieldPath {
        FieldPath(components + [.key(key)])
    }

    public func appending(index: Int) -> FieldPath {
        FieldPath(components + [.index(index)])
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
