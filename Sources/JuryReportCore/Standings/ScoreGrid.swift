/// Every score of an edition by place: nominee in report order, jury member in jury order,
/// criterion in criteria order. Exporters that lay scores out in a grid read them here by
/// index instead of hashing three ids per cell.
public struct ScoreGrid: Sendable {
    /// Criteria per jury member: the edition's criteria, or one slot without criteria.
    public let criterionSlots: Int
    public let jurorCount: Int
    /// Scores by `(nominee * jurorCount + juror) * criterionSlots + criterion`, NaN where
    /// none was given; or, when that table would dwarf the scores, a dictionary by the same key.
    private let table: [Double]
    private let sparse: [Int: Double]

    public init(_ edition: Edition) {
        criterionSlots = max(edition.criteria.count, 1)
        jurorCount = edition.jury.count
        let nominees = Self.places(edition.nominees.map { $0.id })
        let jurors = Self.places(edition.jury.map(\.id))
        let criteria = Self.places(edition.criteria.map(\.id))
        let slots = edition.nominees.count * jurorCount * criterionSlots
        let dense = slots <= max(1 << 20, 4 * edition.scores.count)
        var table = dense ? [Double](repeating: .nan, count: slots) : []
        var sparse: [Int: Double] = [:]
        for score in edition.scores {
            guard let nominee = nominees[score.nominee], let juror = jurors[score.juror] else { continue }
            let criterion = score.criterion.flatMap { criteria[$0] } ?? 0
            let key = (nominee * jurorCount + juror) * criterionSlots + criterion
            if dense { table[key] = score.score } else { sparse[key] = score.score }
        }
        self.table = table
        self.sparse = sparse
    }

    /// The score the jury member at `juror` gave the nominee at `nominee` on the criterion
    /// at `criterion` (0 without criteria), or nil.
    public func score(nominee: Int, juror: Int, criterion: Int) -> Double? {
        let key = (nominee * jurorCount + juror) * criterionSlots + criterion
        if table.isEmpty { return sparse[key] }
        return table[key].isNaN ? nil : table[key]
    }

    /// Each id's index in `ids`; the first, should an id repeat.
    static func places(_ ids: [String]) -> [String: Int] {
        var places: [String: Int] = [:]
        places.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() where places[id] == nil { places[id] = index }
        return places
    }
}
