import JuryReportCore

/// Escaping for CommonMark: text in, Markdown out that a CommonMark reader shows as exactly
/// that text.
enum MarkdownText {
    /// Plain text for any inline place: paragraphs, headings, list items and table cells.
    ///
    /// Characters that can open inline markup anywhere get a backslash: `\\`, `` ` ``, `*`,
    /// `_`, `[`, `]`, `<`, `|`, `~`, `#` (a heading's closing sequence), and `&` where it
    /// could start an entity. So do the `:` of `://` and the `.` of `www.`: GitHub-style
    /// autolinks start there and swallow the raw text that follows, backslashes included,
    /// which would leave a later `\<` unescaped. At the start of a line (`atLineStart`), so does whatever
    /// could open a block: `>`, `-`, `+`, `=` and the `.` or `)` after a number. Line
    /// breaks and tabs become character references, so a value stays on its line and in its
    /// table cell. The rest stays as typed, so the Markdown remains readable.
    static func escape(_ text: String, atLineStart: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        // Digits at the very start, where `1.` or `1)` would begin an ordered list.
        var leadingDigits = atLineStart
        for (index, scalar) in scalars.enumerated() {
            let isFirst = index == 0 && atLineStart
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", "|", "~", "#":
                result.unicodeScalars.append("\\")
            case ">", "-", "+", "=":
                if isFirst { result.unicodeScalars.append("\\") }
            case ".", ")":
                if (leadingDigits && index > 0) || (scalar == "." && followsWWW(scalars, index)) {
                    result.unicodeScalars.append("\\")
                }
            case ":":
                if index + 1 < scalars.count, scalars[index + 1] == "/" { result.unicodeScalars.append("\\") }
            case "&":
                if index + 1 < scalars.count, scalars[index + 1] == "#" || scalars[index + 1].properties.isAlphabetic {
                    result.unicodeScalars.append("\\")
                }
            case "\n":
                result += "&#10;"
                leadingDigits = false
                continue
            case "\t":
                result += "&#9;"
                leadingDigits = false
                continue
            default:
                break
            }
            if !("0"..."9").contains(scalar) { leadingDigits = false }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Whether the three scalars before `index` spell `www` in any case, where an extended
    /// autolink would begin.
    private static func followsWWW(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 3 && scalars[(index - 3)..<index].allSatisfy { $0 == "w" || $0 == "W" }
    }

    /// Whether `url` can be written as a CommonMark autolink, which takes no escapes: a
    /// scheme of 2 to 32 characters, a colon, then no space, control character, `<`, `>`
    /// or `|` (which would split a table's cell).
    static func isAutolink(_ url: String) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        let scalars = Array(url.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), (2...32).contains(colon), isLetter(scalars[0]),
            scalars[..<colon].allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0) })
        else { return false }
        return scalars[colon...].allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value) && !"<>|".unicodeScalars.contains(scalar)
        }
    }

    /// A link destination in pointy brackets, which may hold any character but `<`, `>`
    /// and line breaks unescaped; `|` is escaped too, so a link in a table cell (a
    /// criterion's description) does not split the cell, and `&` is written as `&amp;`, as a
    /// reader decodes entities in a destination (`&copy;` would become ©).
    static func destination(_ url: String) -> String {
        var result = "<"
        for scalar in url.unicodeScalars {
            if scalar == "&" {
                result += "&amp;"
                continue
            }
            if scalar == "<" || scalar == ">" || scalar == "\\" || scalar == "|" { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result + ">"
    }

    /// Rich text's inline nodes as Markdown. `atLineStart`: the first node opens a line.
    /// `singleLine`: soft breaks become spaces, for places that must stay on one line.
    static func render(_ nodes: [Inline], atLineStart: Bool = true, singleLine: Bool = false) -> String {
        var result = ""
        var atLineStart = atLineStart
        for node in nodes {
            defer {
                if case .softBreak = node, !singleLine { atLineStart = true } else { atLineStart = false }
            }
            switch node {
            case .text(let text): result += escape(text, atLineStart: atLineStart)
            case .softBreak: result += singleLine ? " " : "\n"
            case .emphasis(let inner): result += "*" + render(inner, singleLine: singleLine) + "*"
            case .strong(let inner): result += "**" + render(inner, singleLine: singleLine) + "**"
            case .link(let label, let url) where label == [.text(url)] && isAutolink(url):
                // An address that shows itself: `<https://…>`, read as typed (a reader decodes
                // entities there, so `&` is written as one).
                result += "<" + url.replacingOccurrences(of: "&", with: "&amp;") + ">"
            case .link(let label, let url):
                result += "[" + render(label, singleLine: singleLine) + "](" + destination(url) + ")"
            }
        }
        return result
    }
}
