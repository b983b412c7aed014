import Testing
import TestSupport
@testable import JuryReportCore
@testable import XLSXExporter

@Suite("The key-figures sheet's rows", .onTestPool)
struct FactRowsTests {
    /// Each row names its nominee and figure as the flat list of every nominee's figures
    /// does, nominees without figures (first, last, in a run) taking no row.
    @Test("a row's nominee and figure, found by halving, are the flat list's")
    func rowsAsTheFlatList() {
        let counts = [0, 2, 0, 0, 1, 3, 0, 1, 0]
        let nominees = counts.enumerated().map { index, count in
            Nominee(id: "n\(index)", name: "N\(index)", number: index + 1, facts: (0..<count).map { Fact(label: "F\($0)", value: .number(Double($0))) })
        }
        let flat = nominees.indices.flatMap { nominee in nominees[nominee].facts.indices.map { (nominee, $0) } }
        let rows = FactRows(nominees)
        #expect(rows.count == flat.count)
        #expect(rows.map { $0.0 } == flat.map(\.0))
        #expect(rows.map { $0.1 } == flat.map(\.1))
        // Walked in order (the iterator) and found by halving (the subscript) alike.
        #expect(rows.indices.map { rows[$0].0 } == flat.map(\.0))
        #expect(rows.indices.map { rows[$0].1 } == flat.map(\.1))
        #expect(FactRows([]).isEmpty)
        #expect(FactRows([Nominee(id: "a", name: "A", number: 1)]).isEmpty)
        #expect(Array(FactRows([Nominee(id: "a", name: "A", number: 1)])).isEmpty)
    }

    @Test("a number column is as wide as the numbers' text would make it")
    func numberColumns() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let planner = WorkbookPlanner(request: ExportRequest(edition: edition))
        for numbers in [[1], [9, 10], [-5, 3], [123_456, 7], [], [Int.min + 1, 0], [1_000_000_000_000]] {
            #expect(planner.fit("No.", numbers: numbers) == planner.fit("No.", numbers.map(String.init)), "\(numbers)")
        }
    }
}
