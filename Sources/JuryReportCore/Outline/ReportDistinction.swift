/// That a nominee won or has an honourable mention, with the words to say it.
public struct ReportDistinction: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case winner
        case mention
    }

    public var kind: Kind
    /// "Winner" or "Honourable mention" in the edition's language.
    public var label: String

    public init(kind: Kind, label: String) {
        self.kind = kind
        self.label = label
    }
}
