import JuryReportCore

/// The organizers' workbook: the edition, the nominees as an Excel table with the winner
/// marked, key figures, the jury, and when scores exist a score sheet with live formulas
/// (weighted total, rank) that carry their computed results, a colour scale and a chart.
/// Written through libxlsxwriter.
public struct XLSXExporter: ArchiveExporter {
    public let format = ExportFormat(
        name: "xlsx", fileSuffixes: [".xlsx"],
        summary: "a workbook for organizers: edition, nominees, key figures, jury, scores with live formulas",
        options: [Self.memory])

    static let memory = ExportOption.choice(
        "memory", ["auto", "constant", "default"], default: "auto",
        summary: "constant: flat memory, row by row, nominees as an autofilter range instead of a table; auto: constant above \(XLSXExporter.constantMemoryThreshold) rows")

    /// Sheets with more rows than this are written in constant-memory mode under `memory=auto`.
    public static let constantMemoryThreshold = 20_000

    public init() {}

    public func files(for options: ExportOptions) -> [PlannedFile]? { [.binary(".xlsx")] }

    public func archiveFiles(for request: ArchiveRequest) -> [PlannedFile] { [.binary(".xlsx")] }

    /// The award's archive workbook: the editions and every nominee of every edition, each
    /// an Excel table with filters.
    public func exportArchive(_ request: ArchiveRequest, to sink: any ExportSink) throws {
        try write(
            ArchiveWorkbookPlanner(request: request).plan(), options: request.options, observer: request.temporaryResourceObserver, to: sink)
    }

    public func export(_ request: ExportRequest, to sink: any ExportSink) throws {
        try write(WorkbookPlanner(request: request).plan(), options: request.options, observer: request.temporaryResourceObserver, to: sink)
    }

    /// Writes `plan` as the `.xlsx` of the sink, in constant-memory mode when it is large.
    private func write(_ plan: WorkbookPlan, options: ExportOptions, observer: TemporaryResourceObserver?, to sink: any ExportSink) throws {
        let largest = plan.sheets.map(\.rowCount).max() ?? 0
        let constantMemory: Bool
        switch try options.value(of: Self.memory) {
        case "constant": constantMemory = true
        case "default": constantMemory = false
        default: constantMemory = largest > Self.constantMemoryThreshold
        }
        try sink.fillFile(suffix: ".xlsx") { path in
            let notes: WorkbookNotes
            do {
                notes = try XLSXWorkbook(constantMemory: constantMemory).write(plan, to: path, observer: observer)
            } catch let error as XLSXError where error.isWriteFailure {
                throw OutputError(path: path, reason: error.reason)
            }
            for sheet in notes.tablesAsAutofilter {
                sink.warn("the \(sheet) sheet has an autofilter range instead of an Excel table (constant-memory mode)")
            }
            for cell in notes.truncatedCells {
                sink.warn("text in \(cell) is longer than Excel's 32,767 characters and was cut")
            }
        }
    }
}
