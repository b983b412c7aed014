/// An output format: turns a validated edition into files.
///
/// Exporters are values with no state of their own. One registers an exporter in an
/// ``ExporterRegistry``; the registry picks it by ``ExportFormat/name`` or an alias.
///
/// ```swift
/// struct PressReleaseExporter: Exporter {
///     let format = ExportFormat(name: "press", fileSuffixes: [".press.txt"],
///                               summary: "A plain-text press release")
///     func export(_ request: ExportRequest, to sink: any ExportSink) throws {
///         try sink.writeFile(suffix: ".press.txt") { out in
///             out.write("\(request.edition.winner?.name ?? "") wins\n")
///         }
///     }
/// }
/// ```
public protocol Exporter: Sendable {
    /// What the format is called, what it writes and which options it takes.
    var format: ExportFormat { get }

    /// Writes the files of `request` into `sink`, one ``ExportSink/writeFile(suffix:_:)``
    /// per file. Throwing discards every file of the export.
    func export(_ request: ExportRequest, to sink: any ExportSink) throws
}

/// The description of an exporter's format.
public struct ExportFormat: Sendable {
    /// The name `--format` takes, such as `markdown`.
    public let name: String
    /// Other names for it, such as `md`.
    public let aliases: [String]
    /// What is appended to `<slug>-<year>` for each file it may write, such as `.md`.
    public let fileSuffixes: [String]
    /// One line for `juryreport formats`.
    public let summary: String
    /// The `--option` keys it reads.
    public let options: [ExportOptionDescription]
    /// Whether it writes exactly one text file, so that `--stdout` can show it.
    public let writesOneTextFile: Bool

    public init(
        name: String, aliases: [String] = [], fileSuffixes: [String], summary: String,
        options: [ExportOptionDescription] = [], writesOneTextFile: Bool = false
    ) {
        self.name = name
        self.aliases = aliases
        self.fileSuffixes = fileSuffixes
        self.summary = summary
        self.options = options
        self.writesOneTextFile = writesOneTextFile
    }

    /// The name and aliases.
    public var allNames: [String] { [name] + aliases }
}

/// One `--option KEY=VALUE` an exporter reads.
public struct ExportOptionDescription: Sendable {
    public let key: String
    /// The values it takes, for help and errors; empty for free values.
    public let values: [String]
    public let summary: String

    public init(key: String, values: [String] = [], summary: String) {
        self.key = key
        self.values = values
        self.summary = summary
    }
}
