/// A judging criterion.
public struct Criterion: Sendable, Equatable {
    public var id: String
    public var name: String
    /// A finite number above 0; 1 when the file gives none.
    public var weight: Double
    public var description: RichText?

    public init(id: String, name: String, weight: Double = 1, description: RichText? = nil) {
        self.id = id
        self.name = name
        self.weight = weight
        self.description = description
    }
}
