/// Numbers as YAML's core schema writes them, and as JSON does: `8`, `-2.5`, `+3`, `.5`,
/// `1e3`. Infinity and NaN are not numbers here.
package enum NumberSyntax {
    /// The largest magnitude a number of the edition may have (scores, weights, the scale):
    /// a million scores times a million in weight still add up to a finite total.
    package static let largestMagnitude = 1e15

    package static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8(parse)
    }

    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var digitsBeforePoint = 0
        var digitsAfterPoint = 0
        var sawPoint = false
        var sawExponent = false
        var exponentDigits = 0
        var previous: UInt8?
        for byte in bytes {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard previous == nil || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E")
                else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawExponent {
                    exponentDigits += 1
                } else if sawPoint {
                    digitsAfterPoint += 1
                } else {
                    digitsBeforePoint += 1
                }
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !sawExponent, digitsBeforePoint + digitsAfterPoint > 0 else { return nil }
                sawExponent = true
            default:
                return nil
            }
        }
        guard digitsBeforePoint + digitsAfterPoint > 0, !sawExponent || exponentDigits > 0,
            let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite
        else { return nil }
        return value
    }
}

/// The link targets and `url` fields allowed: absolute http, https and mailto addresses
/// without spaces, so no exporter ever emits a `javascript:` link.
enum URLRules {
    static let requirement = "must be an absolute http, https or mailto address without spaces"

    static func isAllowed(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:")
        else { return false }
        return !url.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        } && url.count > (lowered.hasPrefix("mailto:") ? 7 : 8)
    }
}

/// Well-formed BCP 47 tags, loosely: a 2-3 letter language and optional subtags.
/// BCP 47 language tags, as far as the labels and the engines need them.
public enum LanguageTag {
    /// A primary language of two or three letters, then subtags of one to eight letters or digits.
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// The primary language, lowercased: `nl` for `nl-BE`.
    public static func primary(_ tag: String) -> String {
        String(tag.split(separator: "-").first ?? "").lowercased()
    }
}

/// "Did you mean" for unknown keys, formats, options and ids.
public enum Suggestion {
    /// The candidate nearest to `word` (case ignored), when it is near enough to be a typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let best = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, min(3, word.count / 3)) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
