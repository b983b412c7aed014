/// One `--option KEY=VALUE` an exporter reads, declared once: `formats`, the help text, the
/// check of `--option` before anything runs, and the exporter's own reading all come from it.
public struct ExportOption: Sendable, Equatable {
    /// The values an option takes.
    public enum Values: Sendable, Equatable {
        /// `true` or `false` (also `yes`/`no`, `1`/`0`).
        case boolean
        /// One of these, exactly.
        case oneOf([String])
        /// A file's path, which the exporter reads (a template); it checks the file itself.
        case file
    }

    public let key: String
    public let values: Values
    /// The value when none is given; nil when the exporter decides (such as the first
    /// engine found).
    public let defaultValue: String?
    /// One line for `formats` and the help text.
    public let summary: String

    public init(key: String, values: Values, defaultValue: String?, summary: String) {
        self.key = key
        self.values = values
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// A `true`/`false` option.
    public static func boolean(_ key: String, default defaultValue: Bool, summary: String) -> ExportOption {
        ExportOption(key: key, values: .boolean, defaultValue: String(defaultValue), summary: summary)
    }

    /// An option that takes one of `values`.
    public static func choice(_ key: String, _ values: [String], default defaultValue: String?, summary: String) -> ExportOption {
        ExportOption(key: key, values: .oneOf(values), defaultValue: defaultValue, summary: summary)
    }

    /// An option that takes a file's path.
    public static func file(_ key: String, summary: String) -> ExportOption {
        ExportOption(key: key, values: .file, defaultValue: nil, summary: summary)
    }

    /// The values as `formats` and errors list them (`FILE` for a path).
    public var allowedValues: [String] {
        switch values {
        case .boolean: return ["true", "false"]
        case .oneOf(let values): return values
        case .file: return ["FILE"]
        }
    }

    /// `value` in its canonical form (`true`/`false` for a boolean), or the error that names
    /// what the option takes.
    public func check(_ value: String) throws(ExportOptionError) -> String {
        switch values {
        case .boolean:
            switch value.lowercased() {
            case "true", "yes", "1": return "true"
            case "false", "no", "0": return "false"
            default: break
            }
        case .oneOf(let values):
            if values.contains(value) { return value }
        case .file:
            if !value.isEmpty && !value.unicodeScalars.contains("\u{0}") { return value }
            throw ExportOptionError(message: "option \(key) takes a file's path, not an empty one")
        }
        let hint = Suggestion.closest(to: value.lowercased(), among: allowedValues).map { "; did you mean '\($0)'?" } ?? ""
        throw ExportOptionError(
            message: "option \(key) takes \(allowedValues.joined(separator: ", ")), not \(DisplayText.quoted(value))\(hint)")
    }
}
