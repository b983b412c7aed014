// The positions, paths and excerpts of diagnostics are part of the core's API.
@_exported import JuryReportSource
