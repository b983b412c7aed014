/// An output format: turns a validated edition into files.
///
/// Exporters are values with no state of their own. One registers an exporter in an
/// ``ExporterRegistry``; the registry picks it by ``ExportFormat/name`` or an alias.
///
/// ```swift
/// struct PressReleaseExporter: Exporter {
///     let format = ExportFormat(name: "press", fileSuffixes: [".press.txt"],
///                               summary: "a plain-text press release")
///     func files(for options: ExportOptions) -> [PlannedFile]? { [.text(".press.txt")] }
///     func export(_ request: ExportRequest, to sink: any ExportSink) throws {
///         try sink.writeFile(suffix: ".press.txt") { out in
///             try out.write("\(request.edition.winner?.name ?? "") wins\n")
///         }
///     }
/// }
/// ```
public protocol Exporter: Sendable {
    /// What the format is called, what it writes and which options it takes.
    var format: ExportFormat { get }

    /// The files an export with `options` may write, or nil when that is not known in
    /// advance (an external program). `--stdout` takes a format that writes one text file.
    func files(for options: ExportOptions) throws(ExportOptionError) -> [PlannedFile]?

    /// The files an export of this very edition writes, or nil when only the export itself
    /// can tell: what `--list-outputs` and `--depfile` name. By default the files of
    /// ``files(for:)-(ExportOptions)``; an exporter whose files depend on the edition (CSV's
    /// scores table) says which.
    func files(for request: ExportRequest) throws(ExportOptionError) -> [PlannedFile]?

    /// Writes the files of `request` into `sink`, one ``ExportSink/writeFile(suffix:_:)``
    /// per file. Throwing discards every file of the export.
    func export(_ request: ExportRequest, to sink: any ExportSink) throws
}

extension Exporter {
    /// Not known in advance, unless the exporter says.
    public func files(for options: ExportOptions) throws(ExportOptionError) -> [PlannedFile]? { nil }

    /// The files for the request's options, whatever the edition.
    public func files(for request: ExportRequest) throws(ExportOptionError) -> [PlannedFile]? {
        try files(for: request.options)
    }
}
