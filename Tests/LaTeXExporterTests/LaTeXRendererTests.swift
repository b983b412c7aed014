import Foundation
import JuryReportCore
import Testing
import TestSupport

@testable import LaTeXExporter

/// The LaTeX writer on an outline made by hand (``HandBuiltOutline``): the document's body
/// holds each kind of block as the print layout sets it, in the outline's order. (The PDF
/// tests compile what editions give.)
@Suite("LaTeX rendering of a hand-built outline", .onTestPool)
struct LaTeXRendererTests {
    /// The whole document the writer makes of `outline`.
    static func source(of outline: ReportOutline) throws -> String {
        var bytes: [UInt8] = []
        let output = TextOutput { bytes += $0 }
        var writer = LaTeXReportWriter(outline: outline, layout: LaTeXLayout(), output: output, created: 1_714_521_600)
        try writer.write()
        try output.flush()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What follows `\begin{document}`.
    static func body(of outline: ReportOutline) throws -> String {
        try #require(try source(of: outline).components(separatedBy: "\\begin{document}").last)
    }

    /// Where `needle` first stands in `text`, for order.
    static func offset(of needle: String, in text: String) -> Int {
        text.range(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1
    }

    @Test("sections and the nominee as a subsection, emphasis and the link, tables with numbers right, the chart, the signatures last")
    func everyBlock() throws {
        let body = try Self.body(of: HandBuiltOutline.outline)
        let order = [
            "Hand-built report", "\\section", "Opening", "\\emph{stressed}", "\\href{https://example.org/x}", "\\section", "Nominees",
            "\\subsection", "1. First", "Winner", "One line about First.", "Some Body", "\\begin{tabular", "Users", "Standings",
            "\\addplot", "Verdict", "\\textbf{Winner:} First",
            // The announcement stays with the text before it and the signatures with the
            // announcement: no page may break between them.
            "\\nopagebreak[4]", "\\juryreportannouncement{First wins the Hand Award.}", "\\nopagebreak[4]",
            "For the jury", "Utrecht, 1 May 2024", "Ann Chair", "\\end{document}",
        ]
        var searched = body[...]
        for needle in order {
            let range = try #require(searched.range(of: needle), "\(needle) after what came before it")
            searched = searched[range.upperBound...]
        }
        // Figure and value: text left, numbers right; rank, nominee, total likewise.
        // (P is a ragged column, R a right-aligned one, each a share of the line.)
        let columns = body.split(separator: "\n").filter { $0.hasPrefix("\\begin{tabular}") }.map { line in
            String(line.matches(of: /(?:^|[}@])([PR])\{\\dimexpr/).map { $0.output.1 }.joined())
        }
        #expect(columns.contains("PR"), "\(columns)")
        // The standings: numbers as wide as they are, the name the rest of the line.
        #expect(body.contains("\\begin{tabularx}{\\linewidth}{@{}r>{\\raggedright\\arraybackslash}Xr@{}}"))
        #expect(Self.offset(of: "\\addplot", in: body) > Self.offset(of: "8.50", in: body), "the table before its chart")
    }

    @Test("an outline without a chart draws none and loads no pgfplots")
    func noChart() throws {
        var outline = HandBuiltOutline.outline
        outline.blocks = outline.blocks.map { block in
            guard case .section(var section) = block, section.kind == .standings else { return block }
            section.blocks.removeAll { if case .chart = $0 { true } else { false } }
            return .section(section)
        }
        let source = try Self.source(of: outline)
        #expect(!source.contains("\\addplot") && !source.contains("{pgfplots}"))
        #expect(source.contains("8.50"))
    }
}
