import Foundation
import JuryReportCore
import Testing
import TestSupport

/// The report outline as a value: what the core decides a report holds, before any format.
/// Each test builds the outline of an edition and asserts its blocks.
@Suite("The report outline of an edition", .onTestPool)
struct ReportOutlineTests {
    static func outline(_ edition: Edition) -> ReportOutline { ExportRequest(edition: edition).outline }

    static func outline(fixture: String) throws -> ReportOutline {
        outline(try EditionLoader().load(contentsOf: Paths.edition(fixture)))
    }

    /// The outline of an edition given as YAML text.
    static func outline(yaml: String) throws -> ReportOutline {
        let edition = try EditionLoader().load(bytes: Array(yaml.utf8), syntax: .yaml, name: "outline.yaml")
        return outline(edition)
    }

    static let small = """
        format: jury-report/1
        award: { name: Small Prize }
        edition: { year: 2024, language: en, date: 2024-05-17 }
        nominees:
          - { id: one, name: The Only One, summary: Alone on the shortlist. }
        verdict: { winner: one }
        jury:
          - { id: j, name: Jo Juror }

        """

    /// The top-level sections, by kind.
    static func sections(_ outline: ReportOutline) -> [ReportSection] {
        outline.blocks.compactMap { if case .section(let section) = $0 { section } else { nil } }
    }

    static func section(_ kind: ReportSection.Kind, in outline: ReportOutline) -> ReportSection? {
        sections(outline).first { $0.kind == kind }
    }

    static func tables(_ blocks: [ReportBlock]) -> [ReportTable] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    static func text(_ cells: [[Inline]]) -> [String] { cells.map { Inline.plainText(of: $0) } }

    static func signatures(_ outline: ReportOutline) -> ReportSignatures? {
        outline.blocks.compactMap { if case .signatures(let signatures) = $0 { signatures } else { nil } }.first
    }

    @Test("a scored edition: its parts in order, the standings table and chart, the winner and the mention")
    func scored() throws {
        let outline = try Self.outline(fixture: "scored.yaml")
        #expect(Self.sections(outline).map(\.kind) == [.text, .criteria, .nominees, .standings, .text, .verdict])
        #expect(Self.sections(outline).map(\.heading) == [
            "About this edition", "Criteria", "Nominees", "Standings", "Analysis", "Verdict",
        ])
        guard case .signatures = outline.blocks.last else { Issue.record("the outline ends with the signatures"); return }
        #expect(outline.title.award == "Open Data Award")
        // No title of its own: the award and period make it, under the report's name, and
        // the edition line does not say the period again.
        #expect(outline.title.title == "Open Data Award 2024-2025")
        #expect(outline.title.overline == "Jury report")
        #expect(outline.title.edition == ["Edition 3"])
        #expect(outline.title.runningEdition == ["Edition 3", "2024-2025"])
        #expect(outline.title.date == "30 June 2025")
        #expect(outline.metadata.author == "Ada Lovelace", "the chair")

        let criteria = try #require(Self.tables(Self.section(.criteria, in: outline)?.blocks ?? []).first as ReportTable?)
        #expect(criteria.columns.map(\.alignment) == [.leading, .trailing, .leading])
        #expect(criteria.rows.map { Self.text($0.cells) } == [
            ["Impact", "2", "What changed for the people the project serves."], ["Originality", "1", ""],
        ])

        let nominees = try #require(Self.section(.nominees, in: outline))
        let entries = nominees.blocks.compactMap { if case .section(let section) = $0 { section } else { nil } }
        #expect(entries.map(\.heading) == [
            "1. Alpha Transit Maps", "2. Beta Budget Explorer", "3. Gamma Air Quality", "4. Delta Procurement Watch", "5. Epsilon Archive",
        ])
        #expect(entries.map(\.kind) == [.nominee(.winner), .nominee(nil), .nominee(.mention), .nominee(nil), .nominee(nil)])
        #expect(entries.map(\.level) == [2, 2, 2, 2, 2])
        #expect(Set(entries.map(\.anchor)).count == 5 && entries[0].anchor == "nominee-alpha")
        // Alpha: distinction, summary, details, key figures, text, in that order.
        let alpha = entries[0].blocks
        guard alpha.count == 5, case .distinction(let distinction) = alpha[0], case .summary(let summary) = alpha[1],
            case .details(let details) = alpha[2], case .table(let figures) = alpha[3], case .paragraph = alpha[4]
        else { Issue.record("Alpha's blocks: \(alpha)"); return }
        #expect(distinction == ReportDistinction(kind: .winner, label: "Winner"))
        #expect(summary == "Live maps of public transport delays.")
        #expect(details.map(\.label) == ["Lead", "Location", "Sector", "Partners", "Website"])
        #expect(details.last?.value == [.link([.text("https://example.org/alpha")], url: "https://example.org/alpha")])
        #expect(figures.kind == .keyFigures && figures.columns.map(\.alignment) == [.leading, .trailing])
        #expect(figures.rows.map { Self.text($0.cells) } == [["Daily users", "12500"], ["Average delay shown", "2.75"]])

        let standings = try #require(Self.section(.standings, in: outline))
        let table = try #require(Self.tables(standings.blocks).first)
        // Each criterion's mean beside the total (worked out by hand in the fixture's header).
        #expect(table.columns.map(\.header) == ["Rank", "No.", "Nominee", "Impact", "Originality", "Total"])
        #expect(table.rows.map { Self.text($0.cells) } == [
            ["1", "1", "Alpha Transit Maps", "9.00", "8.50", "8.83"], ["2", "2", "Beta Budget Explorer", "8.00", "7.50", "7.83"],
            ["2", "3", "Gamma Air Quality", "7.50", "8.50", "7.83"], ["4", "4", "Delta Procurement Watch", "6.50", "5.50", "6.17"],
            ["", "5", "Epsilon Archive", "", "", "not scored"],
        ])
        #expect(table.rowHeader == 2, "the nominee's name heads its row")
        #expect(table.note == "Ranked by the weighted mean of all scores.", "the method, and no fewer-jurors note: both jurors scored every scored nominee")
        #expect(table.rows.map(\.isWinner) == [true, false, false, false, false])
        guard case .chart(let chart) = standings.blocks.last else { Issue.record("no chart after the table"); return }
        #expect(chart.bars.map(\.valueText) == ["8.83", "7.83", "7.83", "6.17"], "the unscored nominee has no bar")
        #expect(chart.bars.map(\.isWinner) == [true, false, false, false])
        #expect(chart.minimum == 0 && chart.maximum == 10)

        let verdict = try #require(Self.section(.verdict, in: outline))
        let paragraphs = verdict.blocks.compactMap { if case .paragraph(let nodes) = $0 { Inline.plainText(of: nodes) } else { nil } }
        #expect(paragraphs == ["Alpha scored highest on both criteria."])
        guard case .details(let opening) = verdict.blocks.first else { Issue.record("the verdict opens with who won"); return }
        #expect(opening.map { "\($0.label): \(Inline.plainText(of: $0.value))" } == [
            "Winner: 1. Alpha Transit Maps", "Honourable mentions: 3. Gamma Air Quality",
        ])
        #expect(verdict.blocks.last == .announcement("The Open Data Award 2025 goes to Alpha Transit Maps."))

        let signatures = try #require(Self.signatures(outline))
        #expect(signatures.line == "On behalf of the jury")
        #expect(signatures.signers.map(\.name) == ["Ada Lovelace", "Alan Turing"])
        #expect(signatures.signers.map(\.isChair) == [true, false])
        #expect(signatures.signers[0].details == ["chair", "Analytical Society"])
        #expect(signatures.placeAndDate == "30 June 2025")
    }

    @Test("no numbering: names without numbers in headings, standings and verdict; one decimal; the language's separator")
    func presentation() throws {
        let yaml = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  language: en\n", with: "  language: nl\n")
            + "presentation: { numbering: false, decimals: 1 }\n"
        let outline = try Self.outline(yaml: yaml)
        let nominees = try #require(Self.section(.nominees, in: outline))
        let headings = nominees.blocks.compactMap { if case .section(let section) = $0 { section.heading } else { nil } }
        #expect(headings.first == "Alpha Transit Maps")
        let table = try #require(Self.tables(Self.section(.standings, in: outline)?.blocks ?? []).first as ReportTable?)
        #expect(table.columns.count == 5, "no number column")
        #expect(table.rowHeader == 1, "the name, in the second column, heads its row")
        #expect(table.rows.first.map { Self.text($0.cells) } == ["1", "Alpha Transit Maps", "9,0", "8,5", "8,8"])
        #expect(table.rows.last.map { Self.text($0.cells) } == ["", "Epsilon Archive", "", "", "niet beoordeeld"])
        let verdict = try #require(Self.section(.verdict, in: outline))
        guard case .details(let winner) = verdict.blocks.first else { Issue.record("no winner line"); return }
        #expect(winner.map { "\($0.label): \(Inline.plainText(of: $0.value))" }.first == "Winnaar: Alpha Transit Maps")
        #expect(outline.style.colon == ":")
    }

    @Test("an unscored judging edition with a recusal: no standings or chart, a recusals section with names and reason")
    func recusals() throws {
        let outline = try Self.outline(fixture: "judging.yaml")
        #expect(Self.sections(outline).map(\.kind) == [.criteria, .nominees, .recusals, .verdict])
        #expect(!outline.blocks.contains { if case .chart = $0 { true } else { false } })
        let recusals = try #require(Self.section(.recusals, in: outline))
        guard recusals.blocks.count == 2, case .paragraph = recusals.blocks[0], case .table(let table) = recusals.blocks[1] else {
            Issue.record("an introduction and a table: \(recusals.blocks)")
            return
        }
        #expect(table.kind == .recusals)
        #expect(table.rows.map { Self.text($0.cells) } == [["Bram Jansen", "2. Beta Budget Explorer", "advises the Province of Gelderland"]])
    }

    @Test("one nominee, no criteria, no scores, no sections: the nominee, the verdict and the signatures alone")
    func smallest() throws {
        let outline = try Self.outline(yaml: Self.small)
        #expect(Self.sections(outline).map(\.kind) == [.nominees, .verdict])
        #expect(outline.blocks.count == 3)
        let nominees = try #require(Self.section(.nominees, in: outline))
        guard nominees.blocks.count == 1, case .section(let only) = nominees.blocks[0] else { Issue.record("\(nominees.blocks)"); return }
        #expect(only.heading == "1. The Only One")
        #expect(only.blocks == [.distinction(ReportDistinction(kind: .winner, label: "Winner")), .summary("Alone on the shortlist.")])
        #expect(outline.title.title == "Small Prize 2024", "award and year stand for a missing title (no period)")
        #expect(outline.title.overline == "Jury report", "the report's name above it")
        let signatures = try #require(Self.signatures(outline))
        #expect(signatures.line == nil && signatures.heading == "Jury" && signatures.placeAndDate == "17 May 2024")
    }

    @Test("place and date: both, the place alone, neither")
    func placeAndDate() throws {
        let withPlace = Self.small.replacingOccurrences(of: "date: 2024-05-17 }", with: "date: 2024-05-17, place: Utrecht }")
        #expect(try Self.signatures(Self.outline(yaml: withPlace))?.placeAndDate == "Utrecht, 17 May 2024")
        let placeOnly = Self.small.replacingOccurrences(of: "date: 2024-05-17 }", with: "place: Utrecht }")
        #expect(try Self.signatures(Self.outline(yaml: placeOnly))?.placeAndDate == "Utrecht")
        let neither = Self.small.replacingOccurrences(of: ", date: 2024-05-17 }", with: " }")
        #expect(try Self.signatures(Self.outline(yaml: neither))?.placeAndDate == nil)
    }

    @Test("the bundled edition: Dutch labels, no standings, every anchor unique")
    func bundled() throws {
        let outline = try Self.outline(fixture: "pro-motor-award-2019-2020.yaml")
        #expect(Self.section(.standings, in: outline) == nil)
        #expect(Self.section(.nominees, in: outline)?.heading == "Genomineerden")
        var anchors: [String] = []
        func collect(_ blocks: [ReportBlock]) {
            for case .section(let section) in blocks {
                anchors.append(section.anchor)
                collect(section.blocks)
            }
        }
        collect(outline.blocks)
        #expect(anchors.count > 5 && Set(anchors).count == anchors.count, "\(anchors)")
        #expect(anchors.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } })
    }

    @Test("a title that names the award and the period: no line above it, the period not again under it")
    func titleSaysItAll() throws {
        let outline = try Self.outline(fixture: "pro-motor-award-2019-2020.yaml")
        // "Juryrapport Pro-Motor Award 2019-2020" holds "Pro-motor Award" (case aside) and the period.
        #expect(outline.title.title == "Juryrapport Pro-Motor Award 2019-2020")
        #expect(outline.title.overline == nil)
        #expect(outline.title.edition == ["Editie 4"])
        #expect(outline.title.runningEdition == ["Editie 4", "2019-2020"], "the running header still has both")
        // A title that names neither keeps both around it.
        let yaml = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  number: 3\n", with: "  number: 3\n  title: Data for everyone\n")
        let other = try Self.outline(yaml: yaml).title
        #expect(other.overline == "Open Data Award" && other.edition == ["Edition 3", "2024-2025"])
    }

    @Test("key figures: numbers right, a text value left; a column of numbers right as a whole")
    func keyFigureSides() throws {
        let outline = try Self.outline(fixture: "pro-motor-award-2019-2020.yaml")
        let nominees = try #require(Self.section(.nominees, in: outline))
        let tables = nominees.blocks.flatMap { block -> [ReportTable] in
            guard case .section(let nominee) = block else { return [] }
            return Self.tables(nominee.blocks).filter { $0.kind == .keyFigures }
        }
        let mixed = try #require(tables.first { table in table.rows.contains { Self.text($0.cells)[1] == "een half jaar tot een jaar" } })
        #expect(mixed.columns[1].alignment == .leading, "a column with text keeps left where only columns align")
        for row in mixed.rows {
            let isNumber = Double(Self.text(row.cells)[1]) != nil
            #expect(mixed.alignment(row: row, column: 1) == (isNumber ? .trailing : .leading), "\(Self.text(row.cells))")
        }
        let numeric = try #require(tables.first { table in table.rows.allSatisfy { Double(Self.text($0.cells)[1]) != nil } })
        #expect(numeric.columns[1].alignment == .trailing && numeric.rows.allSatisfy { $0.alignments.isEmpty })
    }

    @Test("French: the mentions joined with a no-break space before the semicolon")
    func frenchList() throws {
        let yaml = try String(contentsOf: Paths.edition("languages/fr.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  mentions: [atelier-velo]", with: "  mentions: [atelier-velo, tiers-lieu]")
        let verdict = try #require(Self.section(.verdict, in: Self.outline(yaml: yaml)))
        guard case .details(let opening) = verdict.blocks.first, let mentions = opening.last else { Issue.record("\(verdict.blocks)"); return }
        #expect(Inline.plainText(of: mentions.value).contains("\u{00A0}; "), "\(mentions.value)")
    }

    @Test("a total from fewer jurors than the jury has is named under the standings")
    func fewerJurors() throws {
        let yaml = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  - { juror: alan, nominee: beta, criterion: impact, score: 8 }\n", with: "")
            .replacingOccurrences(of: "  - { juror: alan, nominee: beta, criterion: originality, score: 8 }\n", with: "")
        let table = try #require(Self.tables(Self.section(.standings, in: Self.outline(yaml: yaml))?.blocks ?? []).first as ReportTable?)
        #expect(table.note == "Ranked by the weighted mean of all scores. Scored by fewer than all 2 jurors (how many scored in brackets): Beta Budget Explorer (1).")
    }
}
