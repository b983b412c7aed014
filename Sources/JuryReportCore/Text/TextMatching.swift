import Foundation

/// Whether one text already says another, as a reader sees it: for a title block that does
/// not repeat the award or the period its title holds.
enum TextMatching {
    /// Whether `part` stands in `text`, ignoring case, accents, the kind of dash
    /// (`2019–2020` holds `2019-2020`) and runs of white space.
    static func text(_ text: String, contains part: String) -> Bool {
        let wanted = folded(part)
        return !wanted.isEmpty && folded(text).contains(wanted)
    }

    /// `text` as it compares: case, accents, width and the kind of dash folded, white space
    /// collapsed and trimmed.
    static func folded(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for scalar in text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            switch scalar {
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": result.append("-")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
