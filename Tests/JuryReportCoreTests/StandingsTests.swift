import Testing
import TestSupport
@testable import JuryReportCore

@Suite("Standings", .onTestPool)
struct StandingsTests {
    @Test("weighted means and competition ranking 1, 2, 2, 4")
    func scoredEdition() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let standings = Standings(edition)
        // Totals worked out by hand in the fixture's header.
        #expect(standings.ranked.map(\.nomineeID) == ["alpha", "beta", "gamma", "delta"])
        #expect(standings.ranked.map(\.rank) == [1, 2, 2, 4])
        let totals: [Double] = [53.0 / 6, 47.0 / 6, 47.0 / 6, 37.0 / 6]
        #expect(standings.ranked.map(\.total) == totals)
        #expect(standings.entry(for: "epsilon") == nil)
        #expect(NumberText.shortest(standings.entry(for: "alpha")!.total) == "8.833333333333334")
        // Each criterion's mean (the fixture's header), none for the unscored nominee.
        #expect([0, 1].map { standings.mean(nomineeIndex: 0, criterionIndex: $0) } == [9, 8.5])
        #expect([0, 1].map { standings.mean(nomineeIndex: 4, criterionIndex: $0) } == [nil, nil])
        #expect(standings.ranked.map(\.jurorCount) == [2, 2, 2, 2])
        // Equal to itself although the unscored nominee's means are not numbers.
        #expect(standings == Standings(edition))
        var changed = edition
        changed.scores[0].score = 8
        #expect(standings != Standings(changed))
    }

    /// An edition without scores takes a short way with `mean`: it must come to what the
    /// loop over the scores comes to when no score counts (here: every score names no nominee).
    @Test("no scores with the mean: the standings of scores that all count for nothing")
    func noScores() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        #expect(edition.scoring.method == .mean && !edition.criteria.isEmpty)
        var unplaced = edition
        for index in unplaced.scores.indices { unplaced.scores[index].nominee = "nobody" }
        edition.scores = []
        let short = Standings(edition), looped = Standings(unplaced)
        #expect(short == looped)
        #expect(short.isEmpty && short.methodWarnings.isEmpty && looped.methodWarnings.isEmpty)
        #expect(short.mean(nomineeIndex: edition.nominees.count - 1, criterionIndex: edition.criteria.count - 1) == nil)
        #expect(short.entry(for: edition.nominees[0].id) == nil)
    }

    @Test("without criteria every score weighs 1")
    func unweighted() {
        let edition = Edition(
            award: Award(name: "A"), details: EditionDetails(year: 2020, title: "T"),
            nominees: [Nominee(id: "a", name: "A", number: 1), Nominee(id: "b", name: "B", number: 2)],
            verdict: Verdict(winner: "b"), jury: [JuryMember(id: "j", name: "J"), JuryMember(id: "k", name: "K")],
            scores: [
                Score(juror: "j", nominee: "a", score: 7), Score(juror: "k", nominee: "a", score: 8),
                Score(juror: "j", nominee: "b", score: 9), Score(juror: "k", nominee: "b", score: 6),
            ])
        let standings = Standings(edition)
        #expect(standings.entry(for: "a")?.total == 7.5)
        #expect(standings.entry(for: "b")?.total == 7.5)
        #expect(standings.ranked.map(\.rank) == [1, 1])
        // A winner tied for first is ranked first, but the numbers did not choose it (#29.4).
        let export = ExportRequest(edition: edition)
        #expect(export.editionWarnings == [
            "the winner 'b' shares the first rank with 'a' by the scores (scoring 'mean'): the choice rests on the jury's decision, not on the numbers"
        ])
    }

    @Test("a warning names the first five nominees of a shared rank and counts the rest: one line, however many tie")
    func manyTied() {
        let nominees = (1...8).map { Nominee(id: "n\($0)", name: "N\($0)", number: $0) }
        let edition = Edition(
            award: Award(name: "A"), details: EditionDetails(year: 2020, title: "T"), nominees: nominees,
            verdict: Verdict(winner: "n1"), jury: [JuryMember(id: "j", name: "J")],
            scores: nominees.map { Score(juror: "j", nominee: $0.id, score: 7) })
        #expect(ExportRequest(edition: edition).editionWarnings == [
            "the winner 'n1' shares the first rank with 'n2', 'n3', 'n4', 'n5', 'n6' and 2 more by the scores (scoring 'mean'): "
                + "the choice rests on the jury's decision, not on the numbers"
        ])
        var later = edition
        later.scores[7].score = 9
        #expect(ExportRequest(edition: later).editionWarnings.first == "the winner 'n1' is ranked 2 by the scores; ranked first: 'n8'")
    }

    /// Five jurors on one criterion and a sixth on another: 'trimmed' trims the first only.
    static func fiveJurors(_ method: Scoring.Method) -> Edition {
        let jury = (1...6).map { JuryMember(id: "j\($0)", name: "J\($0)") }
        var scores: [Score] = []
        // Nominee a, criterion x (weight 2): 2, 6, 7, 8, 10 by j1...j5; criterion y (weight 1): 4 by j6.
        for (juror, value) in zip(1...5, [2.0, 6, 7, 8, 10]) { scores.append(Score(juror: "j\(juror)", nominee: "a", criterion: "x", score: value)) }
        scores.append(Score(juror: "j6", nominee: "a", criterion: "y", score: 4))
        // Nominee b: j1 gives 9 (x) and 3 (y), j2 gives 5 (x): jurors' weighted means 7 and 5.
        scores += [
            Score(juror: "j1", nominee: "b", criterion: "x", score: 9), Score(juror: "j1", nominee: "b", criterion: "y", score: 3),
            Score(juror: "j2", nominee: "b", criterion: "x", score: 5),
        ]
        return Edition(
            award: Award(name: "A"), details: EditionDetails(year: 2020, title: "T"),
            criteria: [Criterion(id: "x", name: "X", weight: 2), Criterion(id: "y", name: "Y", weight: 1)],
            nominees: [Nominee(id: "a", name: "A", number: 1), Nominee(id: "b", name: "B", number: 2)],
            verdict: Verdict(winner: "a"), jury: jury, scores: scores, scoring: Scoring(method: method))
    }

    @Test("trimmed and median by hand: five jurors trimmed, fewer kept whole and said; the median of jurors' weighted means")
    func methodsByHand() {
        // mean: a (2*(2+6+7+8+10) + 4) / (2*5 + 1) = 70/11; b (2*9 + 3 + 2*5) / 5 = 31/5.
        let mean = Standings(Self.fiveJurors(.mean))
        #expect(mean.entry(for: "a")?.total == 70.0 / 11)
        #expect(mean.entry(for: "b")?.total == 31.0 / 5)
        // trimmed: a's x loses 2 and 10: (2*(6+7+8) + 4) / (2*3 + 1) = 46/7; b untrimmed.
        let trimmed = Standings(Self.fiveJurors(.trimmed))
        #expect(trimmed.entry(for: "a")?.total == 46.0 / 7)
        #expect(trimmed.entry(for: "a")?.rawTotal == 70.0 / 11)
        #expect(trimmed.entry(for: "b")?.total == 31.0 / 5)
        #expect(trimmed.methodWarnings == [
            "scoring 'trimmed': 3 criteria of nominees were scored by fewer than 5 jurors and keep every score, as with 'mean'"
        ])
        // median: a's jurors' means 2, 6, 7, 8, 10, 4 -> (6 + 7) / 2; b's (2*9+3)/3 = 7 and 5 -> 6.
        let median = Standings(Self.fiveJurors(.median))
        #expect(median.entry(for: "a")?.total == 6.5)
        #expect(median.entry(for: "b")?.total == 6)
        #expect(median.ranked.map(\.nomineeID) == ["a", "b"])
        // zscore: only j1 has three scores that differ (2, 9, 3: mean 14/3); a's standardized
        // value is j1's 2 (below the mean), b's j1's 9 and 3 weighted 2:1 (above): b takes the
        // highest raw total, a the lowest.
        let zscore = Standings(Self.fiveJurors(.zscore))
        #expect(zscore.methodWarnings == [
            "scoring 'zscore': the scores of 'j2', 'j3', 'j4', 'j5', 'j6' are left out of the totals: a juror needs at least 3 scores that differ"
        ])
        #expect(zscore.ranked.map(\.nomineeID) == ["b", "a"])
        #expect(zscore.entry(for: "b")?.total == 70.0 / 11)
        #expect(zscore.entry(for: "a")?.total == 31.0 / 5)
    }

    @Test("a winner not ranked first gives a warning")
    func winnerNotFirst() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        edition.verdict.winner = "delta"
        let export = ExportRequest(edition: edition)
        #expect(export.editionWarnings.first == "the winner 'delta' is ranked 4 by the scores; ranked first: 'alpha'")
    }
}
