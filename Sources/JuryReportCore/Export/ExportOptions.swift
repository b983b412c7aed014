/// The `--option KEY=VALUE` pairs of a run. Each exporter reads the keys it knows.
public struct ExportOptions: Sendable, Equatable {
    /// The pairs in the order given; a later pair with the same key wins.
    public private(set) var pairs: [(key: String, value: String)]

    public init(_ pairs: [(key: String, value: String)] = []) {
        self.pairs = pairs
    }

    public static func == (lhs: ExportOptions, rhs: ExportOptions) -> Bool {
        lhs.pairs.map(\.key) == rhs.pairs.map(\.key) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    /// Reads `KEY=VALUE`.
    public static func parse(_ text: String) throws(ExportOptionError) -> (key: String, value: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ExportOptionError(message: "option \(DisplayText.quoted(text)) is not of the form KEY=VALUE")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    public var keys: [String] { pairs.map(\.key) }

    /// The last value given for `key`.
    public subscript(key: String) -> String? {
        pairs.last { $0.key == key }?.value
    }

    /// A `true`/`false` option.
    public func bool(_ key: String, default defaultValue: Bool) throws(ExportOptionError) -> Bool {
        guard let value = self[key] else { return defaultValue }
        switch value.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw ExportOptionError(message: "option \(key) takes true or false, not \(DisplayText.quoted(value))")
        }
    }

    /// An option whose value must be one of `choices`.
    public func choice(_ key: String, in choices: [String], default defaultValue: String) throws(ExportOptionError) -> String {
        guard let value = self[key] else { return defaultValue }
        guard choices.contains(value) else {
            throw ExportOptionError(
                message: "option \(key) takes \(choices.joined(separator: ", ")), not \(DisplayText.quoted(value))")
        }
        return value
    }
}

/// An `--option` that is malformed, unknown or has a value its exporter does not take.
public struct ExportOptionError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
