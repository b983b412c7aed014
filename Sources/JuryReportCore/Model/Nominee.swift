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
