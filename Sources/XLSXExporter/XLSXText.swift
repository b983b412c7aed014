#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text as libxlsxwriter must receive it so that readers show exactly the input.
enum XLSXText {
    /// Excel's limit on a cell's text, in UTF-16 code units.
    static let maximumLength = 32_767
    static let truncationMarker = " […]"

    /// Literal `_x0041_` would be read back as the character it names: escape its `_` as
    /// `_x005F_`, as Excel itself does.
    static func escapeCharacterReferences(_ text: String) -> String {
        guard mayHaveReference(text) else { return text }
        var result = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
                scalars[(index + 2)...(index + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                scalars[index + 6] == "_"
            {
                result += "_x005F_"
                index += 1
                continue
            }
            result.unicodeScalars.append(scalars[index])
            index += 1
        }
        return result
    }

    /// Whether `text` has `_x` anywhere: a check made on every text cell, so a byte scan with
    /// `_` found by `memchr` (most texts have none; Foundation's `contains` would be most of
    /// an export's time).
    static func mayHaveReference(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: "_")), bytes.count - start) {
                let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if at + 1 < bytes.count && bytes[at + 1] == UInt8(ascii: "x") { return true }
                start = at + 1
            }
            return false
        }
    }

    /// The text for one cell, cut with a visible marker when it is over Excel's limit.
    /// Returns whether it was cut.
    static func cell(_ text: String) -> (text: String, truncated: Bool) {
        let escaped = escapeCharacterReferences(text)
        // Most texts are far below the limit: count UTF-16 units only when it matters.
        guard escaped.utf8.count > maximumLength, escaped.utf16.count > maximumLength else { return (escaped, false) }
        let budget = maximumLength - truncationMarker.utf16.count
        var kept = ""
        var units = 0
        for character in escaped {
            let length = character.utf16.count
            if units + length > budget { break }
            kept.append(character)
            units += length
        }
        return (kept + truncationMarker, true)
    }

    /// The longest start of `text` that costs at most `limit`, cut between characters (or
    /// between scalars, when the first character alone is over the limit). The cost of a scalar is its UTF-16 units (what Excel
    /// counts; never less than libxlsxwriter's count of code points), times `weight`'s
    /// factor for it (2 for a `&` that a header doubles).
    static func prefix(_ text: String, limit: Int, weight: (Unicode.Scalar) -> Int = { _ in 1 }) -> String {
        func cost(_ scalar: Unicode.Scalar) -> Int { scalar.utf16.count * weight(scalar) }
        var kept = ""
        var used = 0
        for character in text {
            let characterCost = character.unicodeScalars.reduce(0) { $0 + cost($1) }
            if used + characterCost <= limit {
                kept.append(character)
                used += characterCost
                continue
            }
            // A first character over the whole limit (a letter with hundreds of combining
            // marks): as many of its scalars as fit, rather than nothing.
            guard kept.isEmpty else { break }
            for scalar in character.unicodeScalars {
                guard used + cost(scalar) <= limit else { break }
                kept.unicodeScalars.append(scalar)
                used += cost(scalar)
            }
            break
        }
        return kept
    }
}
