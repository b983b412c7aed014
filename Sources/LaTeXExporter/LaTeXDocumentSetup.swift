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
        // Defines `\juryreportbreak` (where a long run of escaped text may break, see LaTeXText)
        // and `\juryreportchar` before the metadata, which may hold them.
        """
        \\documentclass[\(paper)paper,\(fontSize)]{article}
        \\usepackage{iftex}
        \\ifPDFTeX
          \\usepackage[T1]{fontenc}
          \\usepackage[utf8]{inputenc}
          \\usepackage{lmodern}
          \\usepackage{textcomp}
          % Text copies out of the PDF as typed.
          \\input{glyphtounicode}
          % TS1 glyphs the list does not name, which would copy out as control
          % characters (or the mho as an M).
          \\pdfglyphtounicode{permyriad}{2031}\\pdfglyphtounicode{discount}{2052}
          \\pdfglyphtounicode{naira}{20A6}\\pdfglyphtounicode{peso}{20B1}
          \\pdfglyphtounicode{published}{2117}\\pdfglyphtounicode{recipe}{211E}
          \\pdfglyphtounicode{servicemark}{2120}\\pdfglyphtounicode{mho}{2127}
          \\pdfgentounicode=1
          % The same bytes on every run (with SOURCE_DATE_EPOCH for the dates).
          \\pdftrailerid{juryreport}
          % What the fonts cannot set: its code, visibly, with a place to break after it
          % (ragged, as a run of codes has no space to stretch).
          \\def\\juryreportchar#1#2{#1\\juryreportbreak}
          \\def\\juryreportideograph#1#2{#1\\juryreportbreak}
        \\else
          \\usepackage{fontspec}
          \\pdfvariable trailerid {[<6A757279> <6A757279>]}
          % The character itself, from a fallback font; ideographs may end a line.
          \\def\\juryreportchar#1#2{#2}
          \\def\\juryreportideograph#1#2{#2\\hskip0pt plus 0.1pt\\relax}
        \(fallbackFonts(fallback))\\fi
        \(babel(language, bidi: fallback.needsBidi))
        \\usepackage[\(paper)paper,\(geometry)]{geometry}
        \\usepackage{microtype}
        \\usepackage{array}
        \\usepackage{booktabs}
        \\usepackage{longtable}
        \\usepackage{xcolor}
        \(charts ? Self.chartPackages : "% No chart: pgfplots, slow to load, is left out.")
        \\DeclareRobustCommand{\\juryreportbreak}{\\nobreak\\hspace{0pt plus 1fil}\\penalty0\\hspace{0pt plus -1fil}}
        \\usepackage[\(colorLinks.map { "colorlinks,linkcolor=\($0),urlcolor=\($0),citecolor=\($0)" } ?? "hidelinks")]{hyperref}
        \\usepackage{bookmark}
        % In the PDF's metadata and bookmarks a break point is nothing, a character itself.
        \\pdfstringdefDisableCommands{\\def\\juryreportbreak{}\\def\\juryreportchar#1#2{#2}\\def\\juryreportideograph#1#2{#2}}
        \\hypersetup{
          pdftitle={\(title)},
          pdfauthor={\(author)},
          pdfsubject={\(subject)},
          pdflang={\(language)},
          pdfcreator={juryreport},
          % Set here, not left to the engine: lualatex takes SOURCE_DATE_EPOCH only
          % from 1970 to 2038, and would put the current time in the PDF.
          pdfcreationdate={\(LaTeXReportWriter.pdfDate(created))},
          pdfmoddate={\(LaTeXReportWriter.pdfDate(created))}
        }
        """
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
