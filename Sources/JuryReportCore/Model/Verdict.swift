/// The jury's decision.
public struct Verdict: Sendable, Equatable {
    /// The winning nominee's id.
    public var winner: String
    /// Honourable mentions: nominee ids.
    public var mentions: [String]
    public var rationale: RichText?
    public var announcement: String?

    public init(
        winner: String, mentions: [String] = [], rationale: RichText? = nil,
        announcement: String? = nil
    ) {
        self.winner = winner
        self.mentions = mentions
        self.rationale = rationale
        self.announcement = announcement
    }
}
