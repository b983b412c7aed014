/// A free-text section: an optional heading and a body.
public struct TextSection: Sendable, Equatable {
    public var heading: String?
    public var body: RichText

    public init(heading: String? = nil, body: RichText) {
        self.heading = heading
        self.body = body
    }
}
