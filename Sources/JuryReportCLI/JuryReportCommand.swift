import ArgumentParser
import JuryReportCore

/// The root command, `juryreport`.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct JuryReportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "juryreport",
        abstract: "Turns an award's jury report edition file into Markdown, CSV, XLSX, LaTeX, HTML and JSON.",
        discussion: """
            Exit codes: 0 success, 1 other failure, 64 usage error, 65 invalid edition file, \
            66 missing or unreadable input, 73 output could not be written.
            """,
        version: JuryReportVersion.current,
        subcommands: [
            ExportCommand.self, ValidateCommand.self, FormsCommand.self, CollectCommand.self, FormatsCommand.self, SchemaCommand.self,
            InitCommand.self, LabelsCommand.self,
        ]
    )

    public init() {}

    /// Runs the command with `exporters` added to the built-in formats (after them, before
    /// the external ones on `PATH`): a package's own `juryreport` with its Swift exporters,
    /// listed by `formats`, selected by `--format`, their options checked, `--stdout` for
    /// one text file — like a built-in format. A name already taken is refused.
    public static func main(adding exporters: [any Exporter]) async {
        await AddedExporters.$current.withValue(exporters) {
            await main()
        }
    }
}

/// The exporters ``JuryReportCommand/main(adding:)`` adds, for the run's registry: a task
/// local, so the run sees them and nothing outlives it.
enum AddedExporters {
    @TaskLocal static var current: [any Exporter] = []
}
