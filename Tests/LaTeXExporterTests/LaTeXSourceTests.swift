import Foundation
import JuryReportCore
@testable import LaTeXExporter
import Testing
import TestSupport

/// The `.tex` itself, without an engine.
@Suite("LaTeX source", .onTestPool)
struct LaTeXSourceTests {
    func source(_ edition: Edition, _ options: [(key: String, value: String)] = []) throws -> (String, [String]) {
        let sink = MemoryExportSink(baseName: edition.baseName)
        try LaTeXExporter().export(ExportRequest(edition: edition, options: ExportOptions(options)), to: sink)
        return (String(decoding: try #require(sink.file(suffix: ".tex")), as: UTF8.self), sink.warnings)
    }

    @Test("no input forms a control sequence: every backslash in the body is one we wrote")
    func noInjectedCommands() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        let (tex, _) = try source(edition)
        let body = try #require(tex.components(separatedBy: "\\begin{document}").last)
        // The control words the writer emits; any other would have come from input.
        let allowed: Set<String> = [
            "section", "subsection", "textbackslash", "textasciicircum", "textasciitilde", "textquotedbl",
            "textquotesingle", "textasciigrave", "textless", "textgreater", "textbar", "kern", "emph", "textbf",
            "href", "begin", "end", "textit", "textcolor", "fcolorbox", "parbox", "linewidth", "centering",
            "bfseries", "color", "strut", "par", "toprule", "midrule", "bottomrule", "large", "LARGE", "scshape",
            "vspace", "itshape", "small", "raggedright", "rule", "hspace", "baselineskip", "allowbreak",
            "endhead", "endlastfoot", "addplot", "noindent", "bigskip", "smallskip", "nobreak", "Large",
            "juryreportbreak", "juryreportchar", "juryreportideograph", "thispagestyle", "pdfbookmark", "footnote",
            "nopagebreak", "dimexpr", "relax", "tabcolsep", "raggedleft", "sffamily", "arraybackslash", "mbox",
            "juryreportannouncement", "medskip", "begingroup", "endgroup", "setlength",
        ]
        let words = Set(body.matches(of: /\\([A-Za-z]+)/).map { String($0.output.1) })
        #expect(words.subtracting(allowed).isEmpty, "unexpected: \(words.subtracting(allowed).sorted())")
        #expect(!body.contains("^^"))
        #expect(!body.contains("\\input"))
        #expect(!body.contains("\\write"))
    }

    @Test("emoji, CJK and combining marks: their code for pdflatex, themselves for lualatex, with a warning")
    func unsettable() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        edition.nominees[0].name = "Winner 🏆 日本 e\u{0301}te\u{0301} x\u{0338} \u{200B}zero \u{2212}5"
        let (tex, warnings) = try source(edition)
        // NFC first: e + U+0301 becomes é; x + U+0338 has no composed form, so the mark is
        // written for each engine: its code for pdflatex, itself for lualatex. A zero-width
        // space is a place to break, never printed.
        #expect(tex.contains(
            "Winner \\juryreportchar{[U+1F3C6]}{🏆} \\juryreportideograph{[U+65E5]}{日}\\juryreportideograph{[U+672C]}{本} été x\\juryreportchar{[U+0338]}{\u{0338}} "))
        #expect(tex.contains("\\hspace{0pt}zero \\juryreportchar{[U+2212]}{\u{2212}}5"))
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("U+1F3C6") == true)
        #expect(warnings.first?.contains("lualatex sets them") == true)
    }

    @Test("no source line is longer than TeX can read")
    func longLines() throws {
        var edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        edition.nominees[0].name = String(repeating: "x", count: 300_000)
        edition.nominees[1].summary = String(repeating: "word ", count: 100_000)
        let (tex, _) = try source(edition)
        let longest = tex.split(separator: "\n").map(\.utf8.count).max() ?? 0
        #expect(longest < 10_000)
    }

    @Test("bad option values are refused", arguments: [("papersize", "a5"), ("fontsize", "14pt"), ("engine", "xelatex"), ("pdf", "maybe")])
    func badOptions(key: String, value: String) throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        #expect(throws: ExportOptionError.self) { try source(edition, [(key, value)]) }
    }

    @Test("the same source on every run")
    func reproducible() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.yaml"))
        #expect(try source(edition).0 == source(edition).0)
    }

    @Test("#24.8: the machine's fallbacks: the font with most of the missing characters first, by name between equals; Type 1 and odd names left out")
    func machineFallbackChoice() {
        let listing = """
            Noto Sans Wancho\tTrueType\t1e2c0-1e2f9 1e2ff
            Noto Sans Wancho\tTrueType\t20
            Big Font\tCFF\t1c50-1c7f 2d30-2d67
            Another Big Font\tCFF\t1c50-1c7f 2d30-2d67
            Type One\tType 1\t1e2c0-1e2ff
            Odd "Name\tTrueType\t1e2c0-1e2ff
            \tTrueType\t1e2c0-1e2ff
            """
        let coverage = FontCoverage(listing: listing)
        #expect(coverage.families.map(\.name) == ["Another Big Font", "Big Font", "Noto Sans Wancho"])
        let missing: Set<Unicode.Scalar> = ["\u{1E2C0}", "\u{1E2FF}", "\u{1C5A}", "\u{2D30}", "\u{2D31}", "\u{10000}"]
        // Three from the big fonts (the first by name), two from Wancho; U+10000 from none.
        #expect(coverage.fallbacks(for: missing) == ["Another Big Font", "Noto Sans Wancho"])
        #expect(coverage.contains("\u{20}", inAnyOf: ["Noto Sans Wancho"]))
        #expect(!coverage.contains("\u{1E2C0}", inAnyOf: ["Big Font"]))
        #expect(coverage.fallbacks(for: []) == [])
    }

    @Test("a gzip file as gzip writes it (with or without its name) is inflated to its bytes; a cut or damaged one is refused; other bytes pass as they are")
    func gzipInflating() throws {
        // Text and a stretch of random bytes, so that both kinds of deflate block occur.
        var generator = SystemRandomNumberGenerator()
        let original = Array(String(repeating: "\\usepackage{hyperref} % the packages part\n", count: 5_000).utf8)
            + (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let directory = try Paths.temporaryDirectory("gzip")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("juryreport_preamble.fmt")
        try Data(original).write(to: file)
        for arguments in [["-c", "-n", "-1"], ["-c", "-9", "--name"]] {
            let zipped = try ProcessRunner.run(tool: "gzip", arguments + [file.path])
            #expect(zipped.status == 0, "\(zipped.standardError)")
            let compressed = zipped.standardOutput
            #expect(compressed.prefix(2) == [0x1F, 0x8B] && compressed.count < original.count)
            #expect(GzipFile.contents(of: compressed) == original, "\(arguments)")
            #expect(GzipFile.contents(of: Array(compressed.dropLast(9))) == nil, "cut short")
            #expect(GzipFile.contents(of: Array(compressed.prefix(compressed.count / 2))) == nil, "cut in half")
            var damaged = compressed
            damaged[compressed.count - 2] ^= 0xFF
            #expect(GzipFile.contents(of: damaged) == nil, "its length not the one written")
        }
        #expect(GzipFile.contents(of: original) == original, "not gzip: as it is")
        #expect(GzipFile.contents(of: [0x1F, 0x8B]) == [0x1F, 0x8B])
    }

    @Test("text below U+0300 is its own canonical composition, as the escaping takes it without normalizing; with a combining mark it is composed")
    func compositionShortcut() {
        let below = (0..<0x300).compactMap(Unicode.Scalar.init)
        var generator = SystemRandomNumberGenerator()
        var changed: [String] = []
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &generator) { text.unicodeScalars.append(below.randomElement(using: &generator)!) }
            if text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) == false { changed.append(text) }
        }
        for scalar in below where String(scalar).precomposedStringWithCanonicalMapping != String(scalar) { changed.append(String(scalar)) }
        let count = changed.count
        #expect(count == 0, "\(changed.prefix(5).map { Array($0.unicodeScalars) })")
        var text = LaTeXText()
        #expect(text.escape("Cafe\u{301}", typeset: false) == "Café")
    }
}
