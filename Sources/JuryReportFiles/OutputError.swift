/// A failure to write output: names the path, for exit code 73 (64 when the output would
/// replace one of the run's inputs).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// Why nothing was written there.
    public enum Kind: Sendable, Equatable {
        /// The system refused (permissions, a full disk, a missing folder): exit 73.
        case cannotWrite
        /// The path is one of the run's own inputs: a usage error, exit 64.
        case replacesInput
    }

    public var path: String
    public var reason: String
    public var kind: Kind

    public init(path: String, reason: String, kind: Kind = .cannotWrite) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    public var description: String { "\(path): error: \(reason)" }
}
