import Foundation
import JuryReportCore
import Testing
import TestSupport

/// #13: reports in French, German, Spanish and Italian with no English word around their
/// content, in every format; babel and hyphenation for each language under both engines;
/// the labels an edition gives; totals in the language's numbers; the print layout of real
/// editions (signatures with the verdict, link addresses, bookmarks).
@Suite("Publishable in any language", .onTestPool)
struct LanguageTests {
    static let languages = ["fr", "de", "es", "it"]
    static let babel = ["fr": "french", "de": "ngerman", "es": "spanish", "it": "italian"]

    static func edition(_ language: String) -> URL {
        Paths.edition("languages/\(language).yaml")
    }

    /// The English labels that differ from the language's (the data files say which words
    /// are English), of the kinds that stand in a report or workbook; placeholders and the
    /// forms' sentences aside.
    static func englishWords(against language: String) -> [String] {
        let english = Labels(language: "en")
        let other = Labels(language: language)
        let skipped: Set<LabelKey> = [
            .months, .dateFormat, .decimalSeparator, .colon, .notJudged, .formInstructions, .handInstructions,
            .validationMessage, .recusedBecause, .editionNumber, .placeAndDate, .chartLeftOut, .returnByTo, .returnBy, .returnTo,
        ]
        return LabelKey.allCases.filter { !skipped.contains($0) && english[$0] != other[$0] }.map { english[$0] }
    }

    /// The English words standing in `text` as words of their own.
    static func english(in text: String, words: [String]) -> [String] {
        words.filter { word in
            var searched = text[...]
            while let range = searched.range(of: word) {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                if before?.isLetter != true && after?.isLetter != true { return true }
                searched = text[range.upperBound...]
            }
            return false
        }
    }

    /// Compiles `tex` with `engine` in a folder of its own: the PDF and the log.
    static func compile(_ tex: URL, with engine: String, in directory: URL) throws -> (pdf: URL, log: String) {
        try Tool.engine(engine).require()
        let folder = directory.appendingPathComponent("\(engine)-\(tex.deletingPathExtension().lastPathComponent)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent(tex.lastPathComponent)
        try FileManager.default.copyItem(at: tex, to: copy)
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), [engine, "-interaction=nonstopmode", "-halt-on-error", copy.lastPathComponent],
            currentDirectory: folder)
        // TeX writes a log in bytes, not always UTF-8.
        let log = String(decoding: try Data(contentsOf: copy.deletingPathExtension().appendingPathExtension("log")), as: UTF8.self)
        try #require(result.status == 0, "\(engine) failed on \(tex.lastPathComponent): \(log.suffix(2_000))")
        return (copy.deletingPathExtension().appendingPathExtension("pdf"), log)
    }

    struct Page: Decodable { var text: String }

    @Test(
        "French, German, Spanish and Italian: no English label in any format, babel and hyphenation in both engines, « kept with its words",
        .requires(.poppler, .pdflatex, .lualatex, .openpyxl))
    func noEnglish() throws {
        let directory = try Paths.temporaryDirectory("languages")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export"] + Self.languages.map { Self.edition($0).path } + ["-f", "md,csv,xlsx,latex,html", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("no built-in labels"))
        // One language after another: the suite's other tests run beside this one, and more
        // TeX runs at once than cores only made each slower.
        for language in Self.languages { try Self.checkNoEnglish(language, out: out, directory: directory) }
    }

    /// One language of ``noEnglish()``: its files in every format, its PDF under each engine.
    static func checkNoEnglish(_ language: String, out: URL, directory: URL) throws {
        let edition = try EditionLoader().load(contentsOf: Self.edition(language))
        let base = out.appendingPathComponent(edition.baseName)
        let words = Self.englishWords(against: language)
        try #require(words.count > 40)
        var texts: [(String, String)] = []
        texts.append(("markdown", try String(contentsOf: base.appendingPathExtension("md"), encoding: .utf8)))
        let page = try IndependentReaders.run("read_html.py", [base.appendingPathExtension("html").path], as: Page.self)
        texts.append(("html", page.text))
        let workbook = try IndependentReaders.xlsx(base.appendingPathExtension("xlsx"))
        let cells = workbook.sheets.values.flatMap { $0.flatMap { $0 } }.compactMap { cell -> String? in
            guard cell.type == "s", case .string(let text) = cell.value else { return nil }
            return text
        }
        texts.append(("xlsx", (workbook.order + cells).joined(separator: "\n")))
        for suffix in ["nominees", "jury", "facts", "criteria"] {
            // The first row holds the column keys, English snake_case by contract.
            let rows = try IndependentReaders.csv(out.appendingPathComponent("\(edition.baseName).\(suffix).csv")).rows
            texts.append(("csv \(suffix)", rows.dropFirst().flatMap { $0 }.joined(separator: "\n")))
        }
        let tex = base.appendingPathExtension("tex")
        let source = try String(contentsOf: tex, encoding: .utf8)
        #expect(source.contains("[\(Self.babel[language]!)]{babel}") || source.contains("[\(Self.babel[language]!),"), "babel in \(language)")
        for engine in TeXEngines.all {
            let (pdf, log) = try Self.compile(tex, with: engine, in: directory)
            #expect(!log.contains("No hyphenation patterns"), "\(engine) \(language): hyphenation patterns loaded")
            let text = try PDFTools.text(pdf)
            texts.append(("pdf \(engine)", text))
            // A guillemet stays with its words: no line ends with « or starts with »,
            // and (in French) none starts with the high punctuation a space precedes.
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(!lines.contains { $0.hasSuffix("«") || $0.hasPrefix("»") }, "\(engine) \(language): a lone guillemet")
            if language == "fr" {
                #expect(!lines.contains { ["»", ":", ";", "!", "?"].contains(String($0.prefix(1))) }, "\(engine): French punctuation alone")
            }
        }
        for (format, text) in texts {
            let found = Self.english(in: text, words: words)
            #expect(found.isEmpty, "\(language) \(format): English labels \(found)")
        }
    }

    @Test("« and its words stay on one line through a paragraph of many guillemets", .requires(.poppler, .pdflatex, .lualatex))
    func guillemets() throws {
        let directory = try Paths.temporaryDirectory("guillemets")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Quotations at every place in the line, so that some would fall at a line's end.
        let phrases = (1...60).map { index in "le mot « \(String(repeating: "x", count: index % 9 + 1)) » puis ; et : \(index) !" }
        var document = TestEdition.document(names: ["Un"])
        document["edition"] = ["year": 2024, "language": "fr"]
        document["sections"] = [["heading": "Citations", "body": phrases.joined(separator: " ")]]
        let file = try TestEdition.write(document, in: directory)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export", file.path, "-f", "latex", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let tex = try #require(try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil).first { $0.pathExtension == "tex" })
        for engine in TeXEngines.all {
            let (pdf, _) = try Self.compile(tex, with: engine, in: directory)
            let lines = try PDFTools.text(pdf).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.count > 10)
            #expect(!lines.contains { $0.hasSuffix("«") || $0.hasPrefix("»") || $0.hasPrefix(";") || $0.hasPrefix(":") || $0.hasPrefix("!") },
                    "\(engine): \(lines.filter { $0.hasSuffix("«") || $0.hasPrefix("»") || $0.hasPrefix(";") || $0.hasPrefix(":") || $0.hasPrefix("!") })")
        }
    }

    @Test("the labels an edition gives stand in every format; an unknown label key is refused with a suggestion", .requires(.poppler, .pdflatex, .lualatex))
    func overrides() throws {
        let directory = try Paths.temporaryDirectory("labels")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scored = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
        let given = scored + "\nlabels:\n  nominees: Gedichten\n  lead: Omroep\n  winner: Laureaat\n  standings: Eindstand\n"
        let file = directory.appendingPathComponent("labels.yaml")
        try Data(given.utf8).write(to: file)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export", file.path, "-f", "md,html,xlsx,latex", "--option", "pdf=true", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let base = out.appendingPathComponent("open-data-award-2025")
        let markdown = try String(contentsOf: base.appendingPathExtension("md"), encoding: .utf8)
        let html = try IndependentReaders.run("read_html.py", [base.appendingPathExtension("html").path], as: Page.self).text
        let pdf = try PDFTools.text(base.appendingPathExtension("pdf"))
        for (format, text) in [("markdown", markdown), ("html", html), ("pdf", pdf)] {
            for word in ["Gedichten", "Omroep", "Laureaat", "Eindstand"] {
                #expect(text.contains(word), "\(format): \(word)")
            }
            for word in ["Nominees", "Lead:", "Standings"] {
                #expect(!text.contains(word), "\(format) still says \(word)")
            }
        }
        let workbook = try IndependentReaders.xlsx(base.appendingPathExtension("xlsx"))
        #expect(workbook.order.contains("Gedichten"), "\(workbook.order)")

        // A label key that does not exist: the field path, its place and the nearest key.
        let typo = directory.appendingPathComponent("typo.yaml")
        try Data((scored + "\nlabels:\n  nominess: Gedichten\n  editionNumber: Ausgabe {nummer}\n").utf8).write(to: typo)
        let refused = try ProcessRunner.juryreport(["export", typo.path, "-f", "md", "-o", directory.appendingPathComponent("typo-out").path])
        #expect(refused.status == 65)
        let lines = scored.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(refused.standardError.contains("typo.yaml:\(lines + 2):3: error: labels.nominess: unknown key 'nominess'; did you mean 'nominees'?"), "\(refused.standardError)")
        #expect(refused.standardError.contains("labels.editionNumber: unknown placeholder '{nummer}'; this label takes {number}"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("typo-out").path))
    }

    @Test(
        "juryreport labels prints a language's labels as a block an edition takes; a language without labels gets English ones and a warning",
        .requires(.pyyaml))
    func labelsCommand() throws {
        let directory = try Paths.temporaryDirectory("labels-command")
        defer { try? FileManager.default.removeItem(at: directory) }
        let printed = try ProcessRunner.juryreport(["labels", "de-AT"])
        #expect(printed.status == 0)
        let script = """
            import json, sys, yaml
            print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["labels"]))
            """
        let block = directory.appendingPathComponent("labels.yaml")
        try Data(printed.standardOutput).write(to: block)
        let read = try ProcessRunner.run(tool: "python3", ["-c", script, block.path])
        let labels = try JSONDecoder().decode([String: String].self, from: Data(read.standardOutput))
        #expect(labels.count == LabelKey.allCases.count)
        #expect(labels["nominees"] == "Nominierte" && labels["dateFormat"] == "{day}. {month} {year}")
        #expect(try ProcessRunner.juryreport(["labels", "not a tag"]).status == 64)

        // The block pasted into an edition is accepted as it is; so is Portuguese with it.
        let scored = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
        let portuguese = scored.replacingOccurrences(of: "language: en", with: "language: pt-BR")
        let bare = directory.appendingPathComponent("pt.yaml")
        try Data(portuguese.utf8).write(to: bare)
        let warned = try ProcessRunner.juryreport(["validate", bare.path])
        #expect(warned.status == 0)
        #expect(warned.standardError.contains("warning: no built-in labels for the language 'pt-BR'") && warned.standardError.contains("'labels'"),
                "\(warned.standardError)")
        let given = directory.appendingPathComponent("pt-labels.yaml")
        try Data((portuguese + "\n" + printed.output).utf8).write(to: given)
        let quiet = try ProcessRunner.juryreport(["validate", given.path])
        #expect(quiet.status == 0, "\(quiet.standardError)")
        #expect(!quiet.standardError.contains("no built-in labels"), "every label given: no warning")
    }

    @Test(
        "totals as the language writes them: 8.83 in English, 8,83 in Dutch, in Markdown, PDF, HTML and the workbook LibreOffice shows; CSV in full",
        .requires(.poppler, .pdflatex, .libreOffice))
    func decimals() throws {
        let directory = try Paths.temporaryDirectory("decimals")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scored = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
        try #require(scored.contains("language: en"))
        for (language, total) in [("en", "8.83"), ("nl", "8,83")] {
            let file = directory.appendingPathComponent("\(language).yaml")
            try Data(scored.replacingOccurrences(of: "language: en", with: "language: \(language)").utf8).write(to: file)
            let out = directory.appendingPathComponent("out-\(language)")
            let result = try ProcessRunner.juryreport(
                ["export", file.path, "-f", "md,html,xlsx,csv,latex", "--option", "pdf=true", "-o", out.path])
            try #require(result.status == 0, "\(result.standardError)")
            let base = out.appendingPathComponent("open-data-award-2025")
            let markdown = try String(contentsOf: base.appendingPathExtension("md"), encoding: .utf8)
            #expect(markdown.contains("| **\(total)** |"), "markdown \(language): the winner's total, in bold")
            let html = try IndependentReaders.run("read_html.py", [base.appendingPathExtension("html").path], as: Page.self).text
            #expect(html.contains(total), "html \(language)")
            let pdf = try PDFTools.text(base.appendingPathExtension("pdf"))
            #expect(pdf.contains(total), "pdf \(language)")
            // What LibreOffice shows of the workbook, printed.
            let printed = try IndependentReaders.libreOfficeConvert(base.appendingPathExtension("xlsx"), to: "pdf", in: directory.appendingPathComponent("lo-\(language)"))
            let shown = try PDFTools.text(printed, layout: true, belowHeader: false)
            #expect(shown.contains(total), "workbook \(language)")
            for text in [markdown, html, pdf, shown] {
                #expect(!text.contains("8.833") && !text.contains("8,833"), "rounded to two decimals")
            }
            let rows = try IndependentReaders.csv(out.appendingPathComponent("open-data-award-2025.nominees.csv")).rows
            let column = try #require(rows.first?.firstIndex(of: "total"))
            #expect(rows.dropFirst().map { $0[column] }.contains("8.833333333333334"), "CSV keeps every digit")
        }
    }

    @Test(
        "real editions in print: pages filled, signatures never alone on a page, a link's address on paper, bookmarks, engine=auto takes pdflatex",
        .requires(.poppler, .pdflatex, .pypdf))
    func printLayout() throws {
        let directory = try Paths.temporaryDirectory("print")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(["export"] + Self.printed.map(\.path) + ["-f", "latex", "--option", "pdf=true", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        for path in Self.printed {
            var loader = EditionLoader()
            loader.allowsMissingTables = true
            let edition = try loader.load(contentsOf: path)
            let pdf = out.appendingPathComponent(edition.baseName + ".pdf")
            try Self.expectFilledPages(pdf, of: edition, engine: "pdflatex")
            // All of these are set in pdflatex, which engine=auto takes when it can.
            #expect(try PDFTools.info(pdf)["Producer"]?.contains("pdfTeX") == true, "\(edition.baseName)")
            let pages = try PDFTools.text(pdf).split(separator: "\u{0C}").map(String.init)
            // The page with the signatures holds the verdict's last lines too.
            let last = try #require(edition.jury.last)
            let signing = try #require(pages.first { PDFTools.squeezed($0).contains(PDFTools.squeezed(last.name)) })
            let verdictEnd = edition.verdict.announcement
                ?? edition.verdict.rationale.map { Inline.plainText(of: $0.paragraphs.last ?? []) }
                ?? edition.winner.map(\.name) ?? ""
            let tail = String(PDFTools.squeezed(verdictEnd).suffix(30))
            #expect(PDFTools.squeezed(signing).contains(tail), "\(edition.baseName): the signatures stand alone")
            // Bookmarks: the sections, with the nominees under theirs.
            let script = """
                import json, sys, pypdf
                def titles(items):
                    out = []
                    for item in items:
                        out += titles(item) if isinstance(item, list) else [item.title]
                    return out
                print(json.dumps(titles(pypdf.PdfReader(sys.argv[1]).outline)))
                """
            let outline = try ProcessRunner.run(tool: "python3", ["-c", script, pdf.path])
            let titles = try JSONDecoder().decode([String].self, from: Data(outline.standardOutput))
            let words = Vocabulary(edition)
            #expect(titles.contains(words.nominees), "\(edition.baseName): \(titles)")
            for nominee in edition.nominees {
                #expect(titles.contains { Quotes.straightened($0).hasSuffix(nominee.name) }, "\(edition.baseName): bookmark \(nominee.name)")
            }
        }
        // The link of the French report's first section: its address in a footnote.
        let french = try PDFTools.text(out.appendingPathComponent("prix-regional-de-l-innovation-sociale-2024.pdf"))
        #expect(PDFTools.squeezed(french).contains(PDFTools.squeezed("https://example.org/prix-innovation-sociale/laureats-2024")))
    }

    /// The real editions the print layout is checked on: every language, the bundled
    /// edition, a scored one and one being judged.
    static let printed = languages.map(edition)
        + ["pro-motor-award-2019-2020.yaml", "scored.yaml", "judging.yaml"].map { Paths.edition($0) }

    /// Pages a typographer signs: none but the last more than a quarter empty (measured from
    /// pdftotext's word boxes), the bundled report on five pages, and a last page that holds
    /// the verdict's end, not the signatures alone.
    static func expectFilledPages(_ pdf: URL, of edition: Edition, engine: String) throws {
        let pages = try PDFTools.pages(pdf)
        let empty = PDFTools.emptyShares(pages)
        for (index, share) in empty.dropLast().enumerated() {
            #expect(share <= 0.25, "\(edition.baseName), \(engine), page \(index + 1) of \(empty.count): \(Int(share * 100)) % empty")
        }
        if edition.baseName == "pro-motor-award-2020" { #expect(empty.count <= 5, "the bundled report on \(empty.count) pages") }
        let last = try #require(pages.last).bodyWords.map(\.text).joined(separator: " ")
        let verdict = try #require(edition.verdict.announcement ?? edition.winner?.name)
        let tail = verdict.split(separator: " ").suffix(2).joined(separator: " ")
        #expect(PDFTools.squeezed(last).contains(PDFTools.squeezed(tail)), "\(edition.baseName), \(engine): the last page has only the signatures")
    }

    @Test("the same editions set by lualatex: pages as full as pdflatex's", .requires(.poppler, .lualatex))
    func printLayoutLuaLaTeX() throws {
        let directory = try Paths.temporaryDirectory("print-lualatex")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export"] + Self.printed.map(\.path) + ["-f", "latex", "--option", "pdf=true", "--option", "engine=lualatex", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        for path in Self.printed {
            var loader = EditionLoader()
            loader.allowsMissingTables = true
            let edition = try loader.load(contentsOf: path)
            try Self.expectFilledPages(out.appendingPathComponent(edition.baseName + ".pdf"), of: edition, engine: "lualatex")
        }
    }

    @Test(
        "500 awkward strings: lualatex (engine=auto) sets what the machine's fonts have, pdflatex as typed or replaced visibly, nothing past the margin",
        .requires(.poppler, .pdflatex, .lualatex, .fontconfig))
    func corpus() async throws {
        let directory = try Paths.temporaryDirectory("corpus")
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = AwkwardText.corpus
        #expect(corpus.count >= 500)
        // Names and key figures: a name and one figure's label for each nominee (one figure,
        // so that pdftotext reads a label that wraps before the value beside it).
        var nominees: [[String: Any]] = []
        for start in stride(from: 0, to: corpus.count, by: 2) {
            var nominee: [String: Any] = ["name": corpus[start]]
            if start + 1 < corpus.count { nominee["facts"] = [["label": corpus[start + 1], "value": 1]] }
            nominees.append(nominee)
        }
        let file = try TestEdition.write(TestEdition.document(nominees: nominees), in: directory)
        let exported = try await Self.exportBoth(file, into: directory)
        let coverage = try Self.installedCoverage()
        var checked = (lualatex: 0, pdflatex: 0)
        for string in corpus {
            guard !Self.comparable(string).isEmpty else { continue }
            if string.unicodeScalars.allSatisfy({ Self.ignored($0) || $0.properties.isWhitespace || coverage($0.value) }) {
                // Right-to-left words with numbers or Latin beside them are ordered by the
                // bidi algorithm: each word is looked for on its own.
                let isBidirectional = string.unicodeScalars.contains { (0x0590...0x08FF).contains($0.value) }
                let words = isBidirectional ? string.split(separator: " ").map(String.init) : [string]
                for word in words {
                    #expect(exported.lualatex.contains(Self.comparable(word)), "lualatex: \(string.debugDescription)")
                }
                checked.lualatex += 1
            }
            // pdflatex: each character as typed or as its visible code.
            let pattern = Self.comparable(string, compatibility: false).unicodeScalars.map { scalar -> String in
                let code = "\\[U\\+" + String(format: "%04X", scalar.value) + "\\]"
                return "(?:" + NSRegularExpression.escapedPattern(for: String(scalar)) + "|" + code + ")"
            }.joined()
            let regex = try NSRegularExpression(pattern: pattern)
            let text = exported.pdflatexRaw
            let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(found, "pdflatex: \(string.debugDescription)")
            checked.pdflatex += 1
        }
        #expect(checked.lualatex > 300 && checked.pdflatex >= 480, "\(checked)")
    }

    @Test(
        "#24.8: scripts no standard fallback has (Wancho, Ol Chiki, Cherokee) set from the installed font fontconfig names for them",
        .requires(.poppler, .lualatex, .fontconfig))
    func machineFallbacks() throws {
        let directory = try Paths.temporaryDirectory("machine-fonts")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Each name in a script of its own, that some installed font has.
        let names = ["\u{1E2C0}\u{1E2C1}\u{1E2C2}\u{1E2FF}", "\u{1C5A}\u{1C5E}\u{1C67}", "\u{13A0}\u{13A1}\u{13A2}"]
        for name in names {
            let code = String(name.unicodeScalars.first!.value, radix: 16)
            let families = try ProcessRunner.run(tool: "fc-list", [":charset=\(code)", "family"]).output
            try #require(!families.isEmpty, "no installed font has U+\(code): install fonts-noto-core (./scripts/setup.sh)")
        }
        let file = try TestEdition.write(TestEdition.document(nominees: names.map { ["name": $0] }), in: directory)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export", file.path, "-f", "latex", "--option", "pdf=true", "--option", "engine=lualatex", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("no installed font"), "\(result.standardError)")
        let pdf = try #require(try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil).first { $0.pathExtension == "pdf" })
        let text = try PDFTools.text(pdf)
        for name in names {
            #expect(text.contains(name), "\(name.unicodeScalars.map { String($0.value, radix: 16) }) not in the PDF's text")
        }
        #expect(!text.contains("[U+"), "a character was replaced by its code")
        // The PDF embeds a font of each script's family (pdffonts: "ABCDEF+NotoSansWancho-Regular").
        let embedded = try PDFTools.fonts(pdf).filter(\.embedded).map(\.name)
        for script in ["Wancho", "OlChiki", "Cherokee"] {
            #expect(embedded.contains { $0.contains(script) }, "no \(script) font embedded: \(embedded)")
        }
        // The .tex beside it names only the standard fallbacks: the same on every machine.
        let tex = try String(contentsOf: pdf.deletingPathExtension().appendingPathExtension("tex"), encoding: .utf8)
        #expect(!tex.contains("Wancho") && tex.contains("DejaVu Serif"))
    }

    /// Exports `file` as a PDF with engine=auto (lualatex, for these characters) and with
    /// pdflatex, checks that no word runs past the right margin and that pdflatex's log has
    /// no overfull line over 1pt; the text of each, comparable.
    static func exportBoth(_ file: URL, into directory: URL) async throws -> (lualatex: String, pdflatexRaw: String) {
        // The two engines at once.
        async let lualatex = exportAndRead(file, engine: "auto", into: directory)
        async let pdflatex = exportAndRead(file, engine: "pdflatex", into: directory)
        return try await (lualatex, pdflatex)
    }

    /// One engine of ``exportBoth(_:into:)``.
    static func exportAndRead(_ file: URL, engine: String, into directory: URL) async throws -> String {
        do {
            let out = directory.appendingPathComponent("out-\(engine)")
            let result = try ProcessRunner.juryreport(
                ["export", file.path, "-f", "latex", "--option", "pdf=true", "--option", "engine=\(engine)", "-o", out.path])
            try #require(result.status == 0, "\(result.standardError)")
            let pdf = try #require(try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil).first { $0.pathExtension == "pdf" })
            let producer = try PDFTools.info(pdf)["Producer"] ?? ""
            #expect(producer.contains(engine == "auto" ? "LuaTeX" : "pdfTeX"), "\(engine): \(producer)")
            if engine == "pdflatex" {
                #expect(result.standardError.contains("lualatex sets them"), "the warning names lualatex")
                let tex = pdf.deletingPathExtension().appendingPathExtension("tex")
                let (_, log) = try Self.compile(tex, with: "pdflatex", in: directory)
                let overfull = log.matches(of: /Overfull \\hbox \(([0-9.]+)pt too wide\)/).compactMap { Double($0.output.1) }.filter { $0 > 1 }
                #expect(overfull.isEmpty, "overfull lines: \(overfull)")
            }
            let (width, words) = try RedTeamPDFTests.rightEdges(pdf)
            let outside = words.filter { $0.1 > width - 20 }
            #expect(outside.isEmpty, "\(engine): \(outside.prefix(5).map { "\($0.0.prefix(30)) at \($0.1)" })")
            // The text block of every A4 page (25 mm, 71 pt, above and below), without the
            // running header and the page number: a heading long enough to be set as a
            // paragraph runs over pages, and its text goes on past them. (Cropped, not by
            // dropping lines of digits: a name's number may stand alone on a line.) pdflatex's
            // text in the order it was set (-raw): a key figure's label wrapping down its cell
            // has the value beside its first line, which pdftotext's reading order would put
            // inside the heading below; lualatex's in reading order, for its bidi runs.
            let order = engine == "pdflatex" ? ["-raw"] : []
            let text = try ProcessRunner.run(
                tool: "pdftotext", ["-enc", "UTF-8"] + order + ["-x", "0", "-y", "62", "-W", "595", "-H", "716", pdf.path, "-"]).output
            return Self.comparable(text, compatibility: engine == "auto")
        }
    }

    /// Format characters that are not seen (zero-width, joiners, soft hyphens, bidi marks,
    /// variation selectors): not in the PDF's text, so not compared.
    static func ignored(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFE0E, 0xFE0F, 0xFEFF: return true
        default: return false
        }
    }

    /// Text as the PDF's and the edition's can be compared: NFKC (a PDF's text gives
    /// presentation forms and ligatures as their letters), quotes straightened, without white
    /// space, hyphens (hyphenation) and unseen characters.
    /// (`compatibility`: NFKC, else NFC.)
    static func comparable(_ text: String, compatibility: Bool = true) -> String {
        let normalized = Quotes.straightened(
            compatibility ? text.precomposedStringWithCompatibilityMapping : text.precomposedStringWithCanonicalMapping)
        return String(String.UnicodeScalarView(normalized.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "-" && !ignored($0)
        }))
    }

    /// Whether some installed font has a character, from fontconfig's list of every font's
    /// character set.
    static func installedCoverage() throws -> (UInt32) -> Bool {
        let result = try ProcessRunner.run(tool: "fc-list", ["--format", "%{charset}\n"])
        var ranges: [ClosedRange<UInt32>] = []
        for part in result.output.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let bounds = part.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            if bounds.count == 1 { ranges.append(bounds[0]...bounds[0]) }
            if bounds.count == 2, bounds[0] <= bounds[1] { ranges.append(bounds[0]...bounds[1]) }
        }
        var covered = Set<UInt32>()
        for range in ranges where range.count < 200_000 { covered.formUnion(range) }
        return { covered.contains($0) }
    }
}

/// #13.2, #13.7: the edition's presentation in every format, Markdown for static sites.
@Suite("Presentation choices", .onTestPool)
struct PresentationTests {
    @Test(
        "numbering off, one decimal, quotes as typed, front matter: Markdown, HTML, LaTeX and the workbook follow",
        .requires(.pyyaml, .openpyxl))
    func presentation() throws {
        let directory = try Paths.temporaryDirectory("presentation")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scored = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
        let file = directory.appendingPathComponent("scored.yaml")
        try Data((scored + "\npresentation:\n  numbering: false\n  decimals: 1\n  quotes: as-typed\n").utf8).write(to: file)
        let hostile = try String(contentsOf: Paths.edition("hostile.yaml"), encoding: .utf8)
        let typed = directory.appendingPathComponent("hostile.yaml")
        try Data((hostile + "\npresentation:\n  quotes: as-typed\n").utf8).write(to: typed)
        let out = directory.appendingPathComponent("out")
        let result = try ProcessRunner.juryreport(
            ["export", file.path, typed.path, "-f", "md,html,xlsx,latex", "--option", "front-matter=true", "-o", out.path])
        try #require(result.status == 0, "\(result.standardError)")
        let base = out.appendingPathComponent("open-data-award-2025")
        let markdown = try String(contentsOf: base.appendingPathExtension("md"), encoding: .utf8)
        // Front matter first, read by a YAML parser as Jekyll and Hugo do.
        let script = """
            import json, sys, yaml
            text = open(sys.argv[1], encoding="utf-8").read()
            assert text.startswith("---\\n")
            print(json.dumps(yaml.safe_load(text.split("---\\n")[1]), default=str))
            """
        let matter = try ProcessRunner.run(tool: "python3", ["-c", script, base.appendingPathExtension("md").path])
        let fields = try JSONSerialization.jsonObject(with: Data(matter.standardOutput)) as? [String: Any]
        #expect(fields?["title"] as? String == "Jury report Open Data Award 2024-2025", "\(matter.output) \(matter.standardError)")
        #expect(fields?["date"] as? String == "2025-06-30")
        #expect(fields?["lang"] as? String == "en" && fields?["award"] as? String == "Open Data Award" && fields?["year"] as? Int == 2025)
        // No numbers before the names; totals with one decimal.
        #expect(markdown.contains("\n### Alpha Transit Maps\n") && !markdown.contains("### 1. Alpha"))
        #expect(
            markdown.contains("| Rank | Nominee | Impact | Originality | Total |\n| ---: | --- | ---: | ---: | ---: |\n"
                + "| **1** | **Alpha Transit Maps** | **9.0** | **8.5** | **8.8** |\n"), "\(markdown)")
        let html = try String(contentsOf: base.appendingPathExtension("html"), encoding: .utf8)
        #expect(html.contains(">Alpha Transit Maps</h3>") && !html.contains(">1. Alpha"))
        let book = try IndependentReaders.xlsx(base.appendingPathExtension("xlsx"))
        let nominees = try #require(book.order.first { $0 == "Nominees" })
        #expect(book.details[nominees]?.hiddenColumns.contains("A") == true, "the number column hidden")
        // Quotes as typed: straight in the page and the LaTeX (as \textquotesingle, \textquotedbl).
        let page = try String(contentsOf: out.appendingPathComponent("hostile-award-2024.html"), encoding: .utf8)
        #expect(page.contains("'plain'") && page.contains("\"double\""))
        #expect(!page.contains("‘plain’"))
        let tex = try String(contentsOf: out.appendingPathComponent("hostile-award-2024.tex"), encoding: .utf8)
        #expect(tex.contains("\\textquotesingle{}plain\\textquotesingle{}"))
    }
}
