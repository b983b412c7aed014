import CSVExporter
import Foundation
import JuryReportCore
import Testing
import TestSupport

@Suite("CSV escaping, any string", .onTestPool, .requires(.python3))
struct CSVEscapingPropertyTests {
    @Test("random strings read back unchanged by Python's csv module, with either delimiter", arguments: [1, 2, 3] as [UInt64])
    func randomStrings(seed: UInt64) throws {
        var random = RandomText(seed: seed)
        let edition = random.edition(count: 200)
        let directory = try Paths.temporaryDirectory("csv-property")
        defer { try? FileManager.default.removeItem(at: directory) }
        for delimiter in [",", ";"] {
            let sink = try DirectoryExportSink(directory: directory, baseName: edition.baseName) { _ in }
            let options = ExportOptions([("formula-guard", "false"), ("delimiter", delimiter)])
            try CSVExporter().export(ExportRequest(edition: edition, options: options), to: sink)
            try sink.commit()
            let rows = try IndependentReaders.csv(directory.appendingPathComponent(edition.baseName + ".nominees.csv"), delimiter: delimiter).rows
            #expect(rows.dropFirst().map { $0[2] } == edition.nominees.map(\.name))
            #expect(rows.dropFirst().map { $0[3] } == edition.nominees.map { $0.lead! })
        }
    }
}
