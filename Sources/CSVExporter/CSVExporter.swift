import JuryReportCore

/// Tables for data pipelines and spreadsheets: nominees, jury, key figures, criteria, and
/// scores and recusals when there are any; RFC 4180.
///
/// Column keys are English snake_case whatever the edition's language, so pipelines do not
/// depend on it. Rows are written as they are produced.
public struct CSVExporter: ArchiveExporter {
    public let format = ExportFormat(
        name: "csv", fileSuffixes: [".nominees.csv", ".jury.csv", ".facts.csv", ".criteria.csv", ".scores.csv", ".recusals.csv"],
        summary: "nominees, jury, key figures, criteria, scores and recusals as RFC 4180 CSV tables (UTF-8, CRLF)",
        options: [Self.delimiter, Self.decimal, Self.byteOrderMark, Self.formulaGuard])

    static let delimiter = ExportOption.choice(
        "delimiter", [",", ";", "tab"], default: ",", summary: "the field separator (; for Dutch Excel)")
    static let decimal = ExportOption.choice(
        "decimal", ["point", "comma"], default: nil,
        summary: "the decimal separator of numbers (default: comma with delimiter=;, else point)")
    static let byteOrderMark = ExportOption.boolean("bom", default: false, summary: "start with a UTF-8 byte order mark, for Excel")
    static let formulaGuard = ExportOption.boolean(
        "formula-guard", default: true, summary: "prefix ' to text a spreadsheet would run as a formula")

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? {
        format.fileSuffixes.map(PlannedFile.text)
    }

    /// The tables this edition has: scores and recusals only when it has some.
    public func files(for request: ExportRequest) -> [PlannedFile]? {
        Self.suffixes(of: request.edition).map(PlannedFile.text)
    }

    /// The suffix of each table written for `edition`, in the order written.
    static func suffixes(of edition: Edition) -> [String] {
        [".nominees.csv", ".jury.csv", ".facts.csv", ".criteria.csv"]
            + (edition.scores.isEmpty ? [] : [".scores.csv"]) + (edition.recusals.isEmpty ? [] : [".recusals.csv"])
    }

    /// The format and byte order mark `options` ask for.
    private func settings(_ options: ExportOptions) throws -> (format: CSVFormat, byteOrderMark: Bool) {
        let delimiter = try options.value(of: Self.delimiter) ?? ","
        let decimal = try options.value(of: Self.decimal) ?? (delimiter == ";" ? "comma" : "point")
        let csv = CSVFormat(
            delimiter: delimiter == "tab" ? "\t" : Character(delimiter), formulaGuard: try options.isOn(Self.formulaGuard),
            decimalComma: decimal == "comma")
        return (csv, try options.isOn(Self.byteOrderMark))
    }

    public func archiveFiles(for request: ArchiveRequest) -> [PlannedFile] { [.text(".editions.csv"), .text(".nominees.csv")] }

    /// The award's archive as two tables: the editions, newest first, and every nominee of
    /// every edition (with the other years it stands in), for a pipeline or a spreadsheet.
    public func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws {
        let (csv, byteOrderMark) = try settings(request.options)
        let archive = request.archive
        func write(_ suffix: String, header: [String], rows: [[CSVFormat.Field]]) throws {
            try sink.writeFile(suffix: suffix) { output in
                if byteOrderMark { try output.write("\u{FEFF}") }
                let writer = CSVRowWriter(format: csv, output: output)
                try writer.write(header.map(CSVFormat.Field.text))
                for row in rows { try writer.write(row) }
            }
        }
        try write(
            ".editions.csv",
            header: ["year", "number", "period", "theme", "language", "winner", "winner_name", "winner_lead", "mentions", "chair", "files"],
            rows: archive.entries.map { entry in
                let edition = entry.edition
                let winner = entry.references.winner.map { edition.nominees[$0] }
                return [
                    .number(String(entry.year)), .number(edition.details.number.map(String.init) ?? ""), .text(edition.details.period ?? ""),
                    .text(edition.details.theme ?? ""), .text(edition.details.language), .text(winner?.id ?? ""), .text(winner?.name ?? ""),
                    .text(winner?.lead ?? ""), .text(entry.references.mentions.map { AwardArchive.nameAndLead(edition.nominees[$0]) }.joined(separator: "; ")),
                    .text(entry.references.chair.map { edition.jury[$0].name } ?? ""), .text(entry.reportFiles.joined(separator: "; ")),
                ]
            })
        try write(
            ".nominees.csv",
            header: ["year", "edition_number", "nominee", "name", "lead", "distinction", "rank", "total", "other_years", "recurring"],
            rows: archive.nomineeRows.map { row in
                [
                    .number(String(row.year)), .number(row.editionNumber.map(String.init) ?? ""), .text(row.id), .text(row.name),
                    .text(row.lead ?? ""), .text(row.distinction.map { $0 == .winner ? "winner" : "mention" } ?? ""),
                    .number(row.rank.map(String.init) ?? ""), .number(row.total.map(NumberText.shortest) ?? ""),
                    .text(row.otherYears.map(String.init).joined(separator: "; ")), .number(String(!row.otherYears.isEmpty)),
                ]
            })
    }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        let options = request.options
        let (csv, byteOrderMark) = try settings(options)
        let tables = CSVTables(request: request)

        func write(_ suffix: String, header: [String], rows: (CSVRowWriter) throws -> Void) throws {
            try sink.writeFile(suffix: suffix) { output in
                if byteOrderMark { try output.write("\u{FEFF}") }
                let writer = CSVRowWriter(format: csv, output: output)
                try writer.write(header.map(CSVFormat.Field.text))
                try rows(writer)
            }
        }
        // The tables `files(for:)` names, and only those.
        for suffix in Self.suffixes(of: request.edition) {
            switch suffix {
            case ".nominees.csv": try write(suffix, header: tables.nomineeColumns, rows: tables.writeNominees)
            case ".jury.csv": try write(suffix, header: CSVTables.juryColumns, rows: tables.writeJury)
            case ".facts.csv": try write(suffix, header: CSVTables.factColumns, rows: tables.writeFacts)
            case ".criteria.csv": try write(suffix, header: CSVTables.criterionColumns, rows: tables.writeCriteria)
            case ".scores.csv": try write(suffix, header: CSVTables.scoreColumns, rows: tables.writeScores)
            default: try write(suffix, header: CSVTables.recusalColumns, rows: tables.writeRecusals)
            }
        }
    }
}

/// Writes rows to a ``TextOutput`` as they come.
struct CSVRowWriter {
    let format: CSVFormat
    let output: TextOutput

    func write(_ fields: [CSVFormat.Field]) throws {
        try output.write(format.row(fields))
    }
}

/// The tables of SPEC section 3, row by row.
struct CSVTables {
    let request: ExportRequest

    private var edition: Edition { request.edition }
    private var hasScores: Bool { !edition.scores.isEmpty }
    /// Whether the totals come from a method other than the weighted mean: then the raw
    /// total (the weighted mean) follows the rank.
    private var hasRawTotal: Bool { hasScores && edition.scoring.method != .mean }

    var nomineeColumns: [String] {
        ["id", "number", "name", "lead", "location", "sector", "partners", "summary", "url", "winner", "mention"]
            + (hasScores ? ["total", "rank"] : []) + (hasRawTotal ? ["raw_total"] : [])
    }
    static let juryColumns = ["id", "name", "role", "chair", "affiliation"]
    static let scoreColumns = ScoresTable.columns
    static let factColumns = ["nominee", "label", "value"]
    static let criterionColumns = ["id", "name", "weight", "description"]
    static let recusalColumns = ["juror", "nominee", "reason"]

    func writeNominees(_ writer: CSVRowWriter) throws {
        let references = request.references
        for (index, nominee) in edition.nominees.enumerated() {
            let distinction = references.distinction(ofNomineeAt: index)
            var row: [CSVFormat.Field] = [
                .text(nominee.id), .number(String(nominee.number)), .text(nominee.name),
                .text(nominee.lead ?? ""), .text(nominee.location ?? ""), .text(nominee.sector ?? ""),
                .text(nominee.partners.joined(separator: "; ")), .text(nominee.summary ?? ""),
                .text(nominee.url ?? ""), .number(String(distinction == .winner)),
                .number(String(distinction == .mention)),
            ]
            if hasScores {
                let entry = request.standings.entry(for: nominee.id)
                row.append(.number(entry.map { NumberText.shortest($0.total) } ?? ""))
                row.append(.number(entry.map { String($0.rank) } ?? ""))
                if hasRawTotal { row.append(.number(entry.map { NumberText.shortest($0.rawTotal) } ?? "")) }
            }
            try writer.write(row)
        }
    }

    func writeJury(_ writer: CSVRowWriter) throws {
        for member in edition.jury {
            try writer.write([
                .text(member.id), .text(member.name), .text(member.role ?? ""), .number(String(member.chair)),
                .text(member.affiliation ?? ""),
            ])
        }
    }

    /// One row per key figure, nominee by nominee, in order; a number stays a number.
    func writeFacts(_ writer: CSVRowWriter) throws {
        for nominee in edition.nominees {
            for fact in nominee.facts {
                let value: CSVFormat.Field
                switch fact.value {
                case .number(let number): value = .number(NumberText.shortest(number))
                case .text(let text): value = .text(text)
                }
                try writer.write([.text(nominee.id), .text(fact.label), value])
            }
        }
    }

    /// The description as its source text (inline markup as written).
    func writeCriteria(_ writer: CSVRowWriter) throws {
        for criterion in edition.criteria {
            try writer.write([
                .text(criterion.id), .text(criterion.name), .number(NumberText.shortest(criterion.weight)),
                .text(criterion.description?.source ?? ""),
            ])
        }
    }

    func writeRecusals(_ writer: CSVRowWriter) throws {
        for recusal in edition.recusals {
            try writer.write([.text(recusal.juror), .text(recusal.nominee), .text(recusal.reason ?? "")])
        }
    }

    func writeScores(_ writer: CSVRowWriter) throws {
        for score in edition.scores {
            try writer.write([
                .text(score.juror), .text(score.nominee), .text(score.criterion ?? ""),
                .number(NumberText.shortest(score.score)),
            ])
        }
    }
}
