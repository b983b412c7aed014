import JuryReportCore

/// The babel language of an edition's BCP 47 tag, with the hyphenation patterns of the
/// Debian TeX Live packages the documents are made for (texlive-lang-european, -french,
/// -german, -spanish, -italian).
enum LaTeXLanguage {
    /// The babel option for `tag`: regional forms where babel has them (`de-AT` →
    /// `naustrian`, `en-US` → `american`), English for a language it is not set up for here.
    static func babelName(_ tag: String) -> String {
        let parts = tag.lowercased().split(separator: "-").map(String.init)
        let region = parts.dropFirst().first { $0.count == 2 }
        switch parts.first ?? "" {
        case "nl": return "dutch"
        case "fr": return region == "ca" ? "canadien" : "french"
        case "de": return region == "at" ? "naustrian" : region == "ch" ? "nswissgerman" : "ngerman"
        case "es": return "spanish"
        case "it": return "italian"
        case "en":
            switch region {
            case "us": return "american"
            case "gb": return "british"
            case "ca": return "canadian"
            case "au": return "australian"
            case "nz": return "newzealand"
            default: return "english"
            }
        default: return Self.otherLanguages[parts.first ?? ""] ?? "english"
        }
    }

    /// The options of babel: the language, and for Spanish no shorthands (its `<` `>` and
    /// `.` would change what escaped text and the chart mean).
    static func babelOptions(_ tag: String) -> String {
        let name = babelName(tag)
        return name == "spanish" ? "spanish,es-noshorthands,es-nodecimaldot" : name
    }

    /// Languages of texlive-lang-european beyond the built-in labels, by primary subtag:
    /// their hyphenation and babel's words, the labels English (with a warning).
    private static let otherLanguages: [String: String] = [
        "da": "danish", "sv": "swedish", "nb": "norsk", "no": "norsk", "nn": "norsk", "fi": "finnish",
        "et": "estonian", "is": "icelandic", "ga": "irish", "cy": "welsh", "hr": "croatian", "sl": "slovene",
        "hu": "magyar", "ro": "romanian", "sq": "albanian", "eu": "basque", "br": "breton",
        "la": "latin", "ca": "catalan", "gl": "galician", "af": "afrikaans", "tr": "turkish", "lt": "lithuanian", "lv": "latvian",
    ]
}
