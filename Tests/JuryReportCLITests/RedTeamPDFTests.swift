import Foundation
import Testing
import TestSupport

/// #16.9, #16.12, #16.16: long text, dates outside 1970–2038 and rare glyphs in the PDF of
/// both engines, each engine in one export of two editions.
@Suite("PDF at the limits", .onTestPool, .requires(.poppler, .pdflatex, .lualatex), .serialized)
struct RedTeamPDFTests {
    static let word = String(repeating: "abcdefghij", count: 15)
    static let address = "https://e.org/" + String(repeating: "klmnopqrst", count: 15)
    static let glyphs = "‱ ⁒ ₦ ₱ ℗ ℞ ℠ ℧"
    static let longName = String(repeating: "Longname ", count: 4_445)

    /// Words of the PDF with their right edge, and the page width, from pdftotext -bbox.
    static func rightEdges(_ pdf: URL) throws -> (width: Double, words: [(String, Double)]) {
        let result = try ProcessRunner.run(tool: "pdftotext", ["-bbox", pdf.path, "-"])
        let html = result.output
        let width = Double(html.firstMatch(of: /<page width="([0-9.]+)"/)?.1 ?? "") ?? 0
        let words = html.matches(of: /xMax="([0-9.]+)"[^>]*>([^<]*)</).map { (String($0.2), Double($0.1) ?? 0) }
        return (width, words)
    }

    @Test("long words, addresses and names break inside the page; dates and glyphs copy out as given", arguments: TeXEngines.all)
    func limits(engine: String) throws {
        let directory = try Paths.temporaryDirectory("red-pdf-\(engine)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var long = TestEdition.document(nominees: [
            ["name": "Glyphs \(Self.glyphs) ẞ", "url": "https://e.org/" + String(repeating: "€", count: 26_000)],
            ["name": Self.longName],
            ["name": "Words", "summary": "see \(Self.word) and \(Self.address) end", "url": Self.address],
        ])
        long["award"] = ["name": "Long", "slug": "long"]
        // A title and a chair's name of one long run: escaped with break points, which the
        // PDF's metadata (title, author) must take too.
        long["edition"] = ["year": 2050, "date": "2050-06-30", "title": "Title \(Self.word)"]
        long["jury"] = [["id": "j1", "name": Self.word, "chair": true]]
        long["scores"] = ["n1", "n2", "n3"].enumerated().map { ["juror": "j1", "nominee": $1, "score": 5 + $0] }
        var early = TestEdition.document(names: ["N"])
        early["award"] = ["name": "Early", "slug": "early"]
        early["edition"] = ["year": 1850, "date": "1850-06-30"]
        let paths = [try TestEdition.write(long, as: "long.json", in: directory), try TestEdition.write(early, as: "early.json", in: directory)]
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export"] + paths.map(\.path) + ["-f", "latex", "--option", "pdf=true", "--option", "engine=\(engine)", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("1 address is over 2000 characters encoded and shown as text"))

        let pdf = out.appendingPathComponent("long-2050.pdf")
        let text = try PDFTools.text(pdf)
        let squeezed = PDFTools.squeezed(text)
        let whole = [Self.word, Self.address, Self.longName, String(repeating: "€", count: 26_000)].map {
            squeezed.contains(PDFTools.squeezed($0))
        }
        // The 150-letter word, the long address, the 40,000-character name, the 26,000-character URL.
        #expect(whole == [true, true, true, true])
        // #16.16: these copy out as themselves; ẞ, which Latin Modern sets as SS, is replaced
        // visibly under pdflatex and set from a fallback font (DejaVu) under lualatex.
        #expect(text.contains("Glyphs \(Self.glyphs) \(engine == "pdflatex" ? "[U+1E9E]" : "ẞ")"), "\(text.split(separator: "\n").first { $0.contains("Glyphs") } ?? "")")
        // Nothing runs off the page: every word ends inside it.
        let (width, words) = try Self.rightEdges(pdf)
        try #require(width > 500 && words.count > 1_000)
        let outside = words.filter { $0.1 > width - 20 }
        #expect(outside.isEmpty, "\(outside.prefix(5).map { "\($0.0.prefix(30)) at \($0.1)" })")
        let metadata = try PDFTools.info(pdf)
        #expect(metadata["Title"] == "Title \(Self.word)" && metadata["Author"] == Self.word, "\(metadata)")
        // #16.12: the PDF's dates are the edition's, also after 2038 and before 1970.
        // (pdfinfo's own reading of dates before 1970 is wrong: the raw ones are compared.)
        for (name, date) in [("long-2050", "D:20500630000000Z"), ("early-1850", "D:18500630000000Z")] {
            let info = try ProcessRunner.run(tool: "pdfinfo", ["-rawdates", out.appendingPathComponent("\(name).pdf").path]).output
            #expect(info.contains("CreationDate:    \(date)") && info.contains("ModDate:         \(date)"), "\(name): \(info)")
        }
    }
}
