/// One block of a ``ReportOutline``.
public enum ReportBlock: Sendable, Equatable {
    /// A part of the report with its own heading and blocks.
    case section(ReportSection)
    /// A paragraph of rich text.
    case paragraph([Inline])
    /// A one-line summary set apart from the text that follows (a nominee's summary).
    case summary(String)
    /// That a nominee won or has an honourable mention, in words.
    case distinction(ReportDistinction)
    /// Label and value pairs, such as a nominee's lead institution and location.
    case details([ReportDetail])
    case table(ReportTable)
    /// A bar chart, drawn by the formats that draw; the same numbers are always in a table.
    case chart(ReportChart)
    /// The verdict in one sentence, set apart.
    case announcement(String)
    /// The jury's closing: a line and each member, to sign.
    case signatures(ReportSignatures)
}
