/// Editions built from fuzz bytes as a recipe rather than read as a file: the structure a
/// byte-level mutator rarely reaches — YAML aliases that repeat a nominee, juror, criterion
/// or score thousands of times, lists past their limits, extreme and odd numbers, very long
/// and hostile text — in a YAML document that is otherwise well formed. Shared by the
/// libFuzzer target (through a link) and the regression tests.
enum FuzzedStructure {
    /// Reads the recipe one byte at a time; past its end, zeros.
    private struct Recipe {
        let bytes: [UInt8]
        var position = 0
        mutating func next() -> Int {
            defer { position += 1 }
            return position < bytes.count ? Int(bytes[position]) : 0
        }
        mutating func pick<T>(_ choices: [T]) -> T { choices[next() % choices.count] }
    }

    /// How often an item is repeated by alias: up to past the limits of criteria (1,000) and
    /// jury (10,000), and to tens of thousands of scores.
    static let repeats = [0, 0, 1, 2, 10, 1_001, 10_001, 50_000]

    /// Numbers at and past every edge the reader and the totals know.
    static let numbers = [
        "0", "-0", "1", "-1", "7.5", "1e15", "-1e15", "1e16", "999999999999999", "1000000000000001", "1e308", "-1e308",
        "1.7976931348623157e308", "5e-324", "1e-400", ".inf", "-.inf", ".nan", "0x10", "0o17", "1_000", "9007199254740993",
        "NO", "yes", "~", "''", "[]", "{}",
    ]

    /// Text: hostile samples, and runs long enough to reach every exporter's limits.
    static let texts = [
        "N", "", " ", "=1+1", "x;=1+1;y", "see http://e.org/<img src=x onerror=alert(1)>", "\\ { } $ & # ^ _ % ~",
        "a | b", "*x*", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "a\u{0301}\u{0301}\u{0301}", "\u{00A0}", "NO",
        "line\nbreak", "\u{202E}rtl", "_x0041_", "&&&", "--,,<<>>", "‱ ℧ ẞ",
    ]
    static let lengths = [1, 1, 2, 41, 301, 1_001, 40_000]

    /// The YAML document of `recipe`.
    static func yaml(_ bytes: [UInt8]) -> [UInt8] {
        var recipe = Recipe(bytes: bytes)
        var out = "format: jury-report/1\n"
        func text() -> String {
            let base = recipe.pick(texts)
            let length = recipe.pick(lengths)
            let repeated = length == 1 ? base : String(repeating: base.isEmpty ? "x" : base, count: max(1, length / max(1, base.count)))
            return quoted(repeated)
        }
        out += "award: {name: \(text()), slug: fuzz}\n"
        out += "edition: {year: \(recipe.pick(["2024", "1", "9999", "1850", "2050", "0", "10000"]))"
        out += recipe.next() % 2 == 0 ? "}\n" : ", date: \(recipe.pick(["2024-05-17", "0001-01-01", "1850-06-30", "2050-06-30", "2024-02-30"]))}\n"
        if recipe.next() % 2 == 0 { out += "scale: {min: \(recipe.pick(numbers)), max: \(recipe.pick(numbers))}\n" }
        let criteria = recipe.next() % 4
        let nominees = 1 + recipe.next() % 4
        let jurors = 1 + recipe.next() % 3
        func list(_ key: String, count: Int, _ item: (Int) -> String) {
            guard count > 0 else { return }
            out += "\(key):\n"
            for index in 0..<count { out += "  - &\(key.prefix(1))\(index) \(item(index))\n" }
            out += String(repeating: "  - *\(key.prefix(1))0\n", count: recipe.pick(repeats))
        }
        list("criteria", count: criteria) { "{id: c\($0), name: \(text()), weight: \(recipe.pick(numbers))}" }
        list("nominees", count: nominees) { index in
            "{id: n\(index), name: \(text()), facts: [{label: \(text()), value: \(recipe.pick(numbers))}], url: \(quoted("https://e.org/" + String(repeating: "a", count: recipe.pick(lengths))))}"
        }
        out += "verdict: {winner: n0, mentions: [\((1..<nominees).map { "n\($0)" }.joined(separator: ", "))]}\n"
        list("jury", count: jurors) { "{id: j\($0), name: \(text()), chair: \($0 == 0 ? "true" : "false")}" }
        if recipe.next() % 2 == 0 {
            out += "scores:\n"
            var first = true
            for nominee in 0..<nominees {
                for juror in 0..<jurors {
                    for criterion in (criteria == 0 ? [nil] : (0..<criteria).map { Optional($0) }) {
                        let anchor = first ? "&s0 " : ""
                        first = false
                        out += "  - \(anchor){juror: j\(juror), nominee: n\(nominee)\(criterion.map { ", criterion: c\($0)" } ?? ""), score: \(recipe.pick(numbers))}\n"
                    }
                }
            }
            out += String(repeating: "  - *s0\n", count: recipe.pick(repeats))
        }
        return Array(out.utf8)
    }

    /// `text` as a YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
