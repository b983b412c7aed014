import CXlsxWriter
import JuryReportCore
import Foundation


/// What writing a workbook noticed that the user should know.
struct WorkbookNotes: Equatable {
    /// Cells whose text was over Excel's limit and was cut: "sheet!A1".
    var truncatedCells: [String] = []
    /// Tables written as an autofilter range because memory mode cannot hold tables.
    var tablesAsAutofilter: [String] = []
}

/// The one owner of a libxlsxwriter workbook: the only code that calls its C API. It turns
/// every `lxw_error` into an ``XLSXError`` and frees the workbook on every path.
struct XLSXWorkbook {
    /// Write row by row with flat memory (libxlsxwriter's `constant_memory`); tables become
    /// autofilter ranges.
    var constantMemory = false
    /// Whether rows may be written on a second core (tests turn it off to compare: the
    /// bytes are the same either way).
    var sharesWork = ProcessInfo.processInfo.activeProcessorCount > 1

    func write(_ plan: WorkbookPlan, to path: String, observer: TemporaryResourceObserver? = nil) throws -> WorkbookNotes {
        // Temporary files beside the output, so a full disk there fails the export instead of
        // silently leaving a corrupt file (a libxlsxwriter trap); in a private folder of our
        // own, since a process stopped between libxlsxwriter's making a file and its
        // unlinking it left a `tmp.XXXXXX` in the output folder.
        let directory = try StagingFile.createFolder(in: (path as NSString).deletingLastPathComponent, for: path) {
            observer?(.directory($0), $1)
        }
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            observer?(.directory(directory), false)
        }
        let workbook: UnsafeMutablePointer<lxw_workbook> = try directory.withCString { tmpdir in
            var options = lxw_workbook_options()
            options.constant_memory = constantMemory ? 1 : 0
            options.tmpdir = UnsafeMutablePointer(mutating: tmpdir)
            options.use_zip64 = 1
            guard let workbook = workbook_new_opt(path, &options) else {
                throw XLSXError(context: "creating \(path)", reason: "libxlsxwriter could not create the workbook", isWriteFailure: true)
            }
            return workbook
        }
        var closed = false
        defer { if !closed { workbook_close(workbook) } }
        var writer = SheetWriter(
            workbook: workbook, constantMemory: constantMemory, sharesWork: sharesWork, numberFormats: plan.numberFormats,
            headerFill: plan.headerFill)
        try writer.setProperties(plan.properties)
        try writer.setCustomProperties(plan.customProperties)
        if constantMemory {
            // Every sheet's rows at once: each worksheet keeps only its current row and
            // writes to its own temporary file, so the sheets can be written side by side.
            var started = try plan.sheets.enumerated().map { index, sheet in
                try writer.begin(sheet, logo: index == 0 ? plan.logo : nil)
            }
            try writer.writeRows(of: &started)
            for sheet in started { try writer.finish(sheet) }
        } else {
            // Rows held until the workbook is closed, strings shared between sheets: one
            // sheet after another.
            for (index, sheet) in plan.sheets.enumerated() {
                try writer.write(sheet, logo: index == 0 ? plan.logo : nil)
            }
        }
        // After the sheets: a name refers to one.
        try writer.define(plan.definedNames)
        closed = true
        defer { writer.freeImages() }
        try check(workbook_close(workbook), "closing the workbook")
        try Self.verifyZip(at: path)
        return writer.notes
    }

    /// A workbook ends with a zip end-of-central-directory record; libxlsxwriter can report
    /// success and leave a truncated file when its temporary space runs out.
    static func verifyZip(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw XLSXError(context: "checking \(path)", reason: "the written file cannot be read", isWriteFailure: true)
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let tail = min(size, 65_557)
        try? handle.seek(toOffset: size - tail)
        let bytes = [UInt8](handle.readDataToEndOfFile())
        // "PK\u{5}\u{6}", searched from the end.
        let found = bytes.count >= 22 && (0...(bytes.count - 22)).reversed().contains {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x05 && bytes[$0 + 3] == 0x06
        }
        if !found {
            throw XLSXError(context: "checking \(path)", reason: "the written file is not a complete workbook (is the disk full?)", isWriteFailure: true)
        }
    }
}
