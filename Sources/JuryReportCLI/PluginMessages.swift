import Foundation

/// What a plugin wrote to standard output and error, as it is safe to show: at most the
/// first and last 8 KiB (a plugin may write gigabytes; the rest is never read), control
/// characters and bidirectional overrides written as `\u{1B}` (so an ANSI escape cannot
/// repaint the terminal), and each line shown behind the plugin's name by the caller (so a
/// CI annotation such as `::error::` is not at the start of a line).
struct PluginMessages {
    static let shownBytes = 8 * 1024

    /// The lines to show, empty ones left out.
    let lines: [String]

    init(file: URL) {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            lines = []
            return
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let limit = UInt64(Self.shownBytes)
        var text: String
        try? handle.seek(toOffset: 0)
        if size <= 2 * limit {
            text = Self.shown(handle.readData(ofLength: Int(size)))
        } else {
            let head = handle.readData(ofLength: Int(limit))
            try? handle.seek(toOffset: size - limit)
            let tail = handle.readData(ofLength: Int(limit))
            text = Self.shown(head) + "\n[… \(size - 2 * limit) bytes left out …]\n" + Self.shown(tail)
        }
        lines = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The bytes as text, with what must not reach a terminal or a CI log escaped.
    static func shown(_ data: Data) -> String {
        var result = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: result.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
