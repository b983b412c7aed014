/// Quotes as a reader compares them: the typeset formats set the author's straight quotes
/// as curly ones (`presentation.quotes: typographic`), so a test that looks for the text as
/// typed straightens both sides first. A quote that changed kind (`'` for `"`) still differs.
public enum Quotes {
    public static func straightened(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": return "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": return "\""
            default: return character
            }
        })
    }
}
