import Foundation
import JuryReportCore
import Testing
import TestSupport

/// Fair standings (#29): each scoring method, the report naming it, the jury at work in the
/// workbook, and all of it against an independent computation (Python's statistics module
/// over the exported CSV tables, the workbook read by openpyxl).
@Suite("Scoring methods: the standings by mean, trimmed, zscore and median, checked independently", .onTestPool)
struct ScoringMethodTests {
    /// The shapes of grid the methods must handle, each made for every method.
    enum Shape: String, CaseIterable {
        /// Six jurors scoring every nominee on two criteria (trimmed trims everywhere).
        case complete
        /// Six jurors, two recused from a nominee each.
        case recusals
        /// Five jurors, some scores missing (trimmed keeps some criteria whole).
        case missing
        /// One juror, no criteria.
        case oneJuror = "one-juror"
        /// Four jurors, one of whom gives every nominee the same score (zscore leaves them out).
        case flatJuror = "flat-juror"
    }

    /// A generated edition: `nominees` nominees, the shape's jury and scores from a fixed
    /// generator (so every run checks the same numbers), the method named.
    static func edition(_ shape: Shape, method: Scoring.Method, year: Int) -> [String: Any] {
        var generator = SplitMix(seed: UInt64(year))
        let jurorCount: Int
        let criteria: [[String: Any]]
        switch shape {
        case .complete, .recusals: jurorCount = 6
        case .missing: jurorCount = 5
        case .oneJuror: jurorCount = 1
        case .flatJuror: jurorCount = 4
        }
        criteria = shape == .oneJuror ? [] : [["id": "impact", "name": "Impact", "weight": 2], ["id": "craft", "name": "Craft", "weight": 0.5]]
        let nominees = (1...9).map { ["id": "n\($0)", "name": "Nominee \($0)"] }
        let jury = (1...jurorCount).map { ["id": "j\($0)", "name": "Juror \($0)"] }
        var recusals: [[String: Any]] = []
        if shape == .recusals { recusals = [["juror": "j2", "nominee": "n3"], ["juror": "j5", "nominee": "n7"]] }
        var scores: [[String: Any]] = []
        for juror in 1...jurorCount {
            // Each juror a scale of their own: a leniency of -2 to +2.
            let leniency = Double(juror % 5) - 2
            for nominee in 1...9 {
                if recusals.contains(where: { $0["juror"] as? String == "j\(juror)" && $0["nominee"] as? String == "n\(nominee)" }) { continue }
                for criterion in criteria.isEmpty ? [nil] : criteria.map({ $0["id"] as? String }) {
                    if shape == .missing && generator.next() % 7 == 0 { continue }
                    var score = (Double(nominee % 4) + Double(generator.next() % 5) + leniency + 3).rounded()
                    if shape == .flatJuror && juror == 4 { score = 7 }
                    // Halves, as jurors give them.
                    if generator.next() % 3 == 0 { score += 0.5 }
                    var entry: [String: Any] = ["juror": "j\(juror)", "nominee": "n\(nominee)", "score": min(10, max(1, score))]
                    if let criterion { entry["criterion"] = criterion }
                    scores.append(entry)
                }
            }
        }
        return [
            "format": "jury-report/1",
            "award": ["name": "Generated Award", "slug": "generated-\(shape.rawValue)-\(method.rawValue)"],
            "edition": ["year": year, "language": "en", "date": "\(year)-06-30"],
            "criteria": criteria, "nominees": nominees, "verdict": ["winner": "n1"], "jury": jury, "scores": scores,
            "recusals": recusals, "scoring": ["method": method.rawValue],
        ]
    }

    /// A small deterministic generator (SplitMix64), so the generated scores never change.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Checked: Decodable {
        var checked: Int
        var mismatches: [String]
    }

    @Test(
        "every method on every generated edition, and the lenient fixture: totals, ranks, the jury's figures and W equal Python's statistics to 1e-9",
        .requires(.openpyxl))
    func independent() throws {
        let directory = try Paths.temporaryDirectory("scoring")
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = [Paths.edition("scored-lenient.yaml").path]
        var year = 2001
        for shape in Shape.allCases {
            for method in Scoring.Method.allCases {
                files.append(try TestEdition.write(Self.edition(shape, method: method, year: year), as: "\(shape)-\(method).json", in: directory).path)
                year += 1
            }
        }
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export"] + files + ["--format", "csv,json,xlsx", "-o", out.path, "-q"])
        #expect(result.status == 0, "\(result.standardError)")
        let checked = try IndependentReaders.run("check_scoring.py", [out.path], as: Checked.self)
        #expect(checked.mismatches.isEmpty, "\(checked.mismatches.prefix(20))")
        // 21 editions, each with at least its nominees' totals and ranks and the jury's figures.
        #expect(checked.checked > 21 * 20, "\(checked.checked) figures checked")
    }

    @Test("the lenient juror recused from Beta: mean puts Gamma second, zscore Beta, and every report names its method")
    func lenientJuror() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored-lenient.yaml"))
        #expect(edition.scoring.method == .zscore)
        let zscore = Standings(edition)
        edition.scoring.method = .mean
        let mean = Standings(edition)
        #expect(mean.ranked.map(\.nomineeID) == ["alpha", "gamma", "beta", "delta"])
        #expect(zscore.ranked.map(\.nomineeID) == ["alpha", "beta", "gamma", "delta"])
        // The raw totals are the same under either method; zscore's stay on their range.
        #expect(zscore.ranked.map(\.rawTotal).sorted() == mean.ranked.map(\.total).sorted())
        #expect(zscore.entry(for: "alpha")?.total == mean.entry(for: "alpha")?.total)
        #expect(zscore.entry(for: "delta")?.total == mean.entry(for: "delta")?.total)

        let directory = try Paths.temporaryDirectory("scoring-report")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.juryreport([
            "export", Paths.edition("scored-lenient.yaml").path, "--format", "md,html,docx", "-o", directory.path, "-q",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        // cmark-gfm reads the note as an emphasized paragraph after the standings table.
        let markdown = try CommonMarkReader.parse([UInt8](Data(contentsOf: directory.appendingPathComponent("open-data-award-2025.md"))))
        let notes = markdown.descendants("emph").map(\.text)
        #expect(notes.contains { $0.hasPrefix("Ranked by standardized scores: each juror's scores") }, "the Markdown names the method: \(notes)")
        let html = try String(contentsOf: directory.appendingPathComponent("open-data-award-2025.html"), encoding: .utf8)
        #expect(html.contains("<p class=\"table-note\">Ranked by standardized scores"), "the page names the method")
    }

    @Test("a tie in first place under the chosen method: validate warns that the winner rests on the jury's decision")
    func tieInFirstPlace() throws {
        let directory = try Paths.temporaryDirectory("scoring-tie")
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = TestEdition.document(names: ["One", "Two", "Three"])
        document["jury"] = [["id": "j1", "name": "Juror One"], ["id": "j2", "name": "Juror Two"]]
        document["scores"] = [
            ["juror": "j1", "nominee": "n1", "score": 8], ["juror": "j2", "nominee": "n1", "score": 6],
            ["juror": "j1", "nominee": "n2", "score": 6], ["juror": "j2", "nominee": "n2", "score": 8],
            ["juror": "j1", "nominee": "n3", "score": 5], ["juror": "j2", "nominee": "n3", "score": 5],
        ]
        document["scoring"] = ["method": "median"]
        let file = try TestEdition.write(document, in: directory)
        let result = try ProcessRunner.juryreport(["validate", file.path])
        #expect(result.status == 0)
        #expect(
            result.standardError.contains("the winner 'n1' shares the first rank with 'n2' by the scores (scoring 'median'): the choice rests on the jury's decision"),
            "\(result.standardError)")
    }
}
