/// A key figure: a label and a number or a text.
public struct Fact: Sendable, Equatable {
    public var label: String
    public var value: FactValue

    public init(label: String, value: FactValue) {
        self.label = label
        self.value = value
    }
}
