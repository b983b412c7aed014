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
