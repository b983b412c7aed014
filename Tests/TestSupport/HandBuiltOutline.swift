import JuryReportCore

/// A report outline made by hand, not from an edition: one of every kind of block, so that a
/// renderer's test sees each set as its format sets it, whatever the core would decide.
public enum HandBuiltOutline {
    public static let outline = ReportOutline(
        metadata: ReportMetadata(title: "Hand-built report", author: "Ann Chair", subject: nil, language: "en", baseName: "hand-2024"),
        title: ReportTitle(
            award: "Hand Award", overline: "Hand Award", title: "Hand-built report", edition: ["Edition 1"],
            runningEdition: ["Edition 1"], theme: nil, organizer: "The Foundation",
            url: nil, date: "1 May 2024", isoDate: "2024-05-01"),
        blocks: [
            .section(ReportSection(kind: .text, level: 1, heading: "Opening", anchor: "section-1", blocks: [
                .paragraph([.text("Plain, "), .emphasis([.text("stressed")]), .text(" and "), .link([.text("a site")], url: "https://example.org/x")])
            ])),
            .section(ReportSection(kind: .nominees, level: 1, heading: "Nominees", anchor: "nominees", blocks: [
                .section(ReportSection(kind: .nominee(.winner), level: 2, heading: "1. First", anchor: "nominee-first", blocks: [
                    .distinction(ReportDistinction(kind: .winner, label: "Winner")),
                    .summary("One line about First."),
                    .details([ReportDetail(label: "Lead", value: [.text("Some Body")])]),
                    .table(ReportTable(
                        kind: .keyFigures, caption: "Key figures",
                        columns: [.init(header: "Figure", alignment: .leading), .init(header: "Value", alignment: .trailing)],
                        rows: [.init(cells: [[.text("Users")], [.text("12")]])])),
                ]))
            ])),
            .section(ReportSection(kind: .standings, level: 1, heading: "Standings", anchor: "standings", blocks: [
                .table(ReportTable(
                    kind: .standings, caption: "Standings",
                    columns: [.init(header: "Rank", alignment: .trailing), .init(header: "Nominee", alignment: .leading), .init(header: "Total", alignment: .trailing)],
                    rows: [.init(cells: [[.text("1")], [.text("First")], [.text("8.50")]], isWinner: true)], rowHeader: 1)),
                .chart(ReportChart(
                    bars: [.init(label: "First", value: 8.5, valueText: "8.50", isWinner: true)], minimum: 0, maximum: 10,
                    valueLabel: "Total", leftOutNote: "left out")),
            ])),
            .section(ReportSection(kind: .verdict, level: 1, heading: "Verdict", anchor: "verdict", blocks: [
                .paragraph([.strong([.text("Winner:")]), .text(" First")]),
                .announcement("First wins the Hand Award."),
            ])),
            .signatures(ReportSignatures(
                line: "For the jury", heading: "Jury", signers: [.init(name: "Ann Chair", details: ["chair"], isChair: true)],
                placeAndDate: "Utrecht, 1 May 2024")),
        ])

    /// The headings of the outline as a renderer should set them: level (1 the title) and text.
    public static let headings: [(Int, String)] = [
        (1, "Hand-built report"), (2, "Opening"), (2, "Nominees"), (3, "1. First"), (2, "Standings"), (2, "Verdict"), (2, "For the jury"),
    ]
}
