import JuryReportCore

/// Escaping for HTML: text in, markup out that a browser shows as exactly that text.
enum HTMLText {
    /// Text for an element's content: `&`, `<` and `>` as character references; the rest
    /// as typed, in UTF-8.
    static func escape(_ text: String) -> String {
        references(text, quotes: false)
    }

    /// Text for a double-quoted attribute value: also `"` and `'` as references.
    static func attribute(_ text: String) -> String {
        references(text, quotes: true)
    }

    private static func references(_ text: String, quotes: Bool) -> String {
        let special: (UInt8) -> Bool = { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || (quotes && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")))
        }
        guard text.utf8.contains(where: special) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text as a double-quoted CSS string inside a `style` element: `"` and `\\` escaped,
    /// `<` and every control character as a code point (`</style>` cannot end the sheet).
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": result += "\\" + String(scalar)
            case "<", ">", "&": result += "\\" + String(scalar.value, radix: 16) + " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    result += "\\" + String(scalar.value, radix: 16) + " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }


    /// A URL as an `href` value that HTML's URL rules accept: every byte outside the
    /// characters a URL may hold is percent-encoded, and so is a `%` that starts no escape
    /// and a `#` after the first. Then escaped for a double-quoted attribute.
    static func href(_ url: String) -> String {
        let bytes = Array(url.utf8)
        var result = ""
        var seenFragment = false
        for (index, byte) in bytes.enumerated() {
            let isHex = { (offset: Int) -> Bool in
                index + offset < bytes.count && (bytes[index + offset] as UInt8).isHexDigit
            }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "%") where isHex(1) && isHex(2):
                result += "%"
            case UInt8(ascii: "#") where !seenFragment:
                seenFragment = true
                result += "#"
            case _ where Self.urlPunctuation.contains(byte):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return attribute(result)
    }

    /// Punctuation that stands for itself in a URL's path, query or fragment.
    private static let urlPunctuation = Set("-._~:/?@!$&'()*+,;=".utf8)

    /// Rich text's inline nodes as HTML.
    static func render(_ nodes: [Inline]) -> String {
        var result = ""
        for node in nodes {
            switch node {
            case .text(let text): result += escape(text)
            case .softBreak: result += "\n"
            case .emphasis(let inner): result += "<em>" + render(inner) + "</em>"
            case .strong(let inner): result += "<strong>" + render(inner) + "</strong>"
            case .link(let label, let url):
                guard Inline.isSafeLinkTarget(url) else {
                    // Not a link, and the address is not lost: it follows the text.
                    result += render(label) + " (" + escape(url) + ")"
                    continue
                }
                // A link that shows its own address needs no address after it in print.
                let bare = label == [.text(url)] ? " class=\"bare\"" : ""
                result += "<a href=\"" + href(url) + "\"" + bare + ">" + render(label) + "</a>"
            }
        }
        return result
    }
}

extension UInt8 {
    /// `0-9`, `a-f` or `A-F`.
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
