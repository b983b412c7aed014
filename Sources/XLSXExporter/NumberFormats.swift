import JuryReportCore

/// The workbook's number formats in the edition's language: totals with the presentation's
/// decimals, dates written out as the language writes them. Each carries the language's
/// locale (`[$-413]` for Dutch), so that a spreadsheet program shows the language's decimal
/// separator and month names whatever its own settings (LibreOffice does; Excel takes the
/// separator from the system).
struct NumberFormats: Equatable {
    var total = "0.00"
    var date = "yyyy-mm-dd"

    init() {}

    init(words: Vocabulary, decimals: Int, language tag: String) {
        let locale = Self.locale(words: words, language: tag).map { "[$-\($0)]" } ?? ""
        total = locale + (decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0")
        date = locale + Self.dateFormat(words.labels[.dateFormat])
    }

    /// The Windows locale id (hexadecimal) of a language, for the format's `[$-…]`: the
    /// built-in languages and their usual regions; for another with a decimal comma,
    /// German's, so the comma shows.
    static func locale(words: Vocabulary, language tag: String) -> String? {
        let parts = tag.lowercased().split(separator: "-").map(String.init)
        let region = parts.dropFirst().first { $0.count == 2 }
        switch (parts.first ?? "", region) {
        case ("en", "us"): return "409"
        case ("en", _): return "809"
        case ("nl", "be"): return "813"
        case ("nl", _): return "413"
        case ("fr", "be"): return "80C"
        case ("fr", "ca"): return "C0C"
        case ("fr", "ch"): return "100C"
        case ("fr", _): return "40C"
        case ("de", "at"): return "C07"
        case ("de", "ch"): return "807"
        case ("de", _): return "407"
        case ("es", _): return "C0A"
        case ("it", _): return "410"
        default: return words.decimalSeparator == "," ? "407" : nil
        }
    }

    /// The `dateFormat` label as a spreadsheet's format: `{day}. {month} {year}` → `d". "mmmm" "yyyy`.
    static func dateFormat(_ label: String) -> String {
        var format = ""
        var literal = ""
        func flush() {
            if !literal.isEmpty { format += "\"" + literal.replacingOccurrences(of: "\"", with: "") + "\"" }
            literal = ""
        }
        var rest = label[...]
        while !rest.isEmpty {
            if rest.hasPrefix("{day}") { flush(); format += "d"; rest = rest.dropFirst(5) }
            else if rest.hasPrefix("{month}") { flush(); format += "mmmm"; rest = rest.dropFirst(7) }
            else if rest.hasPrefix("{year}") { flush(); format += "yyyy"; rest = rest.dropFirst(6) }
            else { literal.append(rest.removeFirst()) }
        }
        flush()
        return format
    }
}
