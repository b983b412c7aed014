import Foundation

/// URLs for `\href`: everything outside a safe set percent-encoded, so that no character of
/// the URL means anything to TeX.
enum LaTeXURL {
    /// The longest address, in bytes as written into `\href`, that becomes a link. Browsers
    /// and servers refuse much longer ones, and pdfTeX repeats the address for every line a
    /// link's text runs over: a 26,000-character address set over 400 lines overflows the
    /// engines' PDF buffers.
    static let longestLink = 2_000

    static func encode(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "?"),
                UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "#"):
                result += "\\#"
            case UInt8(ascii: "&"):
                result += "\\&"
            case UInt8(ascii: "%"):
                result += "\\%"
            default:
                result += "\\%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// The URL as text, with break points after its slashes.
    static func display(_ url: String, escaping text: inout LaTeXText) -> String {
        text.escape(url, typeset: false).replacingOccurrences(of: "/", with: "/" + LaTeXText.breakPoint)
    }
}
