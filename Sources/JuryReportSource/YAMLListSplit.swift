#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a long YAML file may be cut in two, so that each half is parsed on a core of its
/// own: at the start of an item of a long list that is the value of a top-level key, such as
///
/// ```yaml
/// nominees:
///   - id: n1        # the head, parsed as it is
///   - id: n2        # the cut: the tail is parsed as "nominees:\n" followed by this line on
/// verdict: …
/// ```
///
/// libyaml reads a file in one pass on one core; a file of 100,000 nominees spends most of
/// its load there. The two documents are joined into the one the whole file gives
/// (``SourceDocument/appendList(continuedIn:key:column:lineOffset:)``).
///
/// Why the join is the file's own document: a line that starts with the list's indentation
/// and `- ` starts the list's next item, unless it lies inside a quoted scalar or a flow
/// collection (then the head ends inside it and does not parse) or inside a block scalar
/// (impossible: a block scalar's lines are indented deeper than its key, and a line as
/// shallow as the list ends it). The join checks the rest: the head's last top-level entry
/// is that key with a block list at that column, the tail's first is the same, no top-level
/// key is in both, and the tail's aliases name its own anchors (an alias to the head fails
/// the tail). Any fault in either half, or any check that fails, and the file is parsed
/// whole, which reports the fault where it is.
package struct YAMLListSplit {
    /// The top-level key whose list is cut.
    package let key: [UInt8]
    /// The byte where the tail begins: the first byte of an item's line.
    package let cut: Int
    /// That line's number in the file, from 1.
    package let line: Int
    /// The items' column, from 1 (where their `-` stands).
    package let column: Int

    /// The first place at or after `target` to cut `bytes`, or nil when there is none or the
    /// file has line breaks other than `\n` and `\r\n` (libyaml counts `\r`, NEL, LS and PS as
    /// line breaks too; lines are only counted here by `\n`).
    package static func find(in bytes: UnsafeBufferPointer<UInt8>, near target: Int) -> YAMLListSplit? {
        guard let base = bytes.baseAddress, target > 0, target < bytes.count, hasOnlyNewlineBreaks(bytes) else { return nil }
        // The first line at or after the target that starts an item: spaces, then `-` and a
        // space or the line's end. Looked for over a bounded stretch.
        var start = lineStart(after: target - 1, in: bytes)
        var indent = -1
        var looked = 0
        while start < bytes.count, looked < 10_000 {
            var column = start
            while column < bytes.count, bytes[column] == UInt8(ascii: " ") { column += 1 }
            if column + 1 < bytes.count, bytes[column] == UInt8(ascii: "-"),
                bytes[column + 1] == UInt8(ascii: " ") || bytes[column + 1] == UInt8(ascii: "\n")
                    || bytes[column + 1] == UInt8(ascii: "\r")
            {
                indent = column - start
                break
            }
            start = lineStart(after: start, in: bytes)
            looked += 1
        }
        guard indent >= 0, start < bytes.count else { return nil }
        // The key it belongs to: the last line above that starts at the left margin and is
        // not blank, a comment or (for a list at the margin) another item. One pass from the
        // top, which also counts the lines.
        var keyLine: Range<Int>?
        var line = 1
        var begin = 0
        while begin < start {
            let end = lineStart(after: begin, in: bytes) - 1  // its `\n`
            let first = base[begin]
            let skipped = begin == end || first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r")
                || first == UInt8(ascii: "#") || (indent == 0 && first == UInt8(ascii: "-"))
            if !skipped { keyLine = begin..<end }
            begin = end + 1
            line += 1
        }
        guard let keyLine, let key = plainKey(UnsafeBufferPointer(rebasing: bytes[keyLine])) else { return nil }
        return YAMLListSplit(key: key, cut: start, line: line, column: indent + 1)
    }

    /// The text the tail is parsed from: the key, then the file from the cut on.
    package func tail(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var tail = key + [UInt8(ascii: ":"), UInt8(ascii: "\n")]
        tail.reserveCapacity(tail.count + bytes.count - cut)
        tail.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cut...]))
        return tail
    }

    /// The line the tail's line `line` is in the file: its first line is the key put before it.
    package var lineOffset: Int { line - 2 }

    /// The start of the line after the one that holds `index`.
    private static func lineStart(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard index >= 0 else { return 0 }
        guard index < bytes.count,
            let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "\n")), bytes.count - index)
        else { return bytes.count }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! + 1
    }

    /// `name:` alone on its line (spaces after it allowed), the name of letters, digits, `_`
    /// and `-`: a key whose value is on the lines below. Nil for anything else (a value on
    /// the same line, an anchor, a tag, a quoted key, a comment).
    private static func plainKey(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end >= 2, line[end - 1] == UInt8(ascii: ":") else { return nil }
        let name = line[..<(end - 1)]
        guard name.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }) else { return nil }
        return Array(name)
    }

    /// Whether every line break of `bytes` is `\n` or `\r\n`.
    private static func hasOnlyNewlineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let base = bytes.baseAddress!
        let count = bytes.count
        // Each lead byte found, the bytes after it decide: `\r` not before `\n`; NEL (C2 85);
        // LS and PS (E2 80 A8, E2 80 A9).
        func occurs(_ lead: UInt8, followedBy test: (Int) -> Bool) -> Bool {
            var scan = 0
            while scan < count, let found = memchr(base + scan, Int32(lead), count - scan) {
                let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if test(at + 1) { return true }
                scan = at + 1
            }
            return false
        }
        let loneReturn = occurs(0x0D) { next in next >= count || base[next] != 0x0A }
        let nextLine = occurs(0xC2) { next in next < count && base[next] == 0x85 }
        let separator = occurs(0xE2) { next in next + 1 < count && base[next] == 0x80 && (base[next + 1] == 0xA8 || base[next + 1] == 0xA9) }
        return !loneReturn && !nextLine && !separator
    }
}
