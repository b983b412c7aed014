/// An `--option` that is malformed, unknown or has a value its exporter does not take.
public struct ExportOptionError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
