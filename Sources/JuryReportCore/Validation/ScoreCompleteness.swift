/// Which scores an edition still lacks: every jury member scores every nominee on every
/// criterion (once, without criteria), except the nominees the member is recused from.
public struct ScoreCompleteness: Sendable {
    /// One jury member's missing scores for one nominee.
    public struct Gap: Sendable, Equatable {
        public var juror: Int
        public var nominee: Int
        /// The criteria without a score, by index; empty in an edition without criteria.
        public var criteria: [Int]
    }

    /// Every gap, nominee by nominee, jury member by jury member.
    public let gaps: [Gap]
    /// How many scores are expected: jury × nominees × criteria (1 without), less recusals.
    public let expected: Int

    public init(_ edition: Edition, grid: ScoreGrid? = nil, recusals: RecusalIndex? = nil) {
        let grid = grid ?? ScoreGrid(edition)
        let recusals = recusals ?? RecusalIndex(edition)
        let criteria = edition.criteria.count
        var gaps: [Gap] = []
        var expected = 0
        for nominee in edition.nominees.indices {
            for juror in edition.jury.indices where !recusals.isRecused(juror: juror, nominee: nominee) {
                if criteria == 0 {
                    expected += 1
                    if grid.score(nominee: nominee, juror: juror, criterion: nil) == nil {
                        gaps.append(Gap(juror: juror, nominee: nominee, criteria: []))
                    }
                    continue
                }
                expected += criteria
                let missing = (0..<criteria).filter { grid.score(nominee: nominee, juror: juror, criterion: $0) == nil }
                if !missing.isEmpty { gaps.append(Gap(juror: juror, nominee: nominee, criteria: missing)) }
            }
        }
        self.gaps = gaps
        self.expected = expected
    }

    /// How many scores are missing.
    public var missingCount: Int { gaps.reduce(0) { $0 + max($1.criteria.count, 1) } }

    /// The gaps in words, one line per jury member and nominee, at most `limit` lines and a
    /// line that counts the rest.
    public func warnings(for edition: Edition, limit: Int = 20) -> [String] {
        var lines = gaps.prefix(limit).map { gap -> String in
            let juror = edition.jury[gap.juror].id
            let nominee = edition.nominees[gap.nominee].id
            guard !gap.criteria.isEmpty else { return "no score by '\(juror)' for '\(nominee)'" }
            let criteria = gap.criteria.map { "'\(edition.criteria[$0].id)'" }.joined(separator: ", ")
            return "no score by '\(juror)' for '\(nominee)' on \(gap.criteria.count == 1 ? "criterion" : "criteria") \(criteria)"
        }
        if gaps.count > limit {
            lines.append(
                "and \(gaps.count - limit) more pairs of jury member and nominee without all their scores: "
                    + "\(missingCount) of the \(expected) expected scores are missing")
        }
        return lines
    }
}

/// The recusals of an edition by place (jury member and nominee index), for look-ups per cell.
public struct RecusalIndex: Sendable {
    /// The index in ``Edition/recusals`` by `nominee * jury + juror`.
    private let places: [Int: Int]
    private let jurorCount: Int

    public init(_ edition: Edition) {
        jurorCount = edition.jury.count
        guard !edition.recusals.isEmpty else {
            places = [:]
            return
        }
        let nominees = ScoreIndex.places(edition.nominees.map { $0.id })
        let jurors = ScoreIndex.places(edition.jury.map { $0.id })
        var places: [Int: Int] = [:]
        for (index, recusal) in edition.recusals.enumerated() {
            guard let nominee = nominees[recusal.nominee], let juror = jurors[recusal.juror] else { continue }
            places[nominee * jurorCount + juror] = places[nominee * jurorCount + juror] ?? index
        }
        self.places = places
    }

    /// Whether the jury member at `juror` is recused from the nominee at `nominee`.
    public func isRecused(juror: Int, nominee: Int) -> Bool {
        !places.isEmpty && places[nominee * jurorCount + juror] != nil
    }

    /// The index in ``Edition/recusals`` of that recusal, if there is one.
    public func recusal(juror: Int, nominee: Int) -> Int? {
        places.isEmpty ? nil : places[nominee * jurorCount + juror]
    }
}
