/// Each nominee's total and rank, wherever scores are shown.
///
/// A nominee's raw total is the weighted mean of all its scores, each weighted by its
/// criterion's weight (1 without criteria); its total is what the edition's scoring method
/// (``Scoring/Method``) makes of the scores, the raw total with `mean`. The rank is standard
/// competition ranking by total, highest first (1, 2, 2, 4). A nominee without scores has
/// neither.
public struct Standings: Sendable, Equatable {
    /// One nominee's place.
    public struct Entry: Sendable, Equatable {
        public var nomineeID: String
        /// The nominee's index in ``Edition/nominees``: look it up there, not by id.
        public var nomineeIndex: Int
        /// The total by the edition's scoring method, which ranks.
        public var total: Double
        /// The weighted mean of all the nominee's scores (the total with `mean`).
        public var rawTotal: Double
        public var rank: Int
        /// How many scores the total is made of.
        public var scoreCount: Int
        /// How many jury members gave those scores.
        public var jurorCount: Int
    }

    /// Ranked nominees, best first; nominees of equal rank in report order.
    public let ranked: [Entry]
    private let byNominee: [String: Int]
    /// The mean score of each nominee on each criterion, nominee by nominee in the edition's
    /// order (NaN where none): one flat array, as an edition may have 100,000 nominees.
    private let means: [Double]
    private let criterionCount: Int
    /// The method that made the totals.
    public let method: Scoring.Method
    /// What the method left as it was (a criterion too few jurors scored to trim, a jury
    /// member's scores too few or alike to standardize), for the export's warnings.
    public let methodWarnings: [String]

    public init(_ edition: Edition) {
        // Nothing to total with the mean: the standings the loop below comes to (no entry, no
        // mean, no warning), without its arrays as long as the nominees (50 MiB for a million).
        // The other methods may warn about a jury without scores, so they take the loop.
        if edition.scores.isEmpty && edition.scoring.method == .mean {
            ranked = []
            byNominee = [:]
            means = Array(repeating: .nan, count: edition.nominees.count * edition.criteria.count)
            criterionCount = edition.criteria.count
            method = .mean
            methodWarnings = []
            return
        }
        // Each criterion's place and weight in one lookup (the first of a repeated id).
        let criteria = Dictionary(
            edition.criteria.enumerated().map { ($1.id, (place: $0, weight: $1.weight)) }, uniquingKeysWith: { first, _ in first })
        // No scores, no lookups: an index of a long list of nominees is not made for none.
        let places = edition.scores.isEmpty ? [:] : ScoreIndex.places(edition.nominees.map { $0.id })
        let jurors = ScoreIndex.places(edition.jury.map { $0.id })
        let criterionCount = edition.criteria.count, juryCount = edition.jury.count
        var sums = [(weighted: Double, weight: Double, count: Int)](repeating: (0, 0, 0), count: edition.nominees.count)
        var criterionSums = [(sum: Double, count: Int)](repeating: (0, 0), count: edition.nominees.count * criterionCount)
        // Who scored whom, one flag per nominee and jury member, for the jurors' count.
        var scoredBy = [Bool](repeating: false, count: edition.nominees.count * juryCount)
        var jurorCounts = [Int](repeating: 0, count: edition.nominees.count)
        var lastJuror: (id: String, place: Int?) = ("", nil)
        let method = edition.scoring.method
        // The other methods read the scores again, by place.
        var placed: [PlacedScore] = []
        if method != .mean { placed.reserveCapacity(edition.scores.count) }
        for score in edition.scores {
            guard let place = places[score.nominee] else { continue }
            let criterion = score.criterion.flatMap { criteria[$0] }
            let weight = criterion?.weight ?? 1
            sums[place].weighted += score.score * weight
            sums[place].weight += weight
            sums[place].count += 1
            if let criterion {
                criterionSums[place * criterionCount + criterion.place].sum += score.score
                criterionSums[place * criterionCount + criterion.place].count += 1
            }
            // Scores come juror by juror (forms, tables): the last juror's place first.
            if score.juror != lastJuror.id {
                lastJuror = (score.juror, jurors[score.juror])
            }
            if let juror = lastJuror.place, !scoredBy[place * juryCount + juror] {
                scoredBy[place * juryCount + juror] = true
                jurorCounts[place] += 1
            }
            if method != .mean {
                placed.append(PlacedScore(
                    nominee: place, juror: lastJuror.place, criterion: criterion?.place ?? criterionCount, weight: weight,
                    value: score.score))
            }
        }
        let rawTotals = sums.map { $0.weight > 0 ? $0.weighted / $0.weight : .nan }
        let chosen = MethodTotals(
            method: method, scores: placed, nomineeCount: edition.nominees.count, criterionCount: criterionCount,
            jury: edition.jury, rawTotals: rawTotals)
        self.method = method
        methodWarnings = chosen.warnings
        means = criterionSums.map { $0.count > 0 ? $0.sum / Double($0.count) : .nan }
        self.criterionCount = criterionCount
        var entries: [Entry] = []
        // By index: iterating the nominees would copy each, a retain per field.
        for index in edition.nominees.indices {
            let total = chosen.totals[index]
            guard !total.isNaN else { continue }
            entries.append(Entry(
                nomineeID: edition.nominees[index].id, nomineeIndex: index, total: total, rawTotal: rawTotals[index], rank: 0,
                scoreCount: sums[index].count, jurorCount: jurorCounts[index]))
        }
        // A stable sort keeps report order among equal totals.
        entries = entries.enumerated().sorted { lhs, rhs in
            lhs.element.total != rhs.element.total ? lhs.element.total > rhs.element.total : lhs.offset < rhs.offset
        }.map(\.element)
        for index in entries.indices {
            let tied = index > 0 && entries[index].total == entries[index - 1].total
            entries[index].rank = tied ? entries[index - 1].rank : index + 1
        }
        ranked = entries
        byNominee = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.nomineeID, $0) })
    }

    /// Equal when they rank alike and their means agree; a criterion without scores (NaN in
    /// `means`) equals another without, where `==` on `Double` would make no two such equal.
    public static func == (lhs: Standings, rhs: Standings) -> Bool {
        lhs.ranked == rhs.ranked && lhs.criterionCount == rhs.criterionCount && lhs.method == rhs.method
            && lhs.means.elementsEqual(rhs.means) { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    /// Whether any nominee has a total.
    public var isEmpty: Bool { ranked.isEmpty }

    /// The mean of the scores of the nominee at `nomineeIndex` on the criterion at
    /// `criterionIndex` (of ``Edition/criteria``), or nil when it has none.
    public func mean(nomineeIndex: Int, criterionIndex: Int) -> Double? {
        let value = means[nomineeIndex * criterionCount + criterionIndex]
        return value.isNaN ? nil : value
    }

    /// The place of a nominee, or nil when it has no scores.
    public func entry(for nomineeID: String) -> Entry? {
        byNominee[nomineeID].map { ranked[$0] }
    }
}
