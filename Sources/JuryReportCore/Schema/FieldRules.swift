/// How the reader reads the fields of one object, taken from its ``ObjectDescription``:
/// which keys it knows, which are required, the range of a whole number, whether a number
/// must be positive, the words of a choice, how long a list may be and which object a
/// mapping or a list's items are. The reader has no second copy of any of these.
public struct FieldRules: Sendable {
    /// One field's rules.
    public struct Rule: Sendable {
        public var isRequired = false
        /// A whole number's bounds.
        public var range: ClosedRange<Int>?
        public var mustBePositive = false
        /// A choice's words.
        public var choices: [String] = []
        public var maximumCount: Int?
        /// The object a mapping is, or a list's items are: its name in ``EditionFields/Rules/byName``.
        public var object: String?
    }

    /// The object's name, as ``ObjectDescription/name``.
    public let name: String
    /// The keys, in the description's order.
    public let keys: [String]
    private let rules: [Rule]

    public init(_ description: ObjectDescription) {
        name = description.name
        keys = description.keys
        rules = description.fields.map { field in
            var rule = Rule(isRequired: field.isRequired)
            Self.take(field.kind, into: &rule)
            return rule
        }
    }

    private static func take(_ kind: FieldKind, into rule: inout Rule) {
        switch kind {
        case .integer(let minimum, let maximum): rule.range = minimum...(maximum ?? Int.max)
        case .number(let positive): rule.mustBePositive = positive
        case .choice(let words): rule.choices = words
        case .object(let object): rule.object = object.name
        case .list(let item, _, let maximumCount, _):
            rule.maximumCount = maximumCount
            take(item, into: &rule)
        case .plainText, .richText, .id, .url, .date, .relativePath, .languageTag, .boolean, .constant, .color, .numberOrText:
            break
        }
    }

    /// The rules of `key`, which the description must hold: a reader that asks for a key
    /// the description lacks is a fault of this package, caught by any test that reads it.
    public func rule(_ key: String) -> Rule {
        guard let index = keys.firstIndex(of: key) else {
            preconditionFailure("the description of '\(name)' has no field '\(key)'")
        }
        return rules[index]
    }

    /// The rules of the object that `key` holds (a mapping, or a list's items).
    public func object(_ key: String) -> FieldRules {
        guard let name = rule(key).object, let rules = EditionFields.Rules.byName[name] else {
            preconditionFailure("the field '\(key)' of '\(self.name)' is not an object or a list of objects")
        }
        return rules
    }
}
