import Foundation
import JuryReport
import Testing
import TestSupport

// The code of the DocC article "Writing an exporter", verbatim: compiled and run here, and
// checked against the article by `articleCode` below so the two cannot drift apart.

// BEGIN ARTICLE: exporter

struct PressReleaseExporter: Exporter {
    let format = ExportFormat(name: "press", fileSuffixes: [".press.txt"], summary: "a plain-text press release")

    func files(for options: ExportOptions) -> [PlannedFile]? { [.text(".press.txt")] }

    func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let edition = request.edition
        try sink.writeFile(suffix: ".press.txt") { output in
            try output.write(request.vocabulary.documentTitle(of: edition) + "\n\n")
            if let winner = request.references.winner {
                try output.write("\(request.vocabulary.winner): \(edition.nominees[winner].name)\n")
            }
        }
    }
}
// END ARTICLE

@Suite("The DocC article's code", .onTestPool)
struct WritingAnExporterTests {
    @Test("the article's exporter and run code compile and write the press release")
    func run() async throws {
        let directory = try Paths.temporaryDirectory("article")
        defer { try? FileManager.default.removeItem(at: directory) }
        let editionFile = Paths.edition("scored.yaml").path
        let outputDirectory = directory.appendingPathComponent("out")
        // BEGIN ARTICLE: run
        let pipeline = ExportPipeline(registry: try BuiltInExporters.registry(adding: [PressReleaseExporter()]))
        let selection = try pipeline.select(formats: ["press", "md"], options: ExportOptions())
        let edition = try pipeline.loader.load(.file(path: editionFile))
        let exported = try await pipeline.run([edition], selection, to: .directory(outputDirectory))
        for file in exported.flatMap(\.files) { print(file.name) }
        // END ARTICLE
        let press = try String(contentsOf: directory.appendingPathComponent("out/open-data-award-2025.press.txt"), encoding: .utf8)
        #expect(press == "Jury report Open Data Award 2024-2025\n\nWinner: Alpha Transit Maps\n")
    }

    @Test("every Swift block of the article is in this file, character for character")
    func articleCode() throws {
        let article = try String(contentsOf: Paths.packageRoot.appendingPathComponent(
            "Sources/JuryReportCore/JuryReportCore.docc/WritingAnExporter.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 4)
        // The exporter (its import is this file's), and the run code as indented above.
        let exporter = blocks[1].replacingOccurrences(of: "import JuryReport\n", with: "")
        #expect(source.contains("// BEGIN ARTICLE: exporter\n" + exporter + "// END ARTICLE"))
        let run = blocks[2].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
        #expect(source.contains("// BEGIN ARTICLE: run\n" + run + "\n        // END ARTICLE"))
    }
}
