import Foundation

/// libyaml's syntax errors in plain words, for people who write edition files by hand: what
/// is wrong with the line and what to change, with the parser's own words after it.
///
/// The five mistakes people make most — a key one space off, a list item out of line, a
/// tab, a missing colon, a value on the next line — each get a message that names the fix.
package enum YAMLSyntaxHelp {
    /// The message and the position to show for libyaml's `problem` (with `context`, "while
    /// parsing a block mapping", and where that began) at `position` in `bytes`.
    package static func explain(
        problem: String, context: String?, contextPosition: SourcePosition?, at position: SourcePosition?, in bytes: [UInt8]
    ) -> (message: String, position: SourcePosition?) {
        let parser = "(the YAML parser says: \(problem)\(context.map { " " + $0 } ?? ""))"
        guard let position else { return (problem + (context.map { " " + $0 } ?? ""), nil) }
        let lines = Lines(bytes)
        let line = lines.text(position.line)
        if problem.contains("tab") || line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            return ("a tab indents this line; YAML indents with spaces only: replace the tab with spaces " + parser, position)
        }
        if problem.hasPrefix("mapping values are not allowed") {
            if let above = lines.previousContent(before: position.line), lines.indent(position.line) > lines.indent(above) {
                let key = lines.key(above).map { " '\($0)'" } ?? ""
                return (
                    "this line is indented more than the key\(key) on line \(above): keys of one mapping line up, "
                        + "so indent it as far as that key (or, if it is that key's value, put it on the key's line) " + parser,
                    SourcePosition(line: position.line, column: lines.indent(position.line) + 1))
            }
            return ("this value holds ': ', which YAML reads as the start of a new key: put the value in quotes " + parser, position)
        }
        if problem.hasPrefix("could not find expected ':'"), let start = contextPosition {
            let text = lines.text(start.line).trimmingCharacters(in: .whitespaces)
            return (
                "'\(text.prefix(40))' stands on a line of its own, without a key and ':'. A value belongs on its key's line "
                    + "('key: value'); a key needs a ':' after it " + parser,
                start)
        }
        if problem.hasPrefix("did not find expected key"), let start = contextPosition {
            let indent = lines.indent(position.line)
            let text = lines.text(position.line).trimmingCharacters(in: .whitespaces)
            let fixed = SourcePosition(line: position.line, column: indent + 1)
            // A list item out of line with the items above it.
            if text.hasPrefix("- "), let item = lines.previousItem(before: position.line, other: indent) {
                return (
                    "this list item is out of line with the one on line \(item): its '-' stands in column \(indent + 1), "
                        + "theirs in column \(lines.indent(item) + 1); line the '-' up " + parser,
                    fixed)
            }
            if let above = lines.previousContent(before: position.line), indent < lines.indent(above), indent > start.column - 1 {
                let key = lines.key(above).map { "the key '\($0)'" } ?? "the line"
                return (
                    "this line is indented less than \(key) on line \(above) (column \(lines.indent(above) + 1)) and more "
                        + "than the keys of its mapping (column \(start.column), from line \(start.line)): line it up with one of them "
                        + parser,
                    fixed)
            }
            let how = indent < start.column - 1 ? "less" : "more"
            return (
                "this line is indented \(how) than the keys of the mapping it belongs to (they start in column "
                    + "\(start.column), on line \(start.line)): line it up with them " + parser,
                SourcePosition(line: position.line, column: indent + 1))
        }
        if problem.hasPrefix("did not find expected '-' indicator"), let start = contextPosition {
            return (
                "this line is indented as part of the list that starts on line \(start.line), but is not an item of it: "
                    + "start it with '- ' in column \(start.column), or indent it as far as the key above the list " + parser,
                SourcePosition(line: position.line, column: lines.indent(position.line) + 1))
        }
        return (problem + (context.map { " " + $0 } ?? "") + (contextPosition.map { " that starts at \($0)" } ?? ""), position)
    }

    /// The lines of the file, by number from 1.
    private struct Lines {
        package let lines: [Substring]

        package init(_ bytes: [UInt8]) {
            lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        }

        package func text(_ number: Int) -> String {
            number >= 1 && number <= lines.count ? String(lines[number - 1]).replacingOccurrences(of: "\r", with: "") : ""
        }

        package func indent(_ number: Int) -> Int { text(number).prefix(while: { $0 == " " }).count }

        /// The number of the closest line above `number` with something other than spaces
        /// and comments.
        package func previousContent(before number: Int) -> Int? {
            var candidate = number - 1
            while candidate >= 1 {
                let trimmed = text(candidate).trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return candidate }
                candidate -= 1
            }
            return nil
        }

        /// The closest line above `number` that is a list item (`- `) indented other than
        /// `indent`, within the block the line is in.
        package func previousItem(before number: Int, other indent: Int) -> Int? {
            var candidate = number - 1
            while candidate >= 1 {
                let text = text(candidate)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("- ") && self.indent(candidate) != indent { return candidate }
                // A key at the start of a line ends the block.
                if !trimmed.isEmpty && self.indent(candidate) == 0 { return nil }
                candidate -= 1
            }
            return nil
        }

        /// The key a `key: value` line starts with.
        package func key(_ number: Int) -> String? {
            var trimmed = Substring(text(number).trimmingCharacters(in: .whitespaces))
            if trimmed.hasPrefix("- ") { trimmed = trimmed.dropFirst(2) }
            guard let colon = trimmed.firstIndex(of: ":") else { return nil }
            return String(trimmed[..<colon])
        }
    }
}
