import JuryReportCore

/// The report's tables (criteria, key figures, standings, recusals) and the standings chart.
extension LaTeXReportWriter {
    /// A booktabs table, its columns sized by what it holds; the standings may run over pages.
    mutating func table(_ table: ReportTable) throws {
        let shares: [Int]
        switch table.kind {
        case .criteria: shares = [30, 15, 55]
        // A column of text values needs more room than one of numbers.
        case .keyFigures: shares = table.columns[1].alignment == .trailing ? [65, 35] : [55, 45]
        case .standings: shares = Self.standingsShares(table)
        case .recusals: shares = [28, 34, 38]
        // Year, number, period, theme, winner, mentions, chair, report.
        case .archive: shares = [7, 7, 14, 14, 23, 23, 13, 13]
        }
        let trailing = table.columns.map { $0.alignment == .trailing }
        var columns = Self.columns(shares: shares, trailing: trailing)
        // A table that may be longer than a page runs over pages; a shorter one stays whole
        // (longtable can leave its head alone on a page when it ends at a page's foot).
        let mayRunOver = (table.kind == .standings || table.kind == .recusals || table.kind == .archive) && table.mayRunOverPages
        var environment = mayRunOver ? "longtable" : "tabular"
        var width = ""
        if table.kind == .standings || table.kind == .criteria || table.kind == .archive, !mayRunOver {
            // Numbers as wide as their widest entry or header (a weight's header is a long
            // word in German), the text the rest; a criterion's name takes 28 %.
            environment = "tabularx"
            width = "{\\linewidth}"
            // An archive's text columns share the width by their shares (tabularx's \hsize
            // factors, which add up to the number of X columns).
            let textShares = trailing.indices.filter { !trailing[$0] }.map { Double(shares[$0]) }
            let scale = Double(textShares.count) / max(textShares.reduce(0, +), 1)
            columns = trailing.indices.map { column in
                if trailing[column] { return "r" }
                if table.kind == .archive {
                    let factor = String(format: "%.3f", Double(shares[column]) * scale)
                    return ">{\\raggedright\\arraybackslash\\hsize=\(factor)\\hsize}X"
                }
                return table.kind == .criteria && column == 0 ? "P{0.28\\linewidth}" : ">{\\raggedright\\arraybackslash}X"
            }.joined()
            usesTabularx = true
        }
        inTable = true
        defer { inTable = false }
        // The standings, of many columns, a size smaller and closer set.
        let isSmall = (table.kind == .standings || table.kind == .archive) && environment == "tabularx"
        if isSmall { try line("\\begingroup\\small\\setlength{\\tabcolsep}{4pt}") }
        try line("\\begin{\(environment)}\(width){@{}\(columns)@{}}")
        try line("\\toprule")
        try line(table.columns.map { "\\textbf{\(text.escape($0.header))}" }.joined(separator: " & ") + "\\\\")
        try line("\\midrule")
        if environment == "longtable" {
            try line("\\endhead")
            try line("\\bottomrule")
            try line("\\endlastfoot")
        }
        for (index, row) in table.rows.enumerated() {
            // `{}` first, so a cell cannot be read as the optional argument of `\\`.
            let cells = row.cells.enumerated().map { column, cell -> String in
                guard !cell.isEmpty else { return "" }
                var rendered = render(Self.shortened(cell, to: Self.longestCell))
                if row.isWinner { rendered = "\\textbf{\(rendered)}" }
                // A cell on the other side than its column's.
                let side = table.alignment(row: row, column: column)
                if side != table.columns[column].alignment {
                    rendered = (side == .trailing ? "\\raggedleft" : "\\raggedright") + "\\arraybackslash " + rendered
                }
                return "{}" + rendered
            }
            // No page break before a long table's end: its foot would stand under a repeated head.
            let isLast = index == table.rows.count - 1
            try line(cells.joined(separator: " & ") + (isLast && environment == "longtable" ? "\\\\*" : "\\\\"))
        }
        if environment != "longtable" { try line("\\bottomrule") }
        try line("\\end{\(environment)}\(environment != "longtable" ? "\\par" : "")")
        if isSmall { try line("\\endgroup") }
        if let note = table.note {
            try line("\\nopagebreak\\smallskip{\\small \(text.escape(note))\\par}")
        }
    }

    /// The standings' column widths (a table long enough to run over pages): the columns
    /// before the name (rank, number) narrow, those after it (each criterion's mean, the
    /// total) alike, the name the rest.
    private static func standingsShares(_ table: ReportTable) -> [Int] {
        let name = table.rowHeader ?? 0
        let after = table.columns.count - name - 1
        let figure = after == 0 ? 0 : min(14, 60 / after)
        let before = [Int](repeating: 8, count: name), rest = [Int](repeating: figure, count: after)
        return before + [100 - before.reduce(0, +) - rest.reduce(0, +)] + rest
    }

    /// Column types whose widths are `shares` (in hundredths, adding up to 100) of the text
    /// block less the space between the columns: every table exactly as wide as the text.
    static func columns(shares: [Int], trailing: [Bool]) -> String {
        let gaps = 2 * (shares.count - 1)
        return zip(shares, trailing).map { share, isTrailing in
            (isTrailing ? "R" : "P") + "{\\dimexpr(\\linewidth-\(gaps)\\tabcolsep)*\(share)/100\\relax}"
        }.joined()
    }

    /// A bar chart of the totals, best first: a picture of at most ``chartBarsPerPicture``
    /// bars per page, each value shown as the report writes it; beyond
    /// ``maximumChartBars`` bars the chart's note says why it is left out.
    mutating func chart(_ chart: ReportChart) throws {
        guard !chart.bars.isEmpty else { return }
        guard chart.bars.count <= Self.maximumChartBars else {
            try line("\\begin{center}\\itshape \(text.escape(chart.leftOutNote))\\end{center}")
            return
        }
        let pictures = stride(from: 0, to: chart.bars.count, by: Self.chartBarsPerPicture).map {
            $0..<min($0 + Self.chartBarsPerPicture, chart.bars.count)
        }
        hasChart = true
        for (number, range) in pictures.enumerated() {
            var labels: [String] = []
            var coordinates: [String] = []
            for (offset, bar) in chart.bars[range].enumerated() {
                // A label of thousands of characters would make the axis too large for TeX.
                labels.append("{" + text.escape(Self.shortened(bar.label, to: Self.longestChartLabel)) + "}")
                // The value as the report writes it (8,29), as the point's meta.
                coordinates.append("(\(NumberText.shortest(bar.value)),\(offset + 1)) [\(text.escape(bar.valueText))]")
            }
            let height = max(4, Double(range.count) * 0.9 + 1.5)
            try line("\\begin{center}")
            try line("\\begin{tikzpicture}")
            try line("\\begin{axis}[")
            try line("  xbar, y dir=reverse, width=0.6\\linewidth, height=\(NumberText.shortest(height))cm,")
            try line("  xmin=\(NumberText.shortest(chart.minimum)), xmax=\(NumberText.shortest(chart.maximum)),")
            try line("  ytick={1,...,\(range.count)}, enlarge y limits={abs=0.6},")
            // A name is never hyphenated; a long one breaks between its words.
            try line("  yticklabel style={align=right, text width=0.34\\linewidth, font={\\small\\hyphenpenalty=10000\\relax}},")
            try line("  yticklabels={\(labels.joined(separator: ","))},")
            // Each value beside its bar's end, clear of the bar and its outline.
            try line("  point meta=explicit symbolic, bar width=9pt, nodes near coords, nodes near coords align={horizontal},")
            try line("  nodes near coords style={font=\\small, anchor=west, xshift=1pt}, clip=false,")
            try line("  xticklabel={\\pgfmathprintnumber[assume math mode=true\(Self.decimalComma(chart) ? ",use comma" : "")]{\\tick}},")
            if number == pictures.count - 1 {
                try line("  xlabel={\(text.escape(chart.valueLabel))},")
            }
            try line("  axis x line*=bottom, axis y line*=left,")
            try line("]")
            try line("\\addplot[fill=winner!60, draw=winner] coordinates {\(coordinates.joined(separator: " "))};")
            try line("\\end{axis}")
            try line("\\end{tikzpicture}")
            try line("\\end{center}")
        }
    }

    /// Whether the chart's values are written with a decimal comma, so its axis is too.
    private static func decimalComma(_ chart: ReportChart) -> Bool {
        chart.bars.contains { $0.valueText.contains(",") }
    }
}
