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
    /// A file's path relative to the edition file.
    case relativePath
    /// A BCP 47 language tag.
    case languageTag
    /// A whole number, at least `minimum` and at most `maximum` where given.
    case integer(minimum: Int, maximum: Int?)
    /// A finite number, above 0 when `positive`.
    case number(positive: Bool)
    case boolean
    /// Exactly this text.
    case constant(String)
    /// `#RRGGBB`.
    case color
    /// One of these words.
    case choice([String])
    /// A number or a text.
    case numberOrText
    /// A list of items of a kind, with at least `minimumCount` and at most `maximumCount`
    /// items; `unique`: no item twice.
    case list(FieldKind, minimumCount: Int = 0, maximumCount: Int? = nil, unique: Bool = false)
    /// A mapping with keys of its own.
    case object(ObjectDescription)
}
