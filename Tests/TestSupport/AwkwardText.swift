import Foundation

/// At least 500 awkward strings for names and key figures: every ASCII punctuation run,
/// Greek, Cyrillic, CJK, Arabic, Hebrew, Devanagari, Thai, emoji, combining marks and
/// zero-width characters, alone and mixed with Latin text.
public enum AwkwardText {
    public static let punctuation = Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

    public static var corpus: [String] {
        var strings: [String] = []
        // Every ASCII punctuation character alone, doubled, tripled, and between words.
        for character in punctuation {
            let one = String(character)
            strings += [one, one + one, one + one + one, "a\(one)b", "word \(one) word"]
        }
        // Every pair of neighbours, as runs that form ligatures and shorthands (`--`, `<<`, `''`).
        for (first, second) in zip(punctuation, punctuation.dropFirst()) {
            strings.append("\(first)\(second)\(first)\(second)")
        }
        strings += [
            // Greek and Cyrillic.
            "Ελληνικά", "Αθήνα και Θεσσαλονίκη", "Ἀριστοτέλης", "ΣΙΣΥΦΟΣ σίσυφος", "Кириллица", "Москва, Санкт-Петербург",
            "Україна і Київ", "Ђорђе Јовановић", "Ёлка и ёж", "Қазақстан", "Ελληνικά and English", "Русский — да",
            // CJK.
            "日本語", "東京都渋谷区", "ひらがなとカタカナ", "中文简体", "繁體中文", "한국어", "서울특별시",
            "株式会社テスト", "北京大学", "日本語のテキストはスペースなしで長く続きます", "漢字かな交じり文",
            // Arabic, Hebrew, mixed with Latin.
            "العربية", "مرحبا بالعالم", "جائزة الابتكار", "عربي and English", "עברית", "שלום עולם", "ירושלים",
            "עברית and English 2024", "فارسی", "اردو",
            // Devanagari and Thai.
            "हिन्दी", "देवनागरी लिपि", "नमस्ते दुनिया", "ภาษาไทย", "สวัสดีครับ",
            // Emoji, alone, in text and as sequences.
            "😀", "🏆 winner", "🎉🎉🎉", "👍🏽", "👨‍👩‍👧", "🇳🇱", "❤️", "☃ snow", "★ star ☆", "✓ done ✗",
            // Combining marks: composed by NFC where a form exists, else set as marks.
            "e\u{0301}te\u{0301}", "Cafe\u{0301}", "n\u{0303}", "q\u{0303}", "x\u{0338}", "a\u{0308}\u{0304}", "Z\u{0335}algo",
            "o\u{0328}\u{0301}", "s\u{0323}\u{0307}",
            // Zero-width characters: break opportunities, joiners, soft hyphens, word joiners.
            "zero\u{200B}width", "soft\u{00AD}hyphen", "non\u{200C}joiner", "joi\u{200D}ner", "word\u{2060}joiner",
            "a\u{FEFF}b", "Super\u{00AD}cali\u{00AD}fragilistic", "long\u{200B}url\u{200B}parts",
            // Symbols and mathematical signs.
            "Ω ≈ ç √ ∫", "€ £ ¥ ₹ ₽", "½ ⅓ ¼", "→ ← ↑ ↓", "• ◦ ‣", "№ 5", "‰ ‱", "™ ® ©",
            // Mixed.
            "Łódź · Ærø · Ελλάδα · 東京", "Müller & Söhne", "Ça va? Oui!", "L'Œuvre « spéciale »",
        ]
        // Runs of one script long enough to need a break inside them.
        strings += [
            String(repeating: "日本語", count: 40), String(repeating: "Ελληνικά", count: 20), String(repeating: "العربية ", count: 20),
            String(repeating: "😀", count: 60), String(repeating: "ß", count: 120),
        ]
        // Numbered variants of the scripts' strings, so the corpus has at least 500 distinct ones.
        let scripts = Array(strings[(punctuation.count * 6 - 1)...])
        var index = 0
        while strings.count < 520 {
            strings.append("\(scripts[index % scripts.count]) \(index)")
            index += 1
        }
        return strings
    }
}
