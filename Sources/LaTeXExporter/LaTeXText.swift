import Foundation
import JuryReportCore

/// Text into LaTeX: every input character typeset literally, and no input able to run a
/// command.
///
/// With each of `\ { } $ & # ^ _ % ~` written as a command or an escaped symbol, no input
/// can form a control sequence (`^^5c` included). Quotes, backticks, `< > |` and the
/// hyphens and commas that would form ligatures are written so that both engines set them
/// as typed, and Dutch babel's `"` shorthand never sees a `"`.
///
/// A character that pdflatex's fonts cannot set is written as `\juryreportchar{[U+XXXX]}{X}`:
/// pdflatex shows the visible replacement (with a break point after it), lualatex the
/// character, from the fallback fonts the document asks for (``fallbackFonts``). Characters
/// in ``unavailable`` (no installed font has them) are replaced under both engines.
/// Zero-width space, joiners, word joiner and soft hyphen act as what they are.
struct LaTeXText {
    /// Scalars that pdflatex cannot set, in order of appearance, for the engine's choice
    /// and the export's warning.
    private(set) var replaced: [Unicode.Scalar] = []
    /// The fallback fonts the characters written so far need under lualatex.
    private(set) var fallbackFonts = LaTeXFallbackFonts()
    /// Characters no installed font has: replaced in both engines.
    var unavailable: Set<Unicode.Scalar> = []
    /// Quotes and spacing, applied to text but never to addresses.
    var typography = Typography.asTyped

    /// ASCII characters with a meaning in TeX or in the fonts, and what stands for them.
    static let asciiReplacements: [Unicode.Scalar: String] = [
        "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&", "#": "\\#",
        "^": "\\textasciicircum{}", "_": "\\_", "%": "\\%", "~": "\\textasciitilde{}",
        "\"": "\\textquotedbl{}", "'": "\\textquotesingle{}", "`": "\\textasciigrave{}",
        "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}",
    ]

    /// Printable ASCII without any of ``asciiReplacements``, by byte.
    private static let plainASCII: [Bool] = (0..<128).map { byte in
        (0x20...0x7E).contains(byte) && asciiReplacements[Unicode.Scalar(UInt8(byte))] == nil
    }

    /// Whether ``escape(_:)`` would give `text` back unchanged: short printable ASCII
    /// without TeX's special characters or a doubled `-` or `,`. Most names and labels;
    /// they skip normalisation and the walk.
    private static func needsNoEscaping(_ text: String) -> Bool {
        // Longer text may get line breaks.
        guard text.utf8.count <= 1_000 else { return false }
        var previous: UInt8 = 0
        var run = 0
        for byte in text.utf8 {
            guard byte < 0x80, plainASCII[Int(byte)] else { return false }
            if byte == previous && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",")) { return false }
            // A long word gets break points.
            run = byte == UInt8(ascii: " ") ? 0 : run + 1
            if run > longestUnbrokenRun { return false }
            previous = byte
        }
        return true
    }

    /// Characters without a space that may stand on one line: a longer run (a 150-letter
    /// word, a long URL) gets a break point after every ``breakEvery`` of them, so it cannot
    /// run off the page or out of its table cell. Far above the words of natural languages,
    /// so their hyphenation is left alone.
    static let longestUnbrokenRun = 40
    /// A place where a line may end inside a word: `\juryreportbreak`, defined in the
    /// preamble as a ragged-right break (`\nobreak\hspace{0pt plus 1fil}\penalty0\hspace{0pt
    /// plus -1fil}`): taken, the line ends short instead of overfull, since a run without
    /// spaces has no glue to stretch; not taken, the glues cancel.
    static let breakPoint = "\\juryreportbreak{}"
    static let breakEvery = 20

    /// The indexes of `scalars` after which a long run may break, in order (empty for most
    /// texts, so the walk below costs one comparison per scalar, not a hash).
    private static func breakPoints(_ scalars: [Unicode.Scalar]) -> [Int] {
        var points: [Int] = []
        var runStart = 0
        for index in 0...scalars.count {
            // ASCII's white space is tab to carriage return and the space: asked of the
            // Unicode tables only past ASCII (the lookup was most of the escaping's time).
            let endsRun = index == scalars.count
                || (scalars[index].isASCII ? scalars[index] == " " || (9...13).contains(scalars[index].value) : scalars[index].properties.isWhitespace)
            guard endsRun else { continue }
            if index - runStart > longestUnbrokenRun {
                points += stride(from: runStart + breakEvery - 1, to: index - 1, by: breakEvery)
            }
            runStart = index + 1
        }
        return points
    }

    /// Escapes `text` for running text, set by ``typography`` unless `typeset` is false
    /// (an address). Line breaks and tabs become spaces.
    mutating func escape(_ text: String, typeset: Bool = true) -> String {
        let text = typeset ? typography.apply(text) : text
        if Self.needsNoEscaping(text) { return text }
        // Text below U+0300 (no combining mark) is its own canonical composition (NFC): no
        // trip through Foundation's normalization.
        let scalars = text.unicodeScalars.allSatisfy { $0.value < 0x300 }
            ? Array(text.unicodeScalars) : Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        var result = ""
        result.reserveCapacity(scalars.count + scalars.count / 4)
        var sinceBreak = 0
        let breakPoints = Self.breakPoints(scalars)
        var nextBreak = 0
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let start = result.utf8.count
            switch scalar {
            case "\n", "\t", "\r":
                result += " "
            case "-", ",":
                result.unicodeScalars.append(scalar)
                // `--` and `,,` are ligatures (a dash, „) in the fonts: keep them apart.
                if next == scalar { result += "\\kern0pt{}" }
            case "\u{2018}", "\u{2019}":
                result.unicodeScalars.append(scalar)
                // Two single quotes are a double one in the fonts: keep them apart.
                if next == scalar { result += "\\kern0pt{}" }
            case "<", ">":
                result += Self.asciiReplacements[scalar]!
                // So are `<<` and `>>` (« ») in lualatex's fonts, even as \textless.
                if next == scalar { result += "\\kern0pt{}" }
            case "\u{00A0}":
                result += "~"
            case "\u{00AD}":
                result += "\\-"
            case "\u{200B}":
                // Zero-width space: a place a line may end.
                result += "\\hspace{0pt}"
            case "\u{2060}", "\u{FEFF}":
                // Word joiner: a place a line may not end.
                result += "\\nobreak{}"
            case "\u{200C}":
                // Zero-width non-joiner: no ligature here (in pdflatex a kern does that).
                result += "\\juryreportchar{\\kern0pt}{\u{200C}}"
            case "\u{200D}", "\u{FE00}"..."\u{FE0F}":
                // Zero-width joiner and variation selectors: for the shaper of lualatex (an
                // emoji's sequence, its style); nothing to pdflatex.
                result += "\\juryreportchar{}{"
                result.unicodeScalars.append(scalar)
                result += "}"
            default:
                if let replacement = Self.asciiReplacements[scalar] {
                    result += replacement
                } else if scalar.isASCII || Self.isSettable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    replaced.append(scalar)
                    let code = Self.code(of: scalar)
                    if unavailable.contains(scalar) {
                        result += code + Self.breakPoint
                    } else {
                        fallbackFonts.insert(for: scalar)
                        let command = LaTeXFallbackFonts.isIdeographic(scalar) ? "\\juryreportideograph{" : "\\juryreportchar{"
                        result += command + code + "}{"
                        result.unicodeScalars.append(scalar)
                        result += "}"
                    }
                }
            }
            // After the escape of the scalar, so no command is split.
            if nextBreak < breakPoints.count, breakPoints[nextBreak] == index {
                result += Self.breakPoint
                nextBreak += 1
            }
            // Both engines stop on a source line over 200,000 bytes: break long runs, at a
            // space where there is one, else with a comment that swallows the line end.
            sinceBreak += result.utf8.count - start
            if sinceBreak > 1_000, scalar == " " {
                result += "\n"
                sinceBreak = 0
            } else if sinceBreak > 4_000 {
                result += "%\n"
                sinceBreak = 0
            }
        }
        return result
    }

    /// `[U+0394]`: what a character stands as where it cannot be set.
    static func code(of scalar: Unicode.Scalar) -> String {
        "[U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]"
    }

    /// Characters that Latin Modern sets under pdflatex (T1, TS1) and lualatex alike, and
    /// that copy out of the PDF as themselves, found by compiling each one with both engines
    /// and reading it back with pdftotext. (Not ẞ: both fonts set it as "SS"; not ǫ Ǫ, which
    /// pdflatex builds from o and an ogonek that copy out apart.)
    static func isSettable(_ scalar: Unicode.Scalar) -> Bool {
        settableRanges.contains { $0.contains(scalar.value) }
    }

    static let settableRanges: [ClosedRange<UInt32>] = [
        0x00A1...0x00AC, 0x00AE...0x0125, 0x0128...0x0137, 0x0139...0x013E, 0x0141...0x0148,
        0x014A...0x0165, 0x0168...0x0169, 0x016A...0x017E, 0x0192...0x0192, 0x01CD...0x01D4,
        0x01E6...0x01E7, 0x01F0...0x01F0, 0x01F4...0x01F5, 0x0218...0x021B,
        0x0237...0x0237, 0x1E0D...0x1E0D, 0x1E25...0x1E25, 0x1E37...0x1E37, 0x1E43...0x1E43,
        0x1E45...0x1E45, 0x1E47...0x1E47, 0x1E5B...0x1E5B, 0x1E63...0x1E63, 0x1E6D...0x1E6D,
        0x1EF2...0x1EF3, 0x2010...0x2011, 0x2013...0x2014, 0x2016...0x2016,
        0x2018...0x201A, 0x201C...0x201E, 0x2020...0x2022, 0x2026...0x2026, 0x2030...0x2031,
        0x2039...0x203B, 0x203D...0x203D, 0x2044...0x2044, 0x2052...0x2052, 0x20A1...0x20A1, 0x20A4...0x20A4,
        0x20A6...0x20A6, 0x20A9...0x20A9, 0x20AB...0x20AC, 0x20B1...0x20B1, 0x2103...0x2103,
        0x2116...0x2117, 0x211E...0x211E, 0x2120...0x2120, 0x2122...0x2122, 0x2126...0x2127,
        0x212E...0x212E, 0x2190...0x2193, 0x25E6...0x25E6, 0xFB00...0xFB04
    ]
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
