/// A file an exporter reads because an option names it (a Word template) that is missing
/// or cannot be used: `PATH: error: REASON`, exit 65 (66 when it is missing).
public struct InputFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// The file is not there (exit 66) rather than unusable (exit 65).
    public let isMissing: Bool

    public init(path: String, reason: String, isMissing: Bool = false) {
        self.path = path
        self.reason = reason
        self.isMissing = isMissing
    }

    public var description: String { "\(path): error: \(reason)" }
}
