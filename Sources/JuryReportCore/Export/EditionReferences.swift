/// The edition's references to nominees and jury members, resolved once to indexes, so that
/// exporters never look an id up again.
public struct EditionReferences: Sendable, Equatable {
    /// The winner's index in ``Edition/nominees`` (validation guarantees one).
    public let winner: Int?
    /// The indexes of the honourable mentions, in the verdict's order.
    public let mentions: [Int]
    /// The chair's index in ``Edition/jury``.
    public let chair: Int?
    private let mentioned: Set<Int>

    public init(_ edition: Edition) {
        // One pass over the nominees for the few ids the verdict names.
        let named = Set([edition.verdict.winner] + edition.verdict.mentions)
        var places: [String: Int] = [:]
        for index in edition.nominees.indices where places[edition.nominees[index].id] == nil {
            let id = edition.nominees[index].id
            if named.contains(id) { places[id] = index }
        }
        winner = places[edition.verdict.winner]
        mentions = edition.verdict.mentions.compactMap { places[$0] }
        mentioned = Set(mentions)
        chair = edition.jury.firstIndex { $0.chair }
    }

    /// Whether the nominee at `index` won or has a mention.
    public func distinction(ofNomineeAt index: Int) -> ReportDistinction.Kind? {
        if index == winner { return .winner }
        return mentioned.contains(index) ? .mention : nil
    }
}
