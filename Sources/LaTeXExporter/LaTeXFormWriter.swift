import JuryReportCore

/// One jury member's score form as a LaTeX document to print and fill in by hand: the
/// member's name and the instructions, the criteria with their weights and descriptions, a
/// grid of boxes (one row per nominee, one column per criterion and one for remarks; the
/// scores and remarks the edition already has written in, the boxes of the nominees the
/// member is recused from grey), where and by when it goes back, and lines for name, date
/// and signature. Set up like the report (``LaTeXDocumentSetup``).
struct LaTeXFormWriter {
    let form: ScoreForm
    let output: TextOutput
    let created: Int64
    var text = LaTeXText()
    /// The body, written before the preamble (it decides the fonts the preamble asks for).
    private let body = ByteBuffer()

    init(form: ScoreForm, output: TextOutput, created: Int64) {
        self.form = form
        self.output = output
        self.created = created
    }

    /// Longer names are cut with an ellipsis: a row of the grid must fit its page.
    static let longestName = 300

    private func line(_ source: String) throws {
        body.bytes.append(contentsOf: (source + "\n").utf8)
    }

    mutating func write() throws {
        let edition = form.edition
        let words = Vocabulary(edition)
        let judging = words.judging
        let criteria = edition.criteria
        let columns = form.columnCount
        let title = text.escape(words.formTitle(of: edition))
        let member = text.escape(form.member.name)
        // Many criteria: landscape, so that each box stays large enough to write in.
        let geometry = columns > 5 ? "landscape,margin=15mm" : "margin=20mm"
        let subject = text.escape(edition.award.name)
        try line("\\begin{document}")
        try line("{\\Large\\bfseries \(title)\\par}")
        try line("{\\large \(text.escape(words.juror)): \\textbf{\(member)}\\par}")
        let min = words.shortest(edition.scale.min)
        let max = words.shortest(edition.scale.max)
        try line(text.escape(judging.handInstructions(min: min, max: max)) + "\\par")
        if let back = judging.returnLine(by: form.returnBy.map(words.longDate), to: edition.award.organizer) {
            try line(text.escape(back) + "\\par")
        }
        if !criteria.isEmpty {
            try line("\\textbf{\(text.escape(words.criteria))}")
            try line("\\begin{itemize}")
            for criterion in criteria {
                var item = "\\item{}\\textbf{\(text.escape(criterion.name))} (\\texttimes{}\\,\(text.escape(NumberText.shortest(criterion.weight))))"
                if let description = criterion.description { item += ": " + text.escape(description.source) }
                try line(item)
            }
            try line("\\end{itemize}")
        }
        // The grid: number, name, a box per criterion, the remarks; the boxes share what the
        // name and the remarks leave.
        let nameWidth = columns > 5 ? 0.18 : 0.24
        let remarksWidth = columns > 5 ? 0.2 : 0.26
        let boxWidth = (1 - 0.07 - nameWidth - remarksWidth) / Double(columns) - 0.012
        let boxes = String(repeating: "|C{\(String(format: "%.3f", boxWidth))\\linewidth}", count: columns)
            + "|P{\(String(format: "%.2f", remarksWidth))\\linewidth}"
        try line("{\\renewcommand{\\arraystretch}{1.6}")
        try line("\\begin{longtable}{|C{0.04\\linewidth}|P{\(String(format: "%.2f", nameWidth))\\linewidth}\(boxes)|}")
        try line("\\hline")
        let headers = (0..<columns).map { column -> String in
            criteria.isEmpty ? text.escape(words.score) : "\\textbf{\(text.escape(criteria[column].name))}"
        }
        try line(
            "\\textbf{\(text.escape(words.number))} & \\textbf{\(text.escape(words.nominee))} & " + headers.joined(separator: " & ")
                + " & \\textbf{\(text.escape(judging.remarks))}\\\\ \\hline")
        try line("\\endhead")
        for (index, nominee) in edition.nominees.enumerated() {
            let name = text.escape(String(nominee.name.prefix(Self.longestName)) + (nominee.name.count > Self.longestName ? "…" : ""))
            let recused = form.recusal(nominee: index) != nil
            let cells = (0..<columns).map { column -> String in
                // Grey, as the instructions say of boxes that are not the member's.
                if recused { return "\\cellcolor{black!15}\\textcolor{black!55}{\(text.escape(judging.notJudged))}" }
                return form.score(nominee: index, column: column).map { text.escape(NumberText.shortest($0)) } ?? ""
            }
            // The remark's own line breaks kept; a cell's text sets from the top.
            let remark = recused ? "\\cellcolor{black!15}" : form.remark(nominee: index).map { remark in
                "\\footnotesize{}" + remark.split(separator: "\n", omittingEmptySubsequences: false).map { text.escape(String($0)) }
                    .joined(separator: "\\newline{}")
            } ?? ""
            // A strut makes every row tall enough to write a number and a remark in by hand,
            // its room below the first line, where the hand writes.
            try line(
                "\\rule[-7mm]{0pt}{11mm}\(nominee.number) & {}\(name)\(recused ? " \\textit{(\(text.escape(judging.recused)))}" : "") & "
                    + cells.joined(separator: " & ") + " & {}\(remark)\\\\ \\hline")
        }
        try line("\\end{longtable}}")
        try line("\\vspace{2\\baselineskip}")
        try line("\\begin{minipage}{\\linewidth}")
        for label in [judging.nameLine, judging.dateLine, judging.signatureLine] {
            try line("\\begin{minipage}[t]{0.31\\linewidth}\\vspace{2.2em}\\rule{0.9\\linewidth}{0.4pt}\\par \(text.escape(label))\\end{minipage}\\hfill")
        }
        try line("\\end{minipage}")
        try line("\\end{document}")
        try output.write("% \(edition.baseName).form.\(form.member.id).tex: a score form, written by juryreport.\n")
        try output.write(LaTeXDocumentSetup.preamble(
            paper: "a4", fontSize: "11pt", language: edition.details.language, title: title, author: member,
            subject: subject, created: created, geometry: geometry, fallback: text.fallbackFonts) + "\n")
        try output.write("""
            \\usepackage{colortbl}
            \\setlength{\\parindent}{0pt}
            \\setlength{\\parskip}{0.5\\baselineskip}
            \\newcolumntype{P}[1]{>{\\raggedright\\arraybackslash}p{#1}}
            \\newcolumntype{C}[1]{>{\\centering\\arraybackslash}p{#1}}
            \\pagestyle{plain}

            """)
        try output.write(bytes: body.bytes)
    }
}

/// The score forms as printable PDFs for the `forms` command: one per jury member,
/// `<base>.form.<juror>.pdf`, compiled with the first TeX engine on `PATH`.
public struct LaTeXFormExporter: Exporter {
    public let format = ExportFormat(
        name: "pdf", fileSuffixes: [".pdf"], summary: "a score form per jury member, printed and filled in by hand")

    /// The jury members to make forms for, by id; nil for every one.
    public let jurors: Set<String>?
    /// The day the forms are to be back, said on each.
    public let returnBy: CalendarDate?

    public init(jurors: Set<String>? = nil, returnBy: CalendarDate? = nil) {
        self.jurors = jurors
        self.returnBy = returnBy
    }

    public func files(for options: ExportOptions) -> [PlannedFile]? { nil }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        var replaced: [Unicode.Scalar] = []
        for form in ScoreForm.forms(of: request.edition, jurors: jurors, returnBy: returnBy) {
            var source: [UInt8] = []
            let output = TextOutput { source.append(contentsOf: $0) }
            var writer = LaTeXFormWriter(form: form, output: output, created: request.timestamp)
            try writer.write()
            try output.flush()
            replaced += writer.text.replaced
            // As the report's engine=auto: pdflatex unless a character needs lualatex.
            let engine = try LaTeXEngine.find(
                writer.text.replaced.isEmpty ? ["pdflatex", "lualatex"] : ["lualatex", "pdflatex"], path: request.environment["PATH"])
            let pdf = try engine.build(
                source: source, jobName: request.baseName + ".form." + form.member.id, timestamp: request.timestamp,
                environment: request.environment, observer: request.temporaryResourceObserver)
            try sink.writeFile(suffix: ScoreForm.suffix(juror: form.member.id, extension: "pdf")) { try $0.write(bytes: pdf) }
        }
        if !replaced.isEmpty { sink.warn(LaTeXExporter.sourceWarning(replaced)) }
    }
}
