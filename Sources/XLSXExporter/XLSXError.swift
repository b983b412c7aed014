import CXlsxWriter
import JuryReportCore
import Foundation

/// A failure of libxlsxwriter, with what was being done.
struct XLSXError: Error, CustomStringConvertible {
    var context: String
    var reason: String
    /// A failure to write the file (disk full, no permission), not of the workbook's content.
    var isWriteFailure = false

    var description: String { "cannot write the workbook: \(context): \(reason)" }
}

func check(_ error: lxw_error, _ context: @autoclosure () -> String) throws {
    guard error != LXW_NO_ERROR else { return }
    let writeFailures = [
        LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE,
        LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE,
    ]
    throw XLSXError(context: context(), reason: describe(error), isWriteFailure: writeFailures.contains(error))
}

/// libxlsxwriter's error, by name (its numbers change between versions).
private func describe(_ error: lxw_error) -> String {
    switch error {
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED: return "a text is longer than Excel's 32,767 characters"
    case LXW_ERROR_FEATURE_NOT_SUPPORTED: return "not possible in constant-memory mode"
    case LXW_ERROR_CREATING_XLSX_FILE: return "cannot create the file (is the directory writable?)"
    case LXW_ERROR_CREATING_TMPFILE: return "cannot create a temporary file (is the disk full?)"
    case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD: return "cannot write the zip container (is the disk full?)"
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return "out of memory"
    default: return String(cString: lxw_strerror(error))
    }
}
