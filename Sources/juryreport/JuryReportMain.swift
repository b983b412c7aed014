import CMallocTuning
import JuryReportCLI

/// The executable: the allocator tuned for its threads, then the root command.
@main
struct JuryReportMain {
    static func main() async {
        juryreport_tune_malloc()
        await JuryReportCommand.main()
    }
}
