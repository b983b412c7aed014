/// One key of an object in the edition file: what it holds, whether it is required, and one
/// line on what it means. Part of ``EditionFields``.
public struct FieldDescription: Sendable, Equatable {
    public let key: String
    public let kind: FieldKind
    public let isRequired: Bool
    /// One line for the JSON Schema's `description`; empty when the kind says it all.
    public let summary: String

    public init(_ key: String, _ kind: FieldKind, required isRequired: Bool = false, _ summary: String = "") {
        self.key = key
        self.kind = kind
        self.isRequired = isRequired
        self.summary = summary
    }
}

/// What a field of the edition file holds.
public indirect enum FieldKind: Sendable, Equatable {
    /// Literal text; a YAML or JSON scalar is read as the text written.
    case plainText
    /// Paragraphs with inline markup (see ``RichText``).
    case richText
    /// `[a-z0-9]+(-[a-z0-9]+)*`: an id, or a reference to one.
    case id
    /// An absolute `http`, `https` or `mailto` address.
    case url
    /// `YYYY-MM-DD`, a day of the calendar.
    case date
    /// A BCP 47 language tag.
    case languageTag
    /// A whole number, at least `minimum` and at most `maximum` where given.
    case integer(minimum: Int, maximum: Int?)
    /// A finite number, above 0 when `positive`.
    case number(positive: Bool)
    case boolean
    /// Exactly this text.
    case constant(String)
    /// A number or a text.
    case numberOrText
    /// A list of items of a kind; `unique`: no item twice.
    case list(FieldKind, minimumCount: Int = 0, unique: Bool = false)
    /// A mapping with keys of its own.
    case object(ObjectDescription)
}

/// A mapping of the edition file and its keys, in the order the canonical JSON writes them.
public struct ObjectDescription: Sendable, Equatable {
    /// A name for the object's definition, such as `nominee`.
    public let name: String
    public let fields: [FieldDescription]

    public init(_ name: String, _ fields: [FieldDescription]) {
        self.name = name
        self.fields = fields
    }

    /// Every key, in order: the keys the reader accepts.
    public var keys: [String] { fields.map(\.key) }

    /// The keys that must be present.
    public var requiredKeys: [String] { fields.filter(\.isRequired).map(\.key) }

    public func field(_ key: String) -> FieldDescription? {
        fields.first { $0.key == key }
    }
}
