/// The line of a file a diagnostic points at, with a caret under the column, as compilers
/// show it:
///
///        13 |     name: J
///           |         ^
///
/// Tabs are shown as `→`, so the caret stands under the right character and a tab that
/// indents a line can be seen.
public enum SourceExcerpt {
    /// The excerpt of line `position.line` of `bytes`, nil when there is no such line.
    public static func make(_ bytes: [UInt8], at position: SourcePosition) -> String? {
        guard position.line >= 1 else { return nil }
        var line = 1
        var start = 0
        var index = 0
        while index < bytes.count, line < position.line {
            if bytes[index] == 0x0A {
                line += 1
                start = index + 1
            }
            index += 1
        }
        guard line == position.line, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        var text = String(decoding: bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "\t", with: "→")
        var column = max(1, position.column)
        // A long line: the part around the column.
        if text.count > 100 {
            let from = max(0, column - 50)
            text = (from > 0 ? "…" : "") + String(text.dropFirst(from).prefix(100)) + (text.count > from + 100 ? "…" : "")
            column = column - from + (from > 0 ? 1 : 0)
        }
        let number = String(position.line)
        let gutter = String(repeating: " ", count: number.count)
        return "    \(number) | \(text)\n    \(gutter) | " + String(repeating: " ", count: min(column - 1, text.count)) + "^"
    }
}
