/// Two formats of one export that wrote a file of the same name.
public struct FileClash: Error, Sendable, CustomStringConvertible {
    public let name: String
    public let formats: [String]

    public var description: String {
        "\(name) is written by both \(formats.map { "'\($0)'" }.joined(separator: " and ")); nothing of the edition was written"
    }
}
