/// An edition for the pipeline to load: a file, or bytes already read (the bundled edition).
public enum EditionInput: Sendable {
    /// A file; `path` is also how messages name it.
    case file(path: String)
    /// The bytes of a file, in `syntax`, named `name` in messages.
    case bytes([UInt8], syntax: EditionSyntax, name: String)
}
