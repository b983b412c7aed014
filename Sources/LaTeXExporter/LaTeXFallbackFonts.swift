/// The fonts lualatex falls back on for characters Latin Modern does not have, chosen by the
/// scripts the document holds (so a document without them loads none): DejaVu for Greek,
/// Cyrillic and symbols, Debian's Noto fonts for CJK, Arabic, Hebrew, Devanagari and more.
///
/// The document names them; whether a machine has them is checked when it compiles
/// (`\IfFontExistsTF`), so the `.tex` is the same on every machine. The source a PDF is
/// built from on this machine adds ``machineFonts``: the installed fonts fontconfig finds
/// for the characters the named ones lack.
struct LaTeXFallbackFonts: Equatable {
    /// A group of scripts and the fonts, in order, that set them.
    enum Group: Int, CaseIterable, Comparable {
        case general, cjk, arabic, hebrew, indic, southeastAsian

        static func < (left: Group, right: Group) -> Bool { left.rawValue < right.rawValue }

        var fonts: [String] {
            switch self {
            case .general:
                return ["DejaVu Serif", "DejaVu Sans", "Noto Sans Armenian", "Noto Sans Georgian", "Noto Sans Ethiopic",
                        "Noto Sans Symbols", "Noto Sans Symbols2", "Noto Sans Math"]
            case .cjk: return ["Noto Serif CJK SC", "Noto Sans CJK SC"]
            case .arabic: return ["Noto Naskh Arabic", "Noto Sans Arabic"]
            case .hebrew: return ["Noto Serif Hebrew", "Noto Sans Hebrew"]
            case .indic: return ["Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil", "Noto Sans Gurmukhi", "Noto Sans Gujarati"]
            case .southeastAsian: return ["Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer", "Noto Sans Myanmar"]
            }
        }
    }

    private(set) var groups: Set<Group> = []
    /// Installed fonts for what the groups' fonts lack, tried after them (see `FontCoverage`).
    var machineFonts: [String] = []

    var isEmpty: Bool { groups.isEmpty }

    /// Whether any character is right-to-left, so lualatex's babel runs its bidi algorithm.
    var needsBidi: Bool { groups.contains(.arabic) || groups.contains(.hebrew) }

    /// The fonts to ask for, in order: the general ones first, each once.
    var fonts: [String] {
        var seen = Set<String>()
        return (groups.sorted().flatMap(\.fonts) + machineFonts).filter { seen.insert($0).inserted }
    }

    mutating func insert(for scalar: Unicode.Scalar) {
        let group = Self.group(of: scalar)
        // Every document that needs a fallback gets the general fonts: they also hold the
        // punctuation and digits other scripts are written with.
        if groups.insert(group).inserted, group != .general { groups.insert(.general) }
    }

    static func group(of scalar: Unicode.Scalar) -> Group {
        switch scalar.value {
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: return .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x0900...0x0DFF: return .indic
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: return .southeastAsian
        case _ where isIdeographic(scalar): return .cjk
        default: return .general
        }
    }

    /// Scripts written without spaces between words, where a line may end after any
    /// character: Han, kana, Hangul syllables, CJK punctuation and full-width forms.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FFF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3200...0x9FFF, 0xAC00...0xD7AF,
            0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}

extension LaTeXFallbackFonts {
    mutating func formUnion(_ other: LaTeXFallbackFonts) {
        groups.formUnion(other.groups)
    }
}

/// Bytes collected by a ``TextOutput``, shared by reference with its drain.
final class ByteBuffer {
    var bytes: [UInt8] = []
}
