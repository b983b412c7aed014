// How a file is put in place (staged, renamed, written through links, never over an input)
// and what an export leaves beside its files are part of the core's API.
@_exported import JuryReportFiles
