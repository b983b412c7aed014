/// A file an exporter says it writes: its suffix and whether it is text.
public struct PlannedFile: Sendable, Equatable {
    /// What is appended to `<slug>-<year>`, such as `.md`.
    public let suffix: String
    /// Text that can go to standard output, rather than bytes for a program (`.xlsx`, `.pdf`).
    public let isText: Bool

    public init(suffix: String, isText: Bool) {
        self.suffix = suffix
        self.isText = isText
    }

    /// A text file.
    public static func text(_ suffix: String) -> PlannedFile { PlannedFile(suffix: suffix, isText: true) }

    /// A binary file.
    public static func binary(_ suffix: String) -> PlannedFile { PlannedFile(suffix: suffix, isText: false) }
}
