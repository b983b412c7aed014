/// The award itself.
public struct Award: Sendable, Equatable {
    public var name: String
    /// Given in the file, or derived from the name (see ``Slug``).
    public var slug: String
    public var organizer: String?
    public var url: String?

    public init(name: String, slug: String? = nil, organizer: String? = nil, url: String? = nil) {
        self.name = name
        self.slug = slug ?? Slug.derive(from: name)
        self.organizer = organizer
        self.url = url
    }
}
