/// Where a score stands in a flat table of an edition's scores: its nominee (in report
/// order), jury member (in jury order) and criterion (in criteria order; the place after
/// them for a score without one), made one number. Ids are hashed once here, not once per
/// score and look-up.
package struct ScoreIndex: Sendable {
    /// Each id's index in its list; the first, should an id repeat (the validator reports that).
    /// The nominees' is empty when the edition has no scores.
    package let nominees: [String: Int]
    package let jurors: [String: Int]
    package let criteria: [String: Int]
    private let jurorCount: Int
    /// Places per nominee and jury member: one per criterion, and one for no criterion.
    private let criterionSlots: Int
    /// Places in the whole table.
    package let count: Int

    package init(_ edition: Edition) {
        // Only scores' nominees are looked up: none, no index of a long list made for nothing.
        nominees = edition.scores.isEmpty ? [:] : Self.places(edition.nominees.map { $0.id })
        jurors = Self.places(edition.jury.map { $0.id })
        criteria = Self.places(edition.criteria.map { $0.id })
        // Counts of the lists, not of the distinct ids: places index the lists.
        jurorCount = edition.jury.count
        criterionSlots = edition.criteria.count + 1
        count = edition.nominees.count * jurorCount * criterionSlots
    }

    /// The place of the score the jury member at `juror` gave the nominee at `nominee` on the
    /// criterion at `criterion`, nil for a score without a criterion.
    package func key(nominee: Int, juror: Int, criterion: Int?) -> Int {
        (nominee * jurorCount + juror) * criterionSlots + (criterion ?? criterionSlots - 1)
    }

    /// Each id's index in `ids`; the first, should an id repeat.
    package static func places(_ ids: [String]) -> [String: Int] {
        var places: [String: Int] = [:]
        places.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() where places[id] == nil { places[id] = index }
        return places
    }
}

/// Values by ``ScoreIndex`` key: a flat array while it stays small next to the scores, a
/// dictionary when it would not (few scores among many nominees and jurors).
struct ScoreTable<Value: Sendable>: Sendable {
    private var table: [Value?]
    private var sparse: [Int: Value] = [:]

    init(_ index: ScoreIndex, scores: Int) {
        table = scores > 0 && index.count <= max(1 << 20, 4 * scores) ? Array(repeating: nil, count: index.count) : []
    }

    subscript(key: Int) -> Value? {
        get { table.isEmpty ? sparse[key] : table[key] }
        set {
            if table.isEmpty { sparse[key] = newValue } else { table[key] = newValue }
        }
    }
}

/// Every score of an edition by place: nominee in report order, jury member in jury order,
/// criterion in criteria order. Exporters that lay scores out in a grid read them here by
/// index instead of hashing three ids per cell.
public struct ScoreGrid: Sendable {
    private let index: ScoreIndex
    private let scores: ScoreTable<Double>

    public init(_ edition: Edition) {
        let index = ScoreIndex(edition)
        var scores = ScoreTable<Double>(index, scores: edition.scores.count)
        for score in edition.scores {
            guard let nominee = index.nominees[score.nominee], let juror = index.jurors[score.juror] else { continue }
            scores[index.key(nominee: nominee, juror: juror, criterion: score.criterion.flatMap { index.criteria[$0] })] = score.score
        }
        self.index = index
        self.scores = scores
    }

    /// The score the jury member at `juror` gave the nominee at `nominee` on the criterion at
    /// `criterion` (nil in an edition without criteria), or nil when none was given.
    public func score(nominee: Int, juror: Int, criterion: Int?) -> Double? {
        scores[index.key(nominee: nominee, juror: juror, criterion: criterion)]
    }
}
