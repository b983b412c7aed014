import Foundation
import Testing
import TestSupport

/// #28.5: a value that passes `validate` builds in every format. Those that once passed and
/// then broke a build — a decimal separator pgfplots cannot parse, a logo larger than TeX
/// can place — are refused by `validate` itself, exit 65 with the field path, and `export`
/// writes nothing.
@Suite("Values that pass validation build: label separators, logo sizes", .onTestPool)
struct BuildableValueTests {
    /// The scored fixture with `yaml` appended, in `directory`.
    static func edition(_ yaml: String, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("edition.yaml")
        try Data((try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8) + yaml).utf8).write(to: file)
        return file
    }

    /// A grey PNG of `width` × `height` pixels, one bit a pixel (small even when huge), by
    /// Python's zlib.
    static func png(_ width: Int, _ height: Int, to file: URL) throws {
        let script = """
            import struct, sys, zlib
            w, h = int(sys.argv[1]), int(sys.argv[2])
            def chunk(kind, data):
                return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
            row = b"\\0" + b"\\0" * ((w + 7) // 8)
            z = zlib.compressobj(9)
            data = b"".join(z.compress(row) for _ in range(h)) + z.flush()
            png = b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
            open(sys.argv[3], "wb").write(png)
            """
        let result = try ProcessRunner.run(tool: "python3", ["-c", script, String(width), String(height), file.path])
        try #require(result.status == 0, "\(result.standardError)")
    }

    /// `validate` refuses `file` with exit 65 and `message`; `export` writes nothing.
    static func refused(_ file: URL, saying message: String) throws {
        let validate = try ProcessRunner.juryreport(["validate", file.path])
        #expect(validate.status == 65, "\(validate.standardError)")
        #expect(validate.standardError.contains(message), "\(validate.standardError)")
        let out = file.deletingLastPathComponent().appendingPathComponent("out")
        let export = try ProcessRunner.juryreport(["export", file.path, "-o", out.path])
        #expect(export.status == 65)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty, "nothing written")
    }

    @Test("labels.decimalSeparator: ',' and '.' build; ';' and a word are refused with the field path")
    func decimalSeparator() throws {
        let directory = try Paths.temporaryDirectory("buildable")
        defer { try? FileManager.default.removeItem(at: directory) }
        for separator in [";", "dot"] {
            let file = try Self.edition("labels:\n  decimalSeparator: '\(separator)'\n", in: directory)
            try Self.refused(file, saying: "labels.decimalSeparator: must be ',' or '.', the decimal separators every format (the workbook, the PDF's charts) can set")
        }
        let comma = try Self.edition("labels:\n  decimalSeparator: ','\n", in: directory)
        let valid = try ProcessRunner.juryreport(["validate", comma.path])
        #expect(valid.status == 0, "\(valid.standardError)")
    }

    @Test("branding.logo: a PNG 25,000 pixels wide and a damaged one are refused; one of 10,000 pixels a side passes")
    func logoSize() throws {
        let directory = try Paths.temporaryDirectory("buildable")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try Self.edition("branding:\n  logo: logo.png\n", in: directory)
        let logo = directory.appendingPathComponent("logo.png")
        try Self.png(25_000, 100, to: logo)
        try Self.refused(file, saying: "logo.png' is 25000 × 100 pixels; a logo may be at most 10000 pixels a side (TeX cannot place a larger one)")
        try Self.png(10_000, 40, to: logo)
        let valid = try ProcessRunner.juryreport(["validate", file.path])
        #expect(valid.status == 0, "\(valid.standardError)")
        let bytes = try Data(contentsOf: logo)
        try bytes.prefix(14).write(to: logo)
        try Self.refused(file, saying: "logo.png' is a damaged PNG file: its size in pixels cannot be read")
    }
}
