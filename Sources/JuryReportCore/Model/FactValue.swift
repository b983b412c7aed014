/// The value of a key figure.
public enum FactValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)

    /// Numbers in their shortest exact form, text as written.
    public var description: String {
        switch self {
        case .number(let value): return NumberText.shortest(value)
        case .text(let text): return text
        }
    }
}
