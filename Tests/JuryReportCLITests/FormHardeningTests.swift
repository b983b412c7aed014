import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// #28: a filled form comes back from outside the organization, so `collect` reads it as
/// hostile input — forms made by `juryreport forms`, filled by openpyxl, then tampered with
/// by Python's zipfile as an attacker or a broken program would: each is refused with exit
/// 65 naming file (and cell), never a crash or a hang, and nothing is written.
@Suite("Filled forms are hostile input: bounded, strict, never a crash", .onTestPool, .requires(.openpyxl))
struct FormHardeningTests {
    /// Rewrites the workbook `source` into `target` with Python's zipfile: `mode` is
    /// `replace` (in the part holding the cell D8: OLD → NEW, once), `twice` (that part a
    /// second time), `stored` (that part stored, then one byte of it flipped on disk: a bad
    /// CRC) or `strings` (a table of COUNT shared strings).
    static let tamper = #"""
        import sys, zipfile
        source, target, mode = sys.argv[1:4]
        args = sys.argv[4:]
        with zipfile.ZipFile(source) as zin:
            items = [(info, zin.read(info.filename)) for info in zin.infolist()]
        sheet = next(info.filename for info, data in items if b'r="D8"' in data)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for info, data in items:
                if info.filename == sheet and mode == "replace":
                    assert args[0].encode() in data
                    data = data.replace(args[0].encode(), args[1].encode(), 1)
                compress = zipfile.ZIP_STORED if (mode == "stored" and info.filename == sheet) else zipfile.ZIP_DEFLATED
                zout.writestr(info.filename, data, compress_type=compress)
                if info.filename == sheet and mode == "twice":
                    zout.writestr(info.filename, data)
            if mode == "strings":
                # openpyxl writes its text inline: the table is added as a program might.
                table = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                zout.writestr("xl/sharedStrings.xml", table + b"<si><t>x</t></si>" * int(args[0]) + b"</sst>")
        if mode == "stored":
            raw = bytearray(open(target, "rb").read())
            at = raw.index(b"<sheetData>")
            raw[at + 1] = ord("S")
            open(target, "wb").write(bytes(raw))
        """#

    /// A form of anna's with one score typed, then tampered with (`mode` and `arguments` of ``tamper``).
    static func tampered(_ mode: String, _ arguments: [String] = [], name: String, in directory: URL) throws -> URL {
        let filled = directory.appendingPathComponent("filled-\(name)")
        _ = try IndependentReaders.fillForm(JudgingRoundTests.form("anna", in: directory), to: filled, scores: ["alpha": ["impact": 7]])
        let target = directory.appendingPathComponent(name)
        let result = try ProcessRunner.run(tool: "python3", ["-c", tamper, filled.path, target.path, mode] + arguments)
        try #require(result.status == 0, "\(result.standardError)")
        return target
    }

    /// Runs `body` with a folder of its own (removed afterwards) holding the judging fixture
    /// and its forms, and the fixture's path.
    static func withForms(_ body: (URL, URL) throws -> Void) throws {
        let directory = try Paths.temporaryDirectory("form-hardening")
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory, try JudgingRoundTests.makeForms(in: directory))
    }

    /// `collect` of `form`, within ten seconds (`timeout` ends a hang with 124).
    static func collect(_ edition: URL, _ forms: [String], output: URL) throws -> ProcessResult {
        try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/timeout"), ["10", Paths.juryreport.path, "collect", edition.path] + forms + ["--output", output.path])
    }

    @Test("a hand-edited or tampered form: a 14-letter cell reference, a cell twice, a bad CRC, a part twice, 200,000 shared strings, a FIFO, XML that is not well-formed or declares entities")
    func tamperedForms() throws {
        try Self.withForms { directory, edition in
            let fifo = directory.appendingPathComponent("pipe.xlsx")
            try #require(mkfifo(fifo.path, 0o600) == 0)
            let cases: [(URL, String)] = [
                (try Self.tampered("replace", [#"r="D8""#, #"r="AAAAAAAAAAAAAAD8""#], name: "long-reference.xlsx", in: directory),
                 "long-reference.xlsx: error: the cell reference 'AAAAAAAAAAAAAAD8' is outside a worksheet"),
                (try Self.tampered("replace", [#"<c r="D8""#, #"<c r="D8" t="n"><v>3</v></c><c r="D8""#], name: "twice-d8.xlsx", in: directory),
                 "twice-d8.xlsx:Scores!D8: error: the cell is there twice; the file was tampered with"),
                (try Self.tampered("stored", name: "bad-crc.xlsx", in: directory), "bad-crc.xlsx: error: its part xl/worksheets/"),
                (try Self.tampered("twice", name: "two-sheets.xlsx", in: directory), "two-sheets.xlsx: error: holds two parts named 'xl/worksheets/"),
                (try Self.tampered("strings", ["200000"], name: "strings.xlsx", in: directory), "strings.xlsx: error: holds more than"),
                (fifo, "pipe.xlsx: error: is not a regular file (a pipe or device is never read as a form)"),
                (try Self.tampered("replace", [#"<c r="D8""#, #"<c r="D8"><v>&bogus;</v></c><c r="E8""#], name: "entity.xlsx", in: directory),
                 "entity.xlsx: error: its part xl/worksheets/"),
                (try Self.tampered("replace", [#"<c r="D8""#, #"</row><c r="D8""#], name: "unbalanced.xlsx", in: directory),
                 "is not XML as spreadsheet programs write it (not well-formed, or declaring a document type); the file was damaged or tampered with"),
                (try Self.tampered("replace", ["<worksheet", #"<!DOCTYPE worksheet [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;">]><worksheet"#],
                                   name: "doctype.xlsx", in: directory),
                 "doctype.xlsx: error: its part xl/worksheets/"),
            ]
            let output = directory.appendingPathComponent("scores.csv")
            for (form, message) in cases {
                let result = try Self.collect(edition, [form.path], output: output)
                #expect(result.status == 65, "\(form.lastPathComponent): \(result.status) \(result.standardError)")
                #expect(result.standardError.contains(message), "\(form.lastPathComponent): \(result.standardError)")
                #expect(!FileManager.default.fileExists(atPath: output.path), "nothing written")
            }
            let crc = try Self.collect(edition, [cases[2].0.path], output: output)
            #expect(crc.standardError.contains("its checksum does not match: the file is damaged"), "\(crc.standardError)")
            // The untampered form is read: the refusals were of the tampering.
            let plain = try Self.collect(edition, [directory.appendingPathComponent("filled-strings.xlsx").path], output: output)
            #expect(plain.status == 0, "\(plain.standardError)")
        }
    }

    @Test("collect never writes over the edition file or a form it reads (exit 64), and writes through a scoresFile that is a link")
    func collectOutputs() throws {
        try Self.withForms { directory, edition in
            let form = directory.appendingPathComponent("anna.xlsx")
            _ = try IndependentReaders.fillForm(JudgingRoundTests.form("anna", in: directory), to: form, scores: ["alpha": ["impact": 7]])
            let editionBytes = try Data(contentsOf: edition)
            let formBytes = try Data(contentsOf: form)
            for target in [edition, form] {
                let result = try Self.collect(edition, [form.path], output: target)
                #expect(result.status == 64, "\(result.standardError)")
                #expect(result.standardError.contains("\(target.path): error: is one of this run's inputs; it is never written over"), "\(result.standardError)")
            }
            #expect(try Data(contentsOf: edition) == editionBytes && Data(contentsOf: form) == formBytes, "both as they were")
            // The scoresFile (scores.csv) is a link to a table the organizers share elsewhere.
            let shared = directory.appendingPathComponent("shared")
            try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
            let link = directory.appendingPathComponent("scores.csv")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "shared/all-scores.csv")
            let collected = try ProcessRunner.juryreport(["collect", edition.path, form.path])
            #expect(collected.status == 0, "\(collected.standardError)")
            #expect(OutputPlacementTests.isSymbolicLink(link), "the link is still a link")
            let table = try String(contentsOf: shared.appendingPathComponent("all-scores.csv"), encoding: .utf8)
            #expect(table.contains("anna,alpha,impact,7"), "\(table)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path) == ["all-scores.csv"], "no temporary file left")
        }
    }

    /// The rows of the table at `url` after its header, as `juror,nominee,criterion,score`.
    static func rows(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\r\n").dropFirst().map(String.init)
    }

    @Test("forms come back in batches: collect adds, refuses a juror's second form without --replace, replaces only theirs with it")
    func batches() throws {
        try Self.withForms { directory, edition in
            func filled(_ juror: String, _ name: String, _ scores: [String: [String: Any]]) throws -> URL {
                let url = directory.appendingPathComponent(name)
                _ = try IndependentReaders.fillForm(JudgingRoundTests.form(juror, in: directory), to: url, scores: scores)
                return url
            }
            let anna = try filled("anna", "anna.xlsx", ["alpha": ["impact": 7], "gamma": ["craft": 4]])
            let bram = try filled("bram", "bram.xlsx", ["alpha": ["impact": 9]])
            let table = directory.appendingPathComponent("scores.csv")
            let first = try ProcessRunner.juryreport(["collect", edition.path, anna.path])
            #expect(first.status == 0, "\(first.standardError)")
            let second = try ProcessRunner.juryreport(["collect", edition.path, bram.path])
            #expect(second.status == 0 && second.standardError.contains("1 score from 1 form beside 2 kept"), "\(second.standardError)")
            #expect(try Self.rows(table) == ["anna,alpha,impact,7", "anna,gamma,craft,4", "bram,alpha,impact,9"])
            // Anna's newer form: refused, naming her, the table and the form; the table as it was.
            let newer = try filled("anna", "anna-newer.xlsx", ["alpha": ["impact": 8]])
            let before = try Data(contentsOf: table)
            let refused = try ProcessRunner.juryreport(["collect", edition.path, newer.path])
            #expect(refused.status == 65)
            #expect(refused.standardError.contains(
                "\(newer.path): error: \(table.path) already holds scores or remarks of 'anna' (from an earlier collect); this newer form of theirs replaces them only with --replace"),
                "\(refused.standardError)")
            #expect(try Data(contentsOf: table) == before)
            let replaced = try ProcessRunner.juryreport(["collect", edition.path, newer.path, "--replace"])
            #expect(replaced.status == 0 && replaced.standardError.contains("replacing those of anna"), "\(replaced.standardError)")
            #expect(try Self.rows(table) == ["anna,alpha,impact,8", "bram,alpha,impact,9"], "anna's replaced, bram's kept")
        }
    }

    @Test("forms never overwrite a form that came back filled in, unless --force; an untouched form is written again")
    func formsKeepFilledForms() throws {
        try Self.withForms { directory, edition in
            let forms = directory.appendingPathComponent("forms")
            let again = try ProcessRunner.juryreport(["forms", edition.path, "-o", forms.path])
            #expect(again.status == 0, "untouched forms are written again: \(again.standardError)")
            // Anna's form comes back filled into the forms folder.
            let anna = JudgingRoundTests.form("anna", in: directory)
            let filled = directory.appendingPathComponent("filled.xlsx")
            _ = try IndependentReaders.fillForm(anna, to: filled, scores: ["alpha": ["impact": 7], "beta": ["craft": 3]])
            try FileManager.default.removeItem(at: anna)
            try FileManager.default.copyItem(at: filled, to: anna)
            let bytes = try Data(contentsOf: anna)
            let listing = try FileManager.default.contentsOfDirectory(atPath: forms.path).sorted()
            let refused = try ProcessRunner.juryreport(["forms", edition.path, "-o", forms.path])
            #expect(refused.status == 73)
            #expect(refused.standardError.contains(
                "\(anna.path): error: holds scores entered since it was written ('alpha impact', 'beta craft'); not overwritten (collect it first, or use --force)"),
                "\(refused.standardError)")
            #expect(try Data(contentsOf: anna) == bytes, "the filled form as it came back")
            #expect(try FileManager.default.contentsOfDirectory(atPath: forms.path).sorted() == listing, "nothing written, no temporary file")
            let forced = try ProcessRunner.juryreport(["forms", edition.path, "-o", forms.path, "--force"])
            #expect(forced.status == 0, "\(forced.standardError)")
            #expect(try Data(contentsOf: anna) != bytes)
        }
    }

    @Test("a scoresFile has limits: past what the edition can hold, a FIFO, a file that is no table (its content never echoed)")
    func scoresFileLimits() throws {
        let directory = try Paths.temporaryDirectory("form-hardening")
        defer { try? FileManager.default.removeItem(at: directory) }
        let edition = try JudgingRoundTests.edition(in: directory)
        let table = directory.appendingPathComponent("scores.csv")
        // 16 MB (sparse: nothing written) for 3 jurors, 4 nominees and 3 criteria.
        try #require(FileManager.default.createFile(atPath: table.path, contents: nil))
        let handle = try FileHandle(forWritingTo: table)
        try handle.truncate(atOffset: 16 << 20)
        try handle.close()
        let started = Date()
        let large = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/timeout"), ["10", Paths.juryreport.path, "validate", edition.path])
        #expect(large.status == 65, "\(large.standardError)")
        #expect(large.standardError.contains("is 16 MiB; a scores file of this edition (its jury, nominees and criteria) may be at most 82 KiB"), "\(large.standardError)")
        #expect(Date().timeIntervalSince(started) < 5)
        try FileManager.default.removeItem(at: table)
        try #require(mkfifo(table.path, 0o600) == 0)
        let fifo = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/timeout"), ["10", Paths.juryreport.path, "validate", edition.path])
        #expect(fifo.status == 65 && fifo.standardError.contains("is not a regular file (a pipe or device is never read as a table)"), "\(fifo.standardError)")
        try FileManager.default.removeItem(at: table)
        try Data("root:x:0:0:root:/root:/bin/bash\nsecret:x:1000:1000::/home/secret:/bin/sh\n".utf8).write(to: table)
        let other = try ProcessRunner.juryreport(["validate", edition.path])
        #expect(other.status == 65)
        #expect(other.standardError.contains("is not a scores table: its first line is not the header juror,nominee,criterion,score"), "\(other.standardError)")
        #expect(!other.standardError.contains("root") && !other.standardError.contains("secret"), "\(other.standardError)")
    }
}
