/// The syntax of an edition file, picked by its extension.
public enum EditionSyntax: String, Sendable, CaseIterable {
    case yaml
    case json

    /// `.yaml`, `.yml` or `.json` (any case); nil for anything else.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }
}
