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

    /// A page as pdftotext's `-bbox` sees it: its size and every word with its box, in
    /// points from the top left corner (read by `Readers/read_pdf_words.py`).
    public struct Page: Decodable {
        public var width: Double
        public var height: Double
        public var words: [Word]

        public struct Word: Decodable {
            public var text: String
            public var xMin, yMin, xMax, yMax: Double
            public var yMiddle: Double { (yMin + yMax) / 2 }

            public init(from decoder: any Decoder) throws {
                var fields = try decoder.unkeyedContainer()
                text = try fields.decode(String.self)
                xMin = try fields.decode(Double.self)
                yMin = try fields.decode(Double.self)
                xMax = try fields.decode(Double.self)
                yMax = try fields.decode(Double.self)
            }
        }

        /// The words of the text block: not the running header or the page number in the
        /// top and bottom margins (the top 6.5 % and the bottom 6 % of the page).
        public var bodyWords: [Word] {
            words.filter { $0.yMax > height * 0.065 && $0.yMin < height * 0.94 }
        }
    }

    /// Every page's words with their boxes.
    public static func pages(_ pdf: URL) throws -> [Page] {
        try Tool.poppler.require()
        return try IndependentReaders.run("read_pdf_words.py", [pdf.path], as: [Page].self)
    }

    /// How much of each page's text block stays empty below its last line, from 0 (full) to
    /// 1: the text block is as tall as the tallest extent of text over all the pages.
    public static func emptyShares(_ pages: [Page]) -> [Double] {
        let bodies = pages.map(\.bodyWords)
        guard let top = bodies.flatMap({ $0 }).map(\.yMin).min(), let bottom = bodies.flatMap({ $0 }).map(\.yMax).max(), bottom > top
        else { return pages.map { _ in 1 } }
        return bodies.map { words in
            guard let last = words.map(\.yMax).max() else { return 1 }
            return (bottom - last) / (bottom - top)
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
