/// A nominee, with its key figures.
public struct Nominee: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Its number in the report; its 1-based position when the file gives none.
    public var number: Int
    /// The lead institution.
    public var lead: String?
    public var location: String?
    public var sector: String?
    public var partners: [String]
    /// A one-line plain summary.
    public var summary: String?
    public var body: RichText?
    /// Key figures, in order.
    public var facts: [Fact]
    public var url: String?

    public init(
        id: String, name: String, number: Int, lead: String? = nil, location: String? = nil,
        sector: String? = nil, partners: [String] = [], summary: String? = nil,
        body: RichText? = nil, facts: [Fact] = [], url: String? = nil
    ) {
        self.id = id
        self.name = name
        self.number = number
        self.lead = lead
        self.location = location
        self.sector = sector
        self.partners = partners
        self.summary = summary
        self.body = body
        self.facts = facts
        self.url = url
    }
}

/// A key figure: a label and a number or a text.
public struct Fact: Sendable, Equatable {
    public var label: String
    public var value: FactValue

    public init(label: String, value: FactValue) {
        self.label = label
        self.value = value
    }
}

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
