/// One key of an object in the edition file: what it holds, whether it is required, and one
/// line on what it means. Part of `EditionFields`.
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
