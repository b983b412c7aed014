/// An edition file that could not be read at all: missing, unreadable or of an unknown kind.
public struct EditionInputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The file does not exist or cannot be read.
        case unreadable
        /// The extension names no known syntax.
        case unknownExtension
    }

    public var kind: Kind
    public var file: String
    public var message: String

    public var description: String { "\(file): error: \(message)" }
}
