import JuryReportCLI

/// The executable: the root command, nothing else.
@main
struct JuryReportMain {
    static func main() async {
        await JuryReportCommand.main()
    }
}
