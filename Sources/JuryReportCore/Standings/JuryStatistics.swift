/// How the jury scored: each member's scale against the others', where the jury disagreed
/// on a nominee, and how far its members agree on the order (Kendall's W). For the
/// organizer's workbook: no report publishes it.
///
/// Every figure is over the scores themselves (each criterion's score counts once, unweighted),
/// as the spreadsheet functions that recompute them in the workbook count them.
public struct JuryStatistics: Sendable, Equatable {
    /// One jury member's scores.
    public struct Juror: Sendable, Equatable {
        public var count: Int
        /// nil without scores.
        public var mean: Double?
        /// The sample standard deviation (n − 1, as STDEV.S); nil with fewer than two scores.
        public var spread: Double?
        public var lowest: Double?
        public var highest: Double?
        /// The member's mean less the mean of every score of the jury: above 0 lenient,
        /// below 0 strict.
        public var leniency: Double?
        /// Pearson's correlation of the member's scores with the mean of the other members'
        /// scores on the same nominee and criterion; nil with fewer than two such pairs or
        /// no spread on either side.
        public var correlation: Double?
    }

    /// One nominee's scores.
    public struct Nominee: Sendable, Equatable {
        public var nomineeIndex: Int
        public var count: Int
        /// The sample standard deviation of all its scores; nil with fewer than two.
        public var spread: Double?
    }

    /// Kendall's coefficient of concordance over the complete part of the grid.
    public struct Agreement: Sendable, Equatable {
        /// W, from 0 (no agreement on the order) to 1 (full), with the correction for ties.
        public var w: Double
        /// The nominees every member with scores scored, which W ranks.
        public var nominees: Int
        /// The members with scores, whose orders W compares.
        public var jurors: Int
    }

    /// In jury order.
    public let jurors: [Juror]
    /// Nominees with scores, the widest spread first (the deliberation starts there); equal
    /// spreads in report order, nominees with one score last.
    public let nominees: [Nominee]
    /// nil when fewer than two members or two nominees make the complete part.
    public let agreement: Agreement?

    public init(_ edition: Edition) {
        let index = ScoreIndex(edition)
        let jury = edition.jury.count, nomineeCount = edition.nominees.count
        let slots = edition.criteria.count + 1
        // Each score by place; the sum and count of each nominee's criterion over the jury,
        // for the other members' means. (Scores of a member the edition lacks count nowhere.)
        let placed = PlacedScore.all(in: edition, index: index).filter { $0.juror != nil }
        var cellSums = [Double](repeating: 0, count: nomineeCount * slots)
        var cellCounts = [Int](repeating: 0, count: nomineeCount * slots)
        for score in placed {
            cellSums[score.nominee * slots + score.criterion] += score.value
            cellCounts[score.nominee * slots + score.criterion] += 1
        }
        let juryMean = placed.isEmpty ? nil : placed.reduce(0) { $0 + $1.value } / Double(placed.count)

        var byJuror = [[Double]](repeating: [], count: jury)
        var restPairs = [[(own: Double, rest: Double)]](repeating: [], count: jury)
        var byNominee = [[Double]](repeating: [], count: nomineeCount)
        for score in placed {
            guard let juror = score.juror else { continue }
            byJuror[juror].append(score.value)
            byNominee[score.nominee].append(score.value)
            let cell = score.nominee * slots + score.criterion
            let others = cellCounts[cell] - 1
            if others > 0 {
                restPairs[juror].append((score.value, (cellSums[cell] - score.value) / Double(others)))
            }
        }
        jurors = (0..<jury).map { member in
            let values = byJuror[member]
            let mean = Self.mean(values)
            return Juror(
                count: values.count, mean: mean, spread: Self.sampleDeviation(values), lowest: values.min(), highest: values.max(),
                leniency: mean.flatMap { own in juryMean.map { own - $0 } },
                correlation: Self.correlation(restPairs[member]))
        }
        nominees = (0..<nomineeCount).filter { !byNominee[$0].isEmpty }
            .map { Nominee(nomineeIndex: $0, count: byNominee[$0].count, spread: Self.sampleDeviation(byNominee[$0])) }
            .enumerated().sorted { lhs, rhs in
                let a = lhs.element.spread ?? -1, b = rhs.element.spread ?? -1
                return a != b ? a > b : lhs.offset < rhs.offset
            }.map(\.element)
        agreement = Self.agreement(placed, nominees: nomineeCount, jury: jury, index: index)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (two passes: the mean first).
    static func sampleDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Pearson's r of the pairs; nil with fewer than two or no spread on a side.
    static func correlation(_ pairs: [(own: Double, rest: Double)]) -> Double? {
        guard pairs.count >= 2 else { return nil }
        let n = Double(pairs.count)
        let x = pairs.reduce(0) { $0 + $1.own } / n, y = pairs.reduce(0) { $0 + $1.rest } / n
        var xy = 0.0, xx = 0.0, yy = 0.0
        for pair in pairs {
            xy += (pair.own - x) * (pair.rest - y)
            xx += (pair.own - x) * (pair.own - x)
            yy += (pair.rest - y) * (pair.rest - y)
        }
        guard xx > 0, yy > 0 else { return nil }
        return xy / (xx * yy).squareRoot()
    }

    /// Kendall's W over the nominees every member with scores scored, each member's value of
    /// a nominee the weighted mean of the criteria they scored; tied values share the mean
    /// of their ranks, and W is corrected for ties.
    static func agreement(_ scores: [PlacedScore], nominees: Int, jury: Int, index: ScoreIndex) -> Agreement? {
        // Per nominee and member, the weighted sum and the weights: a flat table while it
        // stays small next to the scores (ScoreTable), keyed as a score without criterion.
        var weighted = ScoreTable<(sum: Double, weight: Double)>(index, scores: scores.count)
        var active = [Bool](repeating: false, count: jury)
        for score in scores {
            guard let juror = score.juror else { continue }
            let key = index.key(nominee: score.nominee, juror: juror, criterion: nil)
            let cell = weighted[key] ?? (0, 0)
            weighted[key] = (cell.sum + score.value * score.weight, cell.weight + score.weight)
            active[juror] = true
        }
        let members = active.indices.filter { active[$0] }
        let complete = (0..<nominees).filter { nominee in
            members.allSatisfy { weighted[index.key(nominee: nominee, juror: $0, criterion: nil)] != nil }
        }
        let m = Double(members.count), n = Double(complete.count)
        guard members.count >= 2, complete.count >= 2 else { return nil }
        var rankSums = [Double](repeating: 0, count: complete.count)
        var ties = 0.0
        for member in members {
            let values = complete.map { nominee -> Double in
                let cell = weighted[index.key(nominee: nominee, juror: member, criterion: nil)]!
                return cell.sum / cell.weight
            }
            let order = values.indices.sorted { values[$0] < values[$1] }
            var start = 0
            while start < order.count {
                var end = start
                while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
                let rank = Double(start + end) / 2 + 1
                for position in start...end { rankSums[order[position]] += rank }
                let t = Double(end - start + 1)
                ties += t * t * t - t
                start = end + 1
            }
        }
        let meanRank = rankSums.reduce(0, +) / n
        let s = rankSums.reduce(0) { $0 + ($1 - meanRank) * ($1 - meanRank) }
        let denominator = m * m * (n * n * n - n) - m * ties
        guard denominator > 0 else { return nil }
        return Agreement(w: 12 * s / denominator, nominees: complete.count, jurors: members.count)
    }
}
