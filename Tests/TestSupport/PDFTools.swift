import Foundation

/// poppler's tools, reading PDFs that TeX wrote.
public enum PDFTools {
    /// The text of the PDF as pdftotext extracts it; `layout` keeps table rows on a line.
    /// Page numbers (lines of digits alone) are left out, and with `belowHeader` the top
    /// margin of every page, where the report's running header stands (the text block of
    /// its pages starts 25 mm down, the header above that), so a sentence that runs over a
    /// page break reads on.
    public static func text(_ pdf: URL, layout: Bool = false, belowHeader: Bool = true) throws -> String {
        // -y: the top of the area read, in points (25 mm is 71 pt).
        try Tool.poppler.require()
        let crop = belowHeader ? ["-x", "0", "-y", "62", "-W", "5000", "-H", "5000"] : []
        let result = try ProcessRunner.run(tool: "pdftotext", ["-enc", "UTF-8"] + (layout ? ["-layout"] : []) + crop + [pdf.path, "-"])
        guard result.status == 0 else { throw ReaderError(message: "pdftotext: \(result.standardError)") }
        return result.output.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !(line.trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber) && !line.trimmingCharacters(in: .whitespaces).isEmpty) }
            .joined(separator: "\n")
    }

    /// pdfinfo's fields: Title, Author, Subject, Page size, Pages...
    public static func info(_ pdf: URL) throws -> [String: String] {
        try Tool.poppler.require()
        let result = try ProcessRunner.run(tool: "pdfinfo", [pdf.path])
        guard result.status == 0 else { throw ReaderError(message: "pdfinfo: \(result.standardError)") }
        var fields: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The fonts pdffonts lists, with whether each is embedded.
    public static func fonts(_ pdf: URL) throws -> [(name: String, embedded: Bool)] {
        try Tool.poppler.require()
        let result = try ProcessRunner.run(tool: "pdffonts", [pdf.path])
        guard result.status == 0 else { throw ReaderError(message: "pdffonts: \(result.standardError)") }
        return result.output.split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type... encoding emb sub uni object ID: "emb" is the fifth column from the end.
            let embedded = columns.count >= 5 && columns[columns.count - 5] == "yes"
            return (String(columns.first ?? ""), embedded)
        }
    }

    /// Text with all white space and hyphens removed and its quotes straightened, to compare
    /// what a PDF shows with its source whatever the line breaks, hyphenation and quotes
    /// (typed `'` and `"` are set as curly ones, see ``Quotes``).
    public static func squeezed(_ text: String) -> String {
        String(Quotes.straightened(text).unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" && $0 != "\u{00AD}" }.map(Character.init))
    }
}

/// The TeX engines on this machine.
public enum TeXEngines {
    public static let all = ["pdflatex", "lualatex"]
}
