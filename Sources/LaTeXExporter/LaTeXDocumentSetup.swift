import JuryReportCore

/// The setup every document of the LaTeX exporter shares: the engine's fonts and input,
/// the language, the paper, the packages and the PDF's metadata and dates, so that the
/// report and the score forms compile alike with pdflatex and lualatex.
enum LaTeXDocumentSetup {
    /// From `\\documentclass` to the PDF's metadata and the commands that escaped text uses; `title`, `author` and `subject` escaped.
    /// `geometry` is the geometry package's options after the paper.
    static func preamble(
        paper: String, fontSize: String, language: String, title: String, author: String, subject: String, created: Int64,
        geometry: String = "margin=25mm"
    ) -> String {
        // Defines `\juryreportbreak` (where a long run of escaped text may break, see LaTeXText)
        // before the metadata, which may hold it.
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
        \\else
          \\usepackage{fontspec}
          \\pdfvariable trailerid {[<6A757279> <6A757279>]}
        \\fi
        \\usepackage[\(LaTeXLanguage.babelOptions(language))]{babel}
        \\usepackage[\(paper)paper,\(geometry)]{geometry}
        \\usepackage{microtype}
        \\usepackage{array}
        \\usepackage{booktabs}
        \\usepackage{longtable}
        \\usepackage{xcolor}
        \\usepackage{pgfplots}
        \\pgfplotsset{compat=1.18}
        % Languages that make punctuation active (French, Spanish) leave TikZ's own alone.
        \\usetikzlibrary{babel}
        \\DeclareRobustCommand{\\juryreportbreak}{\\nobreak\\hspace{0pt plus 1fil}\\penalty0\\hspace{0pt plus -1fil}}
        \\usepackage[hidelinks]{hyperref}
        % In the PDF's metadata a break point is nothing.
        \\pdfstringdefDisableCommands{\\def\\juryreportbreak{}}
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
}
