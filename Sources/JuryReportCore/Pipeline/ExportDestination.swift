import Foundation

/// Where the export stage puts files: a directory, all or nothing per edition, or memory
/// (for `--stdout`, `--check`, tests and library users that handle the bytes themselves).
public enum ExportDestination: Sendable {
    case directory(URL)
    case memory
}
