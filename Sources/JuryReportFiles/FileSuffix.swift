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

    /// Whether `name` is a plain file name in a directory: not empty, not `.` or `..`, no
    /// slash or NUL (for names read back from a manifest).
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.utf8.contains(0)
    }

    /// Whether `suffix` names an edition file (`.yaml`, `.yml`, any case): no exporter's
    /// file may, so an export can never replace or prune one.
    public static func namesEditionFile(_ suffix: String) -> Bool {
        let lower = suffix.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }
}
