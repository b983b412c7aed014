/// Where an exporter puts its files and its warnings.
///
/// Files are named by a suffix that the sink appends to the export's base name
/// (`pro-motor-award-2020` + `.md`). Sinks that write to disk stage every file and make
/// them visible only when the whole export succeeds.
public protocol ExportSink: AnyObject {
    /// Writes one file whose bytes `write` produces through a ``TextOutput``, which may pass
    /// them on as they come.
    func writeFile(suffix: String, _ write: (TextOutput) throws -> Void) throws

    /// Writes one file that a library writes itself (libxlsxwriter, a TeX engine): `write`
    /// gets the path of a new, empty file to fill.
    func fillFile(suffix: String, _ write: (String) throws -> Void) throws

    /// Reports something the user should know that does not stop the export.
    func warn(_ message: String)
}
