import JuryReportCLI

JuryReportCommand.main()
