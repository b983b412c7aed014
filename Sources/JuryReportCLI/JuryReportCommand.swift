import ArgumentParser

/// The root command, `juryreport`.
public struct JuryReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "juryreport",
        abstract: "Turns an award's jury report edition file into Markdown, CSV, XLSX and LaTeX.",
        discussion: """
            Exit codes: 0 success, 1 other failure, 64 usage error, 65 invalid edition file, \
            66 missing or unreadable input, 73 output could not be written.
            """,
        version: JuryReportVersion.current,
        subcommands: [ExportCommand.self, ValidateCommand.self, FormatsCommand.self, SchemaCommand.self, InitCommand.self]
    )

    public init() {}
}

/// The tool's version.
public enum JuryReportVersion {
    public static let current = "0.1.0"
}
