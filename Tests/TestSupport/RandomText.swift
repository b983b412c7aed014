import JuryReportCore

/// Seeded random text from the characters that break escaping, for property tests of every
/// exporter's escaping: any string in, the real reader gives the same string back.
public struct RandomText {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    static let specials: [String] = [
        "\n", "\t", "\u{00A0}", "é", "Ł", "“", "”", "‘", "’", "–", "—", "€", "🏆", "日", "Ω", "ж", "e\u{0301}",
        "&amp;", "&#65;", "<b>", "](", "**", "__", "``", "\\\\", "--", ",,", "<<", ">>", "'", "\"", "=", "+", "-", "@",
        "#", "1.", "> ", "| ", "~~~", "^^5c", "\\input{x}", "%", "$", "{", "}", "_x0041_",
    ]

    /// A string as the loader would keep it: valid for edition files, no white space around.
    public mutating func string(maximumLength: Int = 40) -> String {
        var text = ""
        for _ in 0..<(1 + below(maximumLength)) {
            if below(3) == 0 {
                text += Self.specials[below(Self.specials.count)]
            } else {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(0x20 + below(0x5F))))
            }
        }
        let trimmed = text.trimmingCharacters(in: [" ", "\t", "\n"])
        return trimmed.isEmpty ? "x" : trimmed
    }

    /// An edition whose nominees' names, leads and fact labels are `count` random strings.
    public mutating func edition(count: Int) -> Edition {
        let nominees = (0..<count).map { index in
            Nominee(
                id: "n\(index)", name: string(), number: index + 1, lead: string(),
                facts: [Fact(label: string(), value: .text(string()))])
        }
        return Edition(
            award: Award(name: "Property"), details: EditionDetails(year: 2024, title: "Property test"),
            nominees: nominees, verdict: Verdict(winner: "n0"), jury: [JuryMember(id: "j", name: string())])
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
