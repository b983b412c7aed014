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
        let export = ExportRequest(edition: edition)
        #expect(export.editionWarnings.isEmpty, "a winner tied for first is ranked first")
    }

    @Test("a winner not ranked first gives a warning")
    func winnerNotFirst() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        edition.verdict.winner = "delta"
        let export = ExportRequest(edition: edition)
        #expect(export.editionWarnings.first == "the winner 'delta' is ranked 4 by the scores; ranked first: 'alpha'")
    }
}
