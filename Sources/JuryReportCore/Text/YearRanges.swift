/// Year ranges in text (`2019-2020`, `2019–20`), which a typesetter keeps from breaking at
/// their hyphen: four digits, a hyphen or an en dash, then two to four digits — what the
/// regular expression `\d{4}[-–]\d{2,4}` finds, leftmost first, where `\d` is any character
/// that is a number (`Character.isNumber`), as in Swift's regular expressions.
///
/// Scanned by hand: a regular expression is compiled at run time, and that compiling was a
/// tenth of the HTML and LaTeX exporters' time on a small report.
public enum YearRanges {
    /// `text` with every year range replaced by what `wrap` makes of it.
    public static func replacing(in text: String, _ wrap: (Substring) -> String) -> String {
        // Nothing to find without a hyphen or an en dash.
        guard text.utf8.contains(UInt8(ascii: "-")) || text.contains("\u{2013}") else { return text }
        var result = ""
        var copied = text.startIndex
        var start = text.startIndex
        while start < text.endIndex {
            if let end = range(at: start, in: text) {
                result += text[copied..<start]
                result += wrap(text[start..<end])
                copied = end
                start = end
            } else {
                start = text.index(after: start)
            }
        }
        guard copied > text.startIndex else { return text }
        return result + text[copied...]
    }

    /// The end of the year range that starts at `start`, if one does.
    private static func range(at start: String.Index, in text: String) -> String.Index? {
        var index = start
        for _ in 0..<4 {
            guard index < text.endIndex, text[index].isNumber else { return nil }
            index = text.index(after: index)
        }
        guard index < text.endIndex, text[index] == "-" || text[index] == "\u{2013}" else { return nil }
        index = text.index(after: index)
        var digits = 0
        while digits < 4, index < text.endIndex, text[index].isNumber {
            index = text.index(after: index)
            digits += 1
        }
        return digits >= 2 ? index : nil
    }
}
