import Foundation
import Testing
import TestSupport

/// #13.6: the organizer's logo and accent colour in the PDF, the HTML page and the workbook,
/// byte-reproducible; a missing or wrong logo and a malformed colour refused.
@Suite("House style: logo and accent", .onTestPool)
struct BrandingTests {
    static let edition = Paths.edition("branding/branded.yaml")
    static let logo = Paths.edition("branding/logo.png")

    @Test(
        "the logo on the PDF's title block, the HTML page and the workbook's first sheet, the accent on headings and header rows, the same bytes twice",
        .requires(.poppler, .pdflatex, .lualatex, .openpyxl))
    func branded() throws {
        let directory = try Paths.temporaryDirectory("branding")
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [URL] = []
        for run in ["first", "second"] {
            let out = directory.appendingPathComponent(run)
            let result = try ProcessRunner.juryreport(["export", Self.edition.path, "--option", "pdf=true", "-o", out.path])
            try #require(result.status == 0, "\(result.standardError)")
            outputs.append(out)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: outputs[0].path).sorted()
        #expect(names.contains("groene-stad-prijs-2025.logo.png"), "the logo beside the .tex, which names it")
        for name in names {
            #expect(
                try Data(contentsOf: outputs[0].appendingPathComponent(name)) == Data(contentsOf: outputs[1].appendingPathComponent(name)),
                "\(name) differs between runs")
        }
        let base = outputs[0].appendingPathComponent("groene-stad-prijs-2025")
        let logo = try Data(contentsOf: Self.logo)
        #expect(try Data(contentsOf: outputs[0].appendingPathComponent("groene-stad-prijs-2025.logo.png")) == logo)

        // The PDF: one image, 120 × 40 pixels, on the first page; headings in the accent.
        let images = try ProcessRunner.run(tool: "pdfimages", ["-list", base.appendingPathExtension("pdf").path]).output
        let rows = images.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 1 && rows.first?[0] == "1" && rows.first?[3] == "120" && rows.first?[4] == "40", "\(images)")
        let tex = try String(contentsOf: base.appendingPathExtension("tex"), encoding: .utf8)
        #expect(tex.contains("\\definecolor{accent}{HTML}{1B7F3B}") && tex.contains("\\textcolor{accent}{Genomineerden}"))

        // The page: the logo inline, as the same bytes, described; the accent in its style.
        let html = try String(contentsOf: base.appendingPathExtension("html"), encoding: .utf8)
        let source = try #require(html.firstMatch(of: /<img class="logo" src="data:image\/png;base64,([A-Za-z0-9+\/=]+)" alt="([^"]*)">/))
        #expect(Data(base64Encoded: String(source.output.1)) == logo)
        #expect(source.output.2 == "Stichting Groene Stad")
        #expect(html.contains("img-src data:"), "the page's policy lets the inline image show, and nothing else load")
        // The house colour on the report's headings, not on every nominee's: the winner's
        // heading alone among them takes the winner's colour.
        #expect(html.contains("h1, h2 { color: #1B7F3B; }") && html.contains("--link: #1B7F3B"))

        // The workbook: the logo on the first sheet, the header rows in a tint of the accent.
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            first = book.worksheets[0]
            print(json.dumps({"images": [len(sheet._images) for sheet in book.worksheets],
                              "fill": first["A1"].fill.fgColor.rgb}))
            """
        struct Book: Decodable { var images: [Int]; var fill: String }
        let read = try ProcessRunner.run(tool: "python3", ["-c", script, base.appendingPathExtension("xlsx").path])
        let book = try JSONDecoder().decode(Book.self, from: Data(read.standardOutput))
        #expect(book.images.first == 1 && book.images.dropFirst().allSatisfy { $0 == 0 }, "\(book.images)")
        // 30 % of #1B7F3B over white.
        #expect(book.fill == "FFBBD9C4", "\(book.fill)")
    }

    @Test("a missing logo, a file that is not an image and a malformed colour are refused, naming the field")
    func faults() throws {
        let directory = try Paths.temporaryDirectory("branding-faults")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Self.edition, encoding: .utf8)
        try Data("not an image".utf8).write(to: directory.appendingPathComponent("notes.png"))
        let cases = [
            ("logo: logo.png", "logo: missing.png", "branding.logo: no such file: '\(directory.path)/missing.png' (the path is relative to the edition file)"),
            ("logo: logo.png", "logo: notes.png", "branding.logo: '\(directory.path)/notes.png' is not a PNG, JPEG or PDF file"),
            ("accent: \"#1b7f3b\"", "accent: \"#1b7f3\"", "branding.accent: expected a colour as #RRGGBB, such as '#1B7F3B', found '#1b7f3'"),
        ]
        for (original, changed, message) in cases {
            let file = directory.appendingPathComponent("edition.yaml")
            var edited = text.replacingOccurrences(of: original, with: changed)
            if original.hasPrefix("accent") { edited = edited.replacingOccurrences(of: "logo: logo.png", with: "logo: \(Self.logo.path)") }
            try Data(edited.utf8).write(to: file)
            let out = directory.appendingPathComponent("out")
            let result = try ProcessRunner.juryreport(["export", file.path, "-f", "html", "-o", out.path])
            #expect(result.status == 65, "\(changed): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
        }
    }
}
