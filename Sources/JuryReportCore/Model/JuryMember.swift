/// A member of the jury.
public struct JuryMember: Sendable, Equatable {
    public var id: String
    public var name: String
    public var role: String?
    public var chair: Bool
    public var affiliation: String?

    public init(
        id: String, name: String, role: String? = nil, chair: Bool = false,
        affiliation: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.chair = chair
        self.affiliation = affiliation
    }
}
