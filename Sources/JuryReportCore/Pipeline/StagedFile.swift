/// A file an exporter has written but that is not in place yet.
public struct StagedFile: Sendable, Equatable {
    /// Where the bytes are until the commit stage.
    public enum Content: Sendable, Equatable {
        /// In memory.
        case bytes([UInt8])
        /// In a hidden temporary file beside its final place.
        case temporaryFile(path: String)
    }

    /// `<slug>-<year>` plus the suffix, such as `pro-motor-award-2020.md`.
    public let name: String
    public let content: Content

    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }
}
