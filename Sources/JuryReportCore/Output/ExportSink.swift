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

/// File suffixes must stay inside the output directory: a dot, then letters, digits, dots,
/// hyphens and underscores.
public enum FileSuffix {
    public static func isValid(_ suffix: String) -> Bool {
        guard suffix.hasPrefix("."), suffix.count > 1, !suffix.contains("..") else { return false }
        return suffix.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "_"):
                return true
            default:
                return false
            }
        }
    }
}

/// A failure to write output: names the path, for exit code 73.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: \(reason)" }
}
