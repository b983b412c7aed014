import Foundation
import JuryReportCore
import Testing
import TestSupport
@testable import XLSXExporter

/// LibreOffice recalculates the workbook's formulas on load; its totals and ranks must equal
/// the core's standings.
@Suite(
    "XLSX recalculated by LibreOffice", .onTestPool,
    .requires(.libreOffice, .openpyxl))
struct XLSXLibreOfficeTests {
    static func expected(_ edition: Edition) -> (totals: [Double?], ranks: [Double?]) {
        let standings = Standings(edition)
        return (
            edition.nominees.map { standings.entry(for: $0.id)?.total },
            edition.nominees.map { standings.entry(for: $0.id).map { Double($0.rank) } }
        )
    }

    /// Equal, or within rounding of the last bit (LibreOffice sums in another order).
    static func close(_ lhs: [Double?], _ rhs: [Double?]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (a, b) in zip(lhs, rhs) {
            switch (a, b) {
            case (nil, nil): continue
            case let (a?, b?) where abs(a - b) <= 1e-12 * max(1, abs(b)): continue
            default: return false
            }
        }
        return true
    }

    static func recalculated(_ url: URL, in directory: URL) throws -> (totals: [Double?], ranks: [Double?], nomineeRanks: [Double?]) {
        let converted = try IndependentReaders.libreOfficeRecalculate(url, in: directory)
        let book = try IndependentReaders.xlsx(converted, values: true)
        let scores = book.sheet("Scores").dropFirst(3)
        let nominees = book.sheet(book.order[1]).dropFirst()
        return (scores.map { number($0[6]) }, scores.map { number($0[7]) }, nominees.map { number($0[10]) })
    }

    @Test("the exported workbook, recalculated, gives the core's standings")
    func exported() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let directory = try Paths.temporaryDirectory("xlsx-recalc")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (url, _) = try exportXLSX(edition, into: directory)
        let result = try Self.recalculated(url, in: directory)
        let expected = Self.expected(edition)
        #expect(Self.close(result.totals, expected.totals), "\(result.totals) vs \(expected.totals)")
        #expect(result.ranks == expected.ranks)
        #expect(result.nomineeRanks == expected.ranks)
        // The per-criterion means and the spread, recalculated, are the ones written.
        let converted = try IndependentReaders.xlsx(directory.appendingPathComponent("converted/\(url.lastPathComponent)"), values: true)
        let written = try IndependentReaders.xlsx(url, values: true)
        let spread = { (book: IndependentReaders.Workbook) in book.sheet("Scores").dropFirst(3).map { row in row[8...11].map(number) } }
        #expect(spread(converted) == spread(written), "\(spread(converted))")
        #expect(spread(written).first == [9, 8.5, 8, 9])
    }

    /// The edition's workbook plan with every formula's cached result -1, so that only a
    /// recalculation gives the figures.
    static func poisoned(_ edition: Edition) -> WorkbookPlan {
        var plan = WorkbookPlanner(request: ExportRequest(edition: edition)).plan()
        for index in plan.sheets.indices {
            let row = plan.sheets[index].row
            plan.sheets[index].row = { rowIndex in
                row(rowIndex).map { cell in
                    guard case .formula(let formula, _) = cell.value else { return cell }
                    return Cell(value: .formula(formula, result: .number(-1)), style: cell.style)
                }
            }
        }
        return plan
    }

    @Test("with wrong cached results, LibreOffice's recalculation still gives the standings")
    func poisonedCaches() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        // Without criteria too, and with a missing score: the mean is over the scores present.
        edition.scores.removeAll { $0.juror == "alan" && $0.nominee == "delta" && $0.criterion == "impact" }
        let plan = Self.poisoned(edition)
        let directory = try Paths.temporaryDirectory("xlsx-recalc")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("poisoned.xlsx")
        _ = try XLSXWorkbook().write(plan, to: url.path)
        #expect(try IndependentReaders.xlsx(url, values: true).sheet("Scores").dropFirst(3).allSatisfy { number($0[7]) == -1 })
        let result = try Self.recalculated(url, in: directory)
        let expected = Self.expected(edition)
        let delta: Double? = 5.75  // (2*6 + 6 + 5) / (2 + 1 + 1): the three scores left
        #expect(expected.totals[3] == delta)
        #expect(Self.close(result.totals, expected.totals), "\(result.totals) vs \(expected.totals)")
        #expect(result.ranks == expected.ranks)
        #expect(result.nomineeRanks == expected.ranks)
    }

    @Test("#29: the jury at work and the differences, every cached result poisoned, recalculated by LibreOffice: the core's figures, CORREL included; zscore's totals rank live")
    func juryAtWork() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored-lenient.yaml"))
        let directory = try Paths.temporaryDirectory("xlsx-recalc")
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = Self.poisoned(edition)
        let url = directory.appendingPathComponent("poisoned.xlsx")
        _ = try XLSXWorkbook().write(plan, to: url.path)
        let converted = try IndependentReaders.xlsx(try IndependentReaders.libreOfficeRecalculate(url, in: directory), values: true)
        #expect(try IndependentReaders.xlsx(url, values: true).sheet("Jury at work").dropFirst(3).allSatisfy { number($0[7]) == -1 })
        let statistics = JuryStatistics(edition)
        // W, a value: the three jurors order Alpha, Gamma and Delta alike (Beta, recused, is out).
        #expect(statistics.agreement?.w == 1 && statistics.agreement?.nominees == 3 && statistics.agreement?.jurors == 3)
        #expect(number(converted.sheet("Jury at work")[1][1]) == 1)
        let rows = Array(converted.sheet("Jury at work").dropFirst(3))
        #expect(rows.count == 3)
        for (row, juror) in zip(rows, statistics.jurors) {
            let recalculated: [Double?] = (1...7).map { number(row[$0]) }
            let expected: [Double?] = [Double(juror.count), juror.mean, juror.spread, juror.lowest, juror.highest, juror.leniency, juror.correlation]
            #expect(Self.close(recalculated, expected), "\(recalculated) vs \(expected)")
        }
        // Grace (lenient) sits above the jury's mean, Ada and Alan below; each agrees with the rest.
        let lenient: [Bool] = statistics.jurors.map { ($0.leniency ?? 0) > 0 }
        #expect(lenient == [false, false, true])
        #expect(statistics.jurors.allSatisfy { $0.correlation != nil })
        let differences = Array(converted.sheet("Differences").dropFirst())
        #expect(differences.count == 4)
        for (row, nominee) in zip(differences, statistics.nominees) {
            let recalculated: [Double?] = [number(row[2]), number(row[3])]
            #expect(Self.close(recalculated, [Double(nominee.count), nominee.spread]), "\(recalculated)")
        }
        // The score sheet: raw total, zscore's total (a value), and the live rank of the latter.
        let scores = converted.sheet("Scores").dropFirst(3).prefix(4)
        let ranks: [Double?] = scores.map { number($0[10]) }
        #expect(ranks == [1, 2, 3, 4], "ranked by the standardized totals: Beta second")
        let raw: [Double?] = scores.map { number($0[8]) }
        let expectedRaw: [Double?] = [83.0 / 9, 47.0 / 6, 76.0 / 9, 65.0 / 9]
        #expect(Self.close(raw, expectedRaw), "the raw totals, recalculated")
    }
}
