import JuryReportCore

/// The setup every document of the LaTeX exporter shares: the engine's fonts and input,
/// the language, the paper, the packages and the PDF's metadata and dates, so that the
/// report and the score forms compile alike with pdflatex and lualatex.
enum LaTeXDocumentSetup {
    /// From `\\documentclass` to the PDF's metadata and the commands that escaped text uses; `title`, `author` and `subject` escaped.
    /// `geometry` is the geometry package's options after the paper.
    /// `fallback`: the fonts lualatex needs beyond Latin Modern (see ``LaTeXFallbackFonts``).
    static func preamble(
        paper: String, fontSize: String, language: String, title: String, author: String, subject: String, created: Int64,
        geometry: String = "margin=25mm", fallback: LaTeXFallbackFonts = LaTeXFallbackFonts(), colorLinks: String? = nil,
        charts: Bool = false
    ) -> String {
        // The setup defines `\juryreportbreak` (where a long run of escaped text may break, see
        // LaTeXText) and `\juryreportchar` before the metadata, which may hold them.
        let filled = LaTeXTemplate.fill(LaTeXTemplate.documentSetup, [
            "paper": paper, "fontSize": fontSize, "fallbackFonts": fallbackFonts(fallback),
            "babel": babel(language, bidi: fallback.needsBidi), "geometry": geometry,
            "charts": charts ? Self.chartPackages : "% No chart: pgfplots, slow to load, is left out.",
            "hyperref": colorLinks.map { "colorlinks,linkcolor=\($0),urlcolor=\($0),citecolor=\($0)" } ?? "hidelinks",
            "title": title, "author": author, "subject": subject, "language": language,
            "created": LaTeXReportWriter.pdfDate(created),
        ])
        // The file's last line ends with a newline; the setup is followed by what the caller writes.
        return String(filled.dropLast())
    }

    /// pgfplots for the chart of the totals, loaded only by a document that has one.
    private static let chartPackages = """
        \\usepackage{pgfplots}
        \\pgfplotsset{compat=1.18}
        % Languages that make punctuation active (French, Spanish) leave TikZ's own alone.
        \\usetikzlibrary{babel}
        """

    /// The lualatex lines that set the fallback fonts of the document, each only where the
    /// machine has it; nothing when the document needs none.
    private static func fallbackFonts(_ fallback: LaTeXFallbackFonts) -> String {
        guard !fallback.isEmpty else { return "" }
        var lines = ["  % Characters Latin Modern lacks, from the first of these fonts the machine has."]
        lines.append("  \\def\\juryreportfallbacks{}")
        for font in fallback.fonts {
            lines.append(
                "  \\IfFontExistsTF{\(font)}{\\edef\\juryreportfallbacks{\\juryreportfallbacks\"\(font):mode=harf;\",}}{}")
        }
        lines.append("  \\directlua{luaotfload.add_fallback(\"juryreport\", {\\juryreportfallbacks})}")
        lines.append("  \\setmainfont{Latin Modern Roman}[RawFeature={fallback=juryreport}]")
        lines.append("  \\setsansfont{Latin Modern Sans}[RawFeature={fallback=juryreport}]")
        return lines.joined(separator: "\n") + "\n"
    }

    /// babel for the edition's language; under lualatex with right-to-left text also its
    /// bidi algorithm, which sets each run in its own direction.
    private static func babel(_ language: String, bidi: Bool) -> String {
        let options = LaTeXLanguage.babelOptions(language)
        guard bidi else { return "\\usepackage[\(options)]{babel}" }
        return "\\ifPDFTeX\\usepackage[\(options)]{babel}\\else\\usepackage[bidi=basic,\(options)]{babel}\\fi"
    }
}
