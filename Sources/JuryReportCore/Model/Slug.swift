import Foundation

/// Slugs: the `[a-z0-9]+(-[a-z0-9]+)*` form of ids and of `award.slug`.
public enum Slug {
    /// Whether `text` is a well-formed id or slug.
    /// The longest slug: with the year, the longest suffix and the export's temporary-file
    /// marks, a file name stays under the 255 bytes file systems allow.
    public static let maximumLength = 200

    /// What a valid id or slug matches, as a regular expression (for the JSON Schema).
    public static let pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"

    public static func isValid(_ text: String) -> Bool {
        var previousWasHyphen = true  // so a leading hyphen is refused
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !text.isEmpty && !previousWasHyphen
    }

    /// Derives a slug from a name: accents dropped, lowercased, every other run of
    /// characters becomes one `-`, cut after ``maximumLength`` characters. `Pro-motor Award`
    /// gives `pro-motor-award`.
    public static func derive(from name: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in name.decomposedLatin.unicodeScalars {
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.count == 1, let letter = lower.unicodeScalars.first,
                ("a"..."z").contains(letter) || ("0"..."9").contains(letter)
            {
                let hyphen = pendingHyphen && !slug.isEmpty
                if slug.utf8.count + (hyphen ? 2 : 1) > maximumLength { break }
                if hyphen { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(letter)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // an accent of the letter before it
            } else {
                pendingHyphen = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "award" : slug
    }
}

extension String {
    /// The canonical decomposition (NFD) for Latin letters with accents, plus the few
    /// letters that do not decompose.
    fileprivate var decomposedLatin: String {
        var result = ""
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "ß": result += "ss"
            case "æ": result += "ae"
            case "Æ": result += "AE"
            case "ø": result += "o"
            case "Ø": result += "O"
            case "œ": result += "oe"
            case "Œ": result += "OE"
            case "ł": result += "l"
            case "Ł": result += "L"
            case "đ": result += "d"
            case "Đ": result += "D"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
