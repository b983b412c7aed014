import JuryReportSource

/// The words of one language for every ``LabelKey``: a built-in set (a data file per
/// language, compiled into the binary), with an edition's own `labels:` over it.
public struct Labels: Sendable, Equatable {
    /// The languages with built-in labels.
    public static let builtInLanguages = ["en", "nl", "fr", "de", "es", "it"]

    /// The language of the built-in set: the tag's primary language, or `en` when there is
    /// no set for it.
    public let language: String
    /// Whether the tag asked for had a built-in set (else English stood in).
    public let isBuiltIn: Bool
    private var values: [LabelKey: String]

    /// The built-in labels for a BCP 47 tag (`fr-CA` → `fr`), English when there are none.
    public init(language tag: String) {
        let primary = LanguageTag.primary(tag)
        let known = Self.builtInLanguages.contains(primary)
        language = known ? primary : "en"
        isBuiltIn = known
        values = Dictionary(uniqueKeysWithValues: Self.builtIn(language))
    }

    /// The built-in labels of an edition's language with its own `labels:` over them.
    public init(_ edition: Edition) {
        self.init(language: edition.details.language, overrides: edition.labels)
    }

    public init(language tag: String, overrides: [LabelKey: String]) {
        self.init(language: tag)
        values.merge(overrides) { _, given in given }
    }

    public subscript(key: LabelKey) -> String { values[key] ?? "" }

    /// The label with its placeholders filled: `fill(.editionNumber, ["number": "4"])`.
    public func fill(_ key: LabelKey, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    /// One pass over `format`, so a value that holds a `{name}` of its own stays as it is.
    static func fill(_ format: String, _ values: [String: String]) -> String {
        var text = ""
        var rest = format[...]
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                text += value
                rest = after[after.index(after: close)...]
            } else {
                text += "{"
                rest = after
            }
        }
        return text + rest
    }

    /// A language's built-in labels in the order of its file; empty for a language without.
    ///
    /// Read by the edition files' own parser over libyaml's events: Yams' node tree would
    /// compile its resolver's regular expressions first, about 4 ms of every run.
    public static func builtIn(_ language: String) -> [(LabelKey, String)] {
        guard let bytes = source(of: language), let document = try? YAMLSourceParser(bytes: bytes).parse() else {
            return []
        }
        return document.withView { view in
            guard view.kind(view.root) == .mapping else { return [] }
            return view.entries(view.root).compactMap { key, value in
                guard view.isScalar(value), let key = LabelKey(rawValue: view.string(key)) else { return nil }
                return (key, view.string(value))
            }
        }
    }

    /// The data file of a built-in language, as compiled in.
    public static func source(of language: String) -> [UInt8]? {
        switch language {
        case "en": return PackageResources.en_yaml
        case "nl": return PackageResources.nl_yaml
        case "fr": return PackageResources.fr_yaml
        case "de": return PackageResources.de_yaml
        case "es": return PackageResources.es_yaml
        case "it": return PackageResources.it_yaml
        default: return nil
        }
    }

    /// The names of `months`, split at its commas.
    static func months(in text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The twelve months' names.
    public var monthNames: [String] {
        let names = Self.months(in: self[.months])
        return names.count == 12 ? names : Self.months(in: Labels(language: "en")[.months])
    }
}
