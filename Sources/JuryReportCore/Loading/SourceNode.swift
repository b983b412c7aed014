/// The parsed form of an edition file, before it is read into the model: the same tree for
/// YAML and JSON, with the position of every node.
indirect enum SourceNode: Sendable {
    case scalar(SourceScalar)
    case sequence([SourceNode], at: SourcePosition)
    case mapping([SourceMappingEntry], at: SourcePosition)

    var position: SourcePosition {
        switch self {
        case .scalar(let scalar): return scalar.position
        case .sequence(_, let position), .mapping(_, let position): return position
        }
    }

    /// What the node is, for messages: "text", "a list", "a mapping".
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): return scalar.isNull ? "null" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The position of the node at `path`, or of its nearest ancestor in the file when the
    /// field itself is absent.
    func nearestPosition(to path: FieldPath) -> SourcePosition {
        var components = path.components
        while true {
            if let node = node(at: FieldPath(components)) { return node.position }
            guard !components.isEmpty else { return position }
            components.removeLast()
        }
    }

    /// The node at `path`, for diagnostics about fields of a loaded edition.
    func node(at path: FieldPath) -> SourceNode? {
        var node = self
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(let entries, _)):
                guard let entry = entries.first(where: { $0.key.text == key }) else { return nil }
                node = entry.value
            case (.index(let index), .sequence(let items, _)):
                guard items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }
}

/// A scalar as written: its text, and whether it was quoted (or a JSON string).
struct SourceScalar: Sendable {
    var text: String
    /// Quoted in YAML (or a block scalar, or tagged `!!str`), or a string in JSON: never
    /// null, a boolean or a number.
    var isQuoted: Bool
    var position: SourcePosition

    /// An unquoted `null`, `~` or nothing at all.
    var isNull: Bool {
        guard !isQuoted else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

struct SourceMappingEntry: Sendable {
    var key: SourceScalar
    var value: SourceNode
}

/// A fault in the syntax of an edition file.
struct SourceSyntaxError: Error {
    var message: String
    var position: SourcePosition?
}

/// How far parsing an edition file may go before the file is refused.
struct SourceLimits: Sendable {
    /// Nesting of lists and mappings (an edition file needs about 5).
    var maximumDepth = 64
    /// Nodes and scalar bytes that aliases may expand to, as a multiple of the file's size.
    var expansionFactor = 4
    /// Expansion every file may reach, however small.
    var minimumExpansion = 65_536
}
