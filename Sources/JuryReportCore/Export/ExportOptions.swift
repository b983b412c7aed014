/// The `--option KEY=VALUE` pairs of a run. Each exporter reads the options it declares.
public struct ExportOptions: Sendable, Equatable {
    /// One pair as given.
    public struct Pair: Sendable, Equatable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The pairs in the order given; a later pair with the same key wins.
    public private(set) var pairs: [Pair]

    public init(_ pairs: [Pair] = []) {
        self.pairs = pairs
    }

    /// Pairs written as tuples: `ExportOptions([("pdf", "true")])`.
    public init(_ pairs: [(key: String, value: String)]) {
        self.pairs = pairs.map { Pair(key: $0.key, value: $0.value) }
    }

    /// Reads `KEY=VALUE`.
    public static func parse(_ text: String) throws(ExportOptionError) -> Pair {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ExportOptionError(message: "option \(DisplayText.quoted(text)) is not of the form KEY=VALUE")
        }
        return Pair(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
    }

    public var keys: [String] { pairs.map(\.key) }

    /// The last value given for `key`, as given.
    public subscript(key: String) -> String? {
        pairs.last { $0.key == key }?.value
    }

    /// The value of a declared option: the one given (checked), else its default.
    public func value(of option: ExportOption) throws(ExportOptionError) -> String? {
        guard let given = self[option.key] else { return option.defaultValue }
        return try option.check(given)
    }

    /// Whether a boolean option is on.
    public func isOn(_ option: ExportOption) throws(ExportOptionError) -> Bool {
        try value(of: option) == "true"
    }

    /// Checks every pair against the formats that will read them: a key that none of them
    /// declares is an error (unless one takes undeclared keys), and so is a value a
    /// declaration does not allow.
    public func check(against formats: [ExportFormat]) throws(ExportOptionError) {
        for pair in pairs {
            let declarations = formats.compactMap { $0.option(pair.key) }
            if declarations.isEmpty {
                if formats.contains(where: \.acceptsUndeclaredOptions) { continue }
                let known = Set(formats.flatMap { $0.options.map(\.key) }).sorted()
                let list = known.isEmpty ? "they take no options" : "they take: " + known.joined(separator: ", ")
                let hint = Suggestion.closest(to: pair.key.lowercased(), among: known).map { "; did you mean '\($0)'?" } ?? ""
                throw ExportOptionError(
                    message: "option '\(pair.key)' is not read by the selected formats (\(formats.map(\.name).joined(separator: ", "))); \(list)\(hint)")
            }
            for declaration in declarations { _ = try declaration.check(pair.value) }
        }
    }
}
