/// One score resolved to places: the nominee, jury member and criterion as indexes, the
/// criterion's weight (1 without criteria) and the value.
struct PlacedScore {
    var nominee: Int
    /// nil for a jury member the edition does not have (an edition that was not validated).
    var juror: Int?
    /// The criterion's index; the number of criteria for a score without one.
    var criterion: Int
    var weight: Double
    var value: Double

    /// Every score of `edition` whose nominee the edition has, in the edition's order.
    /// Scores come nominee by nominee or juror by juror (forms, tables), criteria in their
    /// order: the last nominee's and juror's places are kept and the next criterion is tried
    /// first, as comparing two equal strings costs less than hashing one.
    static func all(in edition: Edition, index: ScoreIndex) -> [PlacedScore] {
        let criterionIDs = edition.criteria.map(\.id)
        let weights = edition.criteria.map(\.weight)
        var placed: [PlacedScore] = []
        placed.reserveCapacity(edition.scores.count)
        var lastNominee: (id: String, place: Int?) = ("", nil), lastJuror: (id: String, place: Int?) = ("", nil)
        var lastCriterion: Int? = nil
        for score in edition.scores {
            if score.nominee != lastNominee.id { lastNominee = (score.nominee, index.nominees[score.nominee]) }
            if score.juror != lastJuror.id { lastJuror = (score.juror, index.jurors[score.juror]) }
            guard let nominee = lastNominee.place else { continue }
            var criterion: Int? = nil
            if let id = score.criterion {
                let next = lastCriterion.map { ($0 + 1) % criterionIDs.count } ?? 0
                criterion = next < criterionIDs.count && criterionIDs[next] == id ? next : index.criteria[id]
                lastCriterion = criterion
            }
            placed.append(PlacedScore(
                nominee: nominee, juror: lastJuror.place, criterion: criterion ?? criterionIDs.count,
                weight: criterion.map { weights[$0] } ?? 1, value: score.score))
        }
        return placed
    }
}

/// The totals of the scoring methods other than `mean`, each nominee's by its index (NaN for
/// a nominee the method gives no total), and what the method had to leave as it was.
struct MethodTotals {
    var totals: [Double]
    var warnings: [String]

    /// The totals `method` gives. `rawTotals` are the weighted means (NaN without scores),
    /// `zscore` maps its values onto their range.
    init(
        method: Scoring.Method, scores: [PlacedScore], nomineeCount: Int, criterionCount: Int, jury: [JuryMember],
        rawTotals: [Double]
    ) {
        switch method {
        case .mean:
            self.init(totals: rawTotals, warnings: [])
        case .trimmed:
            self = Self.trimmed(scores, nomineeCount: nomineeCount, criterionCount: criterionCount)
        case .zscore:
            self = Self.zscore(scores, nomineeCount: nomineeCount, jury: jury, rawTotals: rawTotals)
        case .median:
            self = Self.median(scores, nomineeCount: nomineeCount, juryCount: jury.count)
        }
    }

    private init(totals: [Double], warnings: [String]) {
        self.totals = totals
        self.warnings = warnings
    }

    /// The scores' indexes grouped by `key` (0..<groups), each group in the scores' order:
    /// a counting sort, one pass to count and one to place.
    private static func grouped(_ scores: [PlacedScore], groups: Int, key: (PlacedScore) -> Int) -> (starts: [Int], order: [Int]) {
        var starts = [Int](repeating: 0, count: groups + 1)
        for score in scores { starts[key(score) + 1] += 1 }
        for group in 0..<groups { starts[group + 1] += starts[group] }
        var next = starts
        var order = [Int](repeating: 0, count: scores.count)
        for (index, score) in scores.enumerated() {
            let group = key(score)
            order[next[group]] = index
            next[group] += 1
        }
        return (starts, order)
    }

    /// Per nominee and criterion, the highest and lowest score left out when at least five
    /// jury members gave one; the weighted mean of the rest.
    private static func trimmed(_ scores: [PlacedScore], nomineeCount: Int, criterionCount: Int) -> MethodTotals {
        let slots = criterionCount + 1
        let (starts, order) = grouped(scores, groups: nomineeCount * slots) { $0.nominee * slots + $0.criterion }
        var weighted = [Double](repeating: 0, count: nomineeCount)
        var weights = [Double](repeating: 0, count: nomineeCount)
        var untrimmed = 0
        for group in 0..<(nomineeCount * slots) {
            let members = order[starts[group]..<starts[group + 1]]
            guard let first = members.first else { continue }
            var sum = 0.0
            var lowest = scores[first].value, highest = lowest
            for index in members {
                let value = scores[index].value
                sum += value
                lowest = min(lowest, value)
                highest = max(highest, value)
            }
            var count = Double(members.count)
            if members.count >= Scoring.trimmedMinimumJurors {
                sum -= lowest + highest
                count -= 2
            } else {
                untrimmed += 1
            }
            let nominee = group / slots, weight = scores[first].weight
            weighted[nominee] += sum * weight
            weights[nominee] += count * weight
        }
        let totals = (0..<nomineeCount).map { weights[$0] > 0 ? weighted[$0] / weights[$0] : .nan }
        let warnings = untrimmed == 0 ? [] : [
            "scoring 'trimmed': \(untrimmed) \(untrimmed == 1 ? "criterion of a nominee was" : "criteria of nominees were") "
                + "scored by fewer than \(Scoring.trimmedMinimumJurors) jurors and keep every score, as with 'mean'"
        ]
        return MethodTotals(totals: totals, warnings: warnings)
    }

    /// Each jury member's scores standardized over all they gave (sample deviation), the
    /// nominee's weighted mean of those, mapped linearly onto the range of the raw totals of
    /// the nominees it ranks.
    private static func zscore(_ scores: [PlacedScore], nomineeCount: Int, jury: [JuryMember], rawTotals: [Double]) -> MethodTotals {
        var sums = [(count: Int, sum: Double)](repeating: (0, 0), count: jury.count)
        for score in scores {
            guard let juror = score.juror else { continue }
            sums[juror].count += 1
            sums[juror].sum += score.value
        }
        let means = sums.map { $0.count > 0 ? $0.sum / Double($0.count) : 0 }
        var squares = [Double](repeating: 0, count: jury.count)
        for score in scores {
            guard let juror = score.juror else { continue }
            let difference = score.value - means[juror]
            squares[juror] += difference * difference
        }
        var deviations = [Double](repeating: .nan, count: jury.count)
        var leftOut: [String] = []
        for juror in jury.indices where sums[juror].count > 0 {
            let deviation = sums[juror].count >= Scoring.zscoreMinimumScores ? (squares[juror] / Double(sums[juror].count - 1)).squareRoot() : 0
            if deviation > 0 {
                deviations[juror] = deviation
            } else {
                leftOut.append("'\(jury[juror].id)'")
            }
        }
        var weighted = [Double](repeating: 0, count: nomineeCount)
        var weights = [Double](repeating: 0, count: nomineeCount)
        for score in scores {
            guard let juror = score.juror, !deviations[juror].isNaN else { continue }
            weighted[score.nominee] += (score.value - means[juror]) / deviations[juror] * score.weight
            weights[score.nominee] += score.weight
        }
        var values = [Double](repeating: .nan, count: nomineeCount)
        var low = Double.infinity, high = -Double.infinity, rawLow = Double.infinity, rawHigh = -Double.infinity
        var unranked = 0
        for nominee in 0..<nomineeCount where !rawTotals[nominee].isNaN {
            guard weights[nominee] > 0 else {
                unranked += 1
                continue
            }
            let value = weighted[nominee] / weights[nominee]
            values[nominee] = value
            low = min(low, value)
            high = max(high, value)
            rawLow = min(rawLow, rawTotals[nominee])
            rawHigh = max(rawHigh, rawTotals[nominee])
        }
        // Lowest normalized value to the lowest raw total, highest to the highest; all alike
        // (or one nominee) to the middle of the raw range.
        let totals = values.map { value -> Double in
            guard !value.isNaN else { return .nan }
            return high > low ? rawLow + (value - low) / (high - low) * (rawHigh - rawLow) : (rawLow + rawHigh) / 2
        }
        var warnings: [String] = []
        if !leftOut.isEmpty {
            warnings.append(
                "scoring 'zscore': the scores of \(leftOut.joined(separator: ", ")) are left out of the totals: "
                    + "a juror needs at least \(Scoring.zscoreMinimumScores) scores that differ")
        }
        if unranked > 0 {
            warnings.append(
                "scoring 'zscore': \(unranked) \(unranked == 1 ? "nominee has" : "nominees have") no score left and \(unranked == 1 ? "is" : "are") not ranked")
        }
        return MethodTotals(totals: totals, warnings: warnings)
    }

    /// Per nominee, each jury member's weighted mean over the criteria they scored; the
    /// median of those (the mean of the middle two when their number is even).
    private static func median(_ scores: [PlacedScore], nomineeCount: Int, juryCount: Int) -> MethodTotals {
        let (starts, order) = grouped(scores, groups: nomineeCount) { $0.nominee }
        var weighted = [Double](repeating: 0, count: juryCount + 1)
        var weights = [Double](repeating: 0, count: juryCount + 1)
        var touched: [Int] = []
        var means: [Double] = []
        var totals = [Double](repeating: .nan, count: nomineeCount)
        for nominee in 0..<nomineeCount where starts[nominee] < starts[nominee + 1] {
            for index in order[starts[nominee]..<starts[nominee + 1]] {
                let score = scores[index]
                // A member the edition lacks counts as one more, as the mean counts them.
                let juror = score.juror ?? juryCount
                if weights[juror] == 0 { touched.append(juror) }
                weighted[juror] += score.value * score.weight
                weights[juror] += score.weight
            }
            means.removeAll(keepingCapacity: true)
            for juror in touched {
                means.append(weighted[juror] / weights[juror])
                weighted[juror] = 0
                weights[juror] = 0
            }
            touched.removeAll(keepingCapacity: true)
            means.sort()
            let middle = means.count / 2
            totals[nominee] = means.count % 2 == 1 ? means[middle] : (means[middle - 1] + means[middle]) / 2
        }
        return MethodTotals(totals: totals, warnings: [])
    }
}
