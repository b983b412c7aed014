import Foundation
import JuryReportCore
import LaTeXExporter
import Testing
import TestSupport

/// Builds the PDF of `edition` with `engine` through the exporter; returns the directory's
/// files and the warnings.
func buildPDF(
    _ edition: Edition, engine: String, _ options: [(key: String, value: String)] = [], into directory: URL,
    environment: [String: String] = ProcessInfo.processInfo.environment
) throws -> (tex: URL, pdf: URL, warnings: [String]) {
    var warnings: [String] = []
    let sink = try DirectoryExportSink(directory: directory, baseName: edition.baseName) { warnings.append($0) }
    let request = ExportRequest(
        edition: edition, options: ExportOptions([("pdf", "true"), ("engine", engine)] + options), environment: environment)
    try LaTeXExporter().export(request, to: sink)
    try sink.commit()
    return (
        directory.appendingPathComponent(edition.baseName + ".tex"),
        directory.appendingPathComponent(edition.baseName + ".pdf"), warnings
    )
}

@Suite("LaTeX compiled by pdflatex and lualatex, read back by pdftotext", .onTestPool, .requires(.poppler, .pdflatex, .lualatex))
struct LaTeXPDFTests {
    static let engines = TeXEngines.all

    @Test("the bundled edition: every sentence of the seed, metadata, A4, fonts embedded", arguments: engines)
    func bundled(engine: String) throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("pro-motor-award-2019-2020.yaml"))
        let directory = try Paths.temporaryDirectory("latex-\(engine)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, pdf, warnings) = try buildPDF(edition, engine: engine, into: directory)
        #expect(warnings.isEmpty)
        let text = PDFTools.squeezed(try PDFTools.text(pdf))
        let seed = try String(contentsOf: Paths.seed, encoding: .utf8)
        // The jury's names stand in a signature block, not in the seed's one line.
        for paragraph in seed.components(separatedBy: "\n\n") where !paragraph.hasPrefix("Jacco Vonhof") {
            var plain = paragraph.replacingOccurrences(of: "*", with: "")
            if plain.hasPrefix("#") {
                plain = String(plain.drop { $0 == "#" || $0 == " " })
                if let bracket = plain.range(of: "] ") { plain = String(plain[bracket.upperBound...]) }
            }
            for sentence in plain.components(separatedBy: ". ") where !sentence.isEmpty {
                #expect(text.contains(PDFTools.squeezed(sentence)), "missing: \(sentence)")
            }
        }
        for member in edition.jury { #expect(text.contains(PDFTools.squeezed(member.name))) }
        #expect(text.contains("juryvoorzitter"))
        let info = try PDFTools.info(pdf)
        #expect(info["Title"] == "Juryrapport Pro-Motor Award 2019-2020")
        #expect(info["Author"] == "Jacco Vonhof")
        #expect(info["Subject"] == "meerwaarde van publiek privaatsamenwerken voor mkb")
        #expect(info["Page size"]?.contains("(A4)") == true)
        #expect(info["CreationDate"]?.contains("Jan  1 00:00:00 2020") == true, "the edition's year: \(info["CreationDate"] ?? "")")
        let fonts = try PDFTools.fonts(pdf)
        #expect(!fonts.isEmpty)
        let unembedded = fonts.filter { !$0.embedded }.map(\.name)
        #expect(unembedded.isEmpty)
    }

    @Test("a hostile edition: every character typeset literally, no command run", arguments: engines)
    func hostile(engine: String) throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("hostile.json"))
        let directory = try Paths.temporaryDirectory("latex-\(engine)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, pdf, warnings) = try buildPDF(edition, engine: engine, into: directory)
        let raw = try PDFTools.text(pdf)
        let text = PDFTools.squeezed(raw)
        for sample in HostileText.samples where sample.unicodeScalars.allSatisfy({ $0.value < 0x370 }) && !PDFTools.squeezed(sample).isEmpty {
            #expect(text.contains(PDFTools.squeezed(sample)), "missing: \(sample.debugDescription)")
        }
        // Ligatures kept apart, backticks as typed, quotes as typed or made curly (only white
        // space removed); the straight ones typed are curly by default.
        let spaced = String(raw.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        #expect(Quotes.straightened(spaced).contains(Quotes.straightened("--<<>>,,``''!`?`“quoted”‘single’\"double\"'plain'")))
        #expect(spaced.contains("“quoted”‘single’“double”‘plain’"), "typed quotes set as typographic ones")
        #expect(spaced.contains(#"\input{/etc/passwd}\write18{rm-rf/}^^5c\catcode\end{document}"#))
        #expect(!raw.contains("root:x:0"), "no file was read")
        if engine == "pdflatex" {
            // Greek and Cyrillic have no fonts in stock TeX Live for pdflatex: replaced
            // visibly, and the warning says that lualatex sets them.
            #expect(text.contains("Crèmebrûlée,naïve,Ærø,Łódź,[U+0395][U+03BB]"))
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("U+0395") == true)
            #expect(warnings.first?.contains("lualatex sets them") == true)
        } else {
            // lualatex sets them from DejaVu, a fallback font.
            #expect(text.contains("Crèmebrûlée,naïve,Ærø,Łódź,Ελληνικά,Кириллица"))
            #expect(!text.contains("[U+0395]"))
        }
        let info = try PDFTools.info(pdf)
        #expect(info["Title"] == edition.details.title)
        #expect(info["Author"] == edition.chair?.name)
        #expect(info["Subject"] == edition.details.theme)
        for name in edition.jury.map(\.name) where name.unicodeScalars.allSatisfy({ $0.value < 0x370 }) {
            #expect(text.contains(PDFTools.squeezed(name)), "juror \(name)")
        }
    }

    @Test("a scored edition: standings, chart labels and mention", arguments: engines)
    func scored(engine: String) throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let directory = try Paths.temporaryDirectory("latex-\(engine)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, pdf, _) = try buildPDF(edition, engine: engine, into: directory)
        let text = PDFTools.squeezed(try PDFTools.text(pdf, layout: true))
        #expect(text.contains("Standings"))
        #expect(text.contains("RankNo.NomineeImpactOriginalityTotal"))
        // Rounded to presentation.decimals (default 2), each criterion's mean before the total.
        #expect(text.contains("11AlphaTransitMaps9.008.508.83"))
        #expect(text.contains("22BetaBudgetExplorer8.007.507.83"))
        #expect(text.contains("23GammaAirQuality7.508.507.83"))
        #expect(text.contains("44DeltaProcurementWatch6.505.506.17"))
        #expect(!text.contains("8.833"))
        #expect(text.contains("5EpsilonArchivenotscored"), "the unscored nominee says so")
        #expect(text.contains("Honourablementions:3.GammaAirQuality"))

        // The chart: each value beside its bar's end, on the bar's line, clear of it. The
        // axis' tick labels 0 and 10 give where a value's bar ends.
        let pages = try PDFTools.pages(pdf)
        let page = try #require(pages.first { page in page.words.contains { $0.text == "Total" } && page.words.contains { $0.text == "Watch" } })
        let ticks = page.words.filter { $0.text == "0" || $0.text == "10" }.sorted { $0.yMin > $1.yMin }
        let zero = try #require(ticks.first { $0.text == "0" }), ten = try #require(ticks.first { $0.text == "10" })
        let axis = (zero.xMin + zero.xMax) / 2, unit = ((ten.xMin + ten.xMax) / 2 - axis) / 10
        let labels = page.words.filter { $0.text == "Watch" }.sorted { $0.yMin > $1.yMin }
        let delta = try #require(labels.first, "the chart's label of Delta Procurement Watch")
        let value = try #require(page.words.filter { $0.text == "6.17" }.min { abs($0.yMiddle - delta.yMiddle) < abs($1.yMiddle - delta.yMiddle) })
        #expect(abs(value.yMiddle - delta.yMiddle) < 4, "the value on its bar's line")
        #expect(value.xMin > axis + 6.17 * unit, "the value starts after the bar's end (\(value.xMin) against \(axis + 6.17 * unit))")
        #expect(value.xMin < axis + 6.17 * unit + 12, "and close to it")
        #expect(try PDFTools.info(pdf)["CreationDate"]?.contains("Jun 30 00:00:00 2025") == true)
    }

    @Test("two PDF builds are byte-identical", arguments: engines)
    func reproducible(engine: String) throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let first = try Paths.temporaryDirectory("latex-\(engine)")
        let second = try Paths.temporaryDirectory("latex-\(engine)")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let a = try Data(contentsOf: buildPDF(edition, engine: engine, into: first).pdf)
        let b = try Data(contentsOf: buildPDF(edition, engine: engine, into: second).pdf)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test("pdflatex loads the packages from a format kept per user: the same bytes from a new cache, the cache and none", .requires(.pdflatex))
    func preambleFormat() throws {
        // The scored edition has a chart: pgfplots (and xcolor) are in the format too.
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let root = try Paths.temporaryDirectory("latex-format")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = root.appendingPathComponent("cache")
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cache.path
        func formats() throws -> [String] {
            let folder = cache.appendingPathComponent("juryreport").path
            guard FileManager.default.fileExists(atPath: folder) else { return [] }
            return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".fmt") }
        }
        func build(_ name: String, _ environment: [String: String]) throws -> Data {
            try Data(contentsOf: buildPDF(edition, engine: "pdflatex", into: root.appendingPathComponent(name), environment: environment).pdf)
        }
        func inode(_ name: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent("juryreport").appendingPathComponent(name).path)[
                .systemFileNumber] as? Int
        }
        let made = try build("made", environment)
        let kept = try formats()
        #expect(kept.count == 1, "the format is kept")
        let folder = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent("juryreport").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700, "the cache folder is the user's alone")
        let first = try kept.first.flatMap(inode)
        let keptFormat = try #require(kept.first)
        let keptBytes = try Data(contentsOf: cache.appendingPathComponent("juryreport").appendingPathComponent(keptFormat))
        #expect(keptBytes.prefix(2) != Data([0x1F, 0x8B]) && keptBytes.count > 1_000_000, "kept inflated: loaded without zlib")
        // Beside it, the files it was made from with their identity: TeX Live's format, each package.
        let inputsList = cache.appendingPathComponent("juryreport").appendingPathComponent(
            keptFormat.replacingOccurrences(of: ".fmt", with: ".inputs"))
        let inputs = try String(contentsOf: inputsList, encoding: .utf8)
        #expect(inputs.contains("/pdflatex.fmt\t") && inputs.contains("/hyperref.sty\t") && inputs.contains("/pgfplots.sty\t"), "\(inputs)")
        let cached = try build("cached", environment)
        // A format made anew would be written beside and renamed onto the old one: another inode.
        #expect(try formats() == kept && kept.first.flatMap(inode) == first, "and used again, not made anew")
        // A package updated since (here: its recorded size no longer the file's) makes it anew.
        let updated = inputs.replacingOccurrences(of: "/hyperref.sty\t", with: "/hyperref.sty\t1")
        try Data(updated.utf8).write(to: inputsList)
        let remade = try build("remade", environment)
        #expect(remade == made)
        #expect(try kept.first.flatMap(inode) != first, "a format whose package changed is made anew")
        #expect(try String(contentsOf: inputsList, encoding: .utf8) == inputs, "with the files' identities now")
        var homeless = environment
        homeless["XDG_CACHE_HOME"] = nil
        homeless["HOME"] = nil
        let uncached = try build("uncached", homeless)
        #expect(!made.isEmpty)
        #expect(made == cached, "a PDF from the kept format is the one made with it")
        #expect(made == uncached, "and the one made without a cache")
        // Another edition language is another format; a folder others can write to is not used.
        var french = edition
        french.details.language = "fr"
        _ = try Data(contentsOf: buildPDF(french, engine: "pdflatex", into: root.appendingPathComponent("fr"), environment: environment).pdf)
        #expect(try formats().count == 2)
        #expect(chmod(cache.appendingPathComponent("juryreport").path, 0o777) == 0)
        var italian = edition
        italian.details.language = "it"
        _ = try Data(contentsOf: buildPDF(italian, engine: "pdflatex", into: root.appendingPathComponent("it"), environment: environment).pdf)
        #expect(try formats().count == 2, "a cache folder others can write to is left alone")
        // A damaged format (a disk fault, a TeX since replaced under the same name) does not
        // fail the build: the whole source is compiled, the same PDF, and the format goes.
        #expect(chmod(cache.appendingPathComponent("juryreport").path, 0o700) == 0)
        for name in try formats() {
            try Data("not a format".utf8).write(to: cache.appendingPathComponent("juryreport").appendingPathComponent(name))
        }
        let damaged = try build("damaged", environment)
        #expect(damaged == made)
        #expect(try formats().count == 1, "the damaged format of this edition's language is gone")
    }

    @Test("papersize=letter and fontsize=12pt", .requires(.poppler, .pdflatex))
    func options() throws {
        let edition = try EditionLoader().load(contentsOf: Paths.edition("scored.yaml"))
        let directory = try Paths.temporaryDirectory("latex-options")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (tex, pdf, _) = try buildPDF(edition, engine: "pdflatex", [("papersize", "letter"), ("fontsize", "12pt")], into: directory)
        #expect(try PDFTools.info(pdf)["Page size"]?.contains("(letter)") == true)
        #expect(try String(contentsOf: tex, encoding: .utf8).contains("\\documentclass[letterpaper,12pt]{article}"))
    }
}
