/// Parses the inline subset of CommonMark that edition texts allow: `*emphasis*`,
/// `**strong**`, `[text](url)` and backslash escapes before ASCII punctuation.
///
/// Delimiters follow CommonMark's flanking rules, so that a CommonMark reader given an
/// exporter's rendering of the tree finds the same emphasis. Runs of three or more `*`
/// are literal, and so is every delimiter without a partner.
enum InlineMarkupParser {
    /// Emphasis nested deeper than this stays literal (LaTeX has a group limit).
    static let maximumDepth = 8

    /// Splits `source` at blank lines into paragraphs. Lines are trimmed of surrounding
    /// spaces and tabs and joined by soft breaks.
    static func paragraphs(of source: String) -> [[Inline]] {
        var source = source
        return source.withUTF8 { bytes in
            var paragraphs: [[Inline]] = []
            var paragraph: [UInt8] = []
            func finishParagraph() {
                guard !paragraph.isEmpty else { return }
                paragraphs.append(paragraph.withUnsafeBufferPointer { Parser(bytes: $0).parse() })
                paragraph.removeAll(keepingCapacity: true)
            }
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var first = lineStart
                var last = lineEnd
                while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                if first == last {
                    finishParagraph()
                } else {
                    if !paragraph.isEmpty { paragraph.append(0x0A) }
                    paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[first..<last]))
                }
                lineStart = lineEnd + 1
            }
            finishParagraph()
            return paragraphs
        }
    }

    /// Parses one paragraph's UTF-8. Every markup character is ASCII, and no byte of a
    /// multi-byte UTF-8 sequence is, so the parser walks bytes and decodes a scalar only
    /// where CommonMark's rules ask what kind of character stands next to a delimiter.
    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>

        private static let backslash = UInt8(ascii: "\\")
        private static let star = UInt8(ascii: "*")
        private static let openBracket = UInt8(ascii: "[")
        private static let newline: UInt8 = 0x0A

        func parse() -> [Inline] {
            parse(0..<bytes.count, depth: 0, links: true)
        }

        private func isEscape(at i: Int, end: Int) -> Bool {
            bytes[i] == Self.backslash && i + 1 < end && bytes[i + 1].isASCIIPunctuation
        }

        private func parse(_ range: Range<Int>, depth: Int, links: Bool) -> [Inline] {
            var nodes: [Inline] = []
            var literal: [UInt8] = []
            func flush() {
                if !literal.isEmpty {
                    nodes.append(.text(String(decoding: literal, as: UTF8.self)))
                    literal.removeAll(keepingCapacity: true)
                }
            }
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let byte = bytes[i]
                if isEscape(at: i, end: end) {
                    literal.append(bytes[i + 1])
                    i += 2
                } else if byte == Self.newline {
                    flush()
                    nodes.append(.softBreak)
                    i += 1
                } else if byte == Self.openBracket, links, let link = matchLink(at: i, end: end) {
                    flush()
                    let label = parse(link.label, depth: depth + 1, links: false)
                    nodes.append(.link(label, url: link.url))
                    i = link.next
                } else if byte == Self.star {
                    let run = runLength(at: i, end: end)
                    if run <= 2, depth < InlineMarkupParser.maximumDepth,
                        canOpen(at: i, run: run),
                        let close = closer(from: i + run, run: run, end: end, links: links)
                    {
                        flush()
                        let inner = parse((i + run)..<close, depth: depth + 1, links: links)
                        nodes.append(run == 1 ? .emphasis(inner) : .strong(inner))
                        i = close + run
                    } else {
                        literal.append(contentsOf: repeatElement(Self.star, count: run))
                        i += run
                    }
                } else {
                    // A run of bytes that cannot start markup, copied at once.
                    var next = i + 1
                    while next < end {
                        let b = bytes[next]
                        if b == Self.backslash || b == Self.newline || b == Self.openBracket || b == Self.star { break }
                        next += 1
                    }
                    literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<next]))
                    i = next
                }
            }
            flush()
            return nodes
        }

        private func runLength(at start: Int, end: Int) -> Int {
            var i = start
            while i < end, bytes[i] == Self.star { i += 1 }
            return i - start
        }

        /// The scalar that ends just before byte `i`, or nil at the start of the paragraph.
        private func scalar(before i: Int) -> Unicode.Scalar? {
            guard i > 0 else { return nil }
            var start = i - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return scalar(at: start)
        }

        /// The scalar that starts at byte `i`, or nil at the end of the paragraph.
        private func scalar(at i: Int) -> Unicode.Scalar? {
            guard i < bytes.count else { return nil }
            var iterator = UnsafeBufferPointer(rebasing: bytes[i...]).makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return nil
        }

        /// Left-flanking in CommonMark's sense.
        private func canOpen(at i: Int, run: Int) -> Bool {
            guard let next = scalar(at: i + run), !next.isMarkdownWhitespace else { return false }
            guard next.isMarkdownPunctuation else { return true }
            guard let previous = scalar(before: i) else { return true }
            return previous.isMarkdownWhitespace || previous.isMarkdownPunctuation
        }

        /// Right-flanking in CommonMark's sense.
        private func canClose(at i: Int, run: Int) -> Bool {
            guard let previous = scalar(before: i), !previous.isMarkdownWhitespace else { return false }
            guard previous.isMarkdownPunctuation else { return true }
            guard let next = scalar(at: i + run) else { return true }
            return next.isMarkdownWhitespace || next.isMarkdownPunctuation
        }

        /// The start of the first run of exactly `run` stars after `start` that can close.
        private func closer(from start: Int, run: Int, end: Int, links: Bool) -> Int? {
            var i = start
            while i < end {
                let byte = bytes[i]
                if isEscape(at: i, end: end) {
                    i += 2
                } else if byte == Self.openBracket, links, let link = matchLink(at: i, end: end) {
                    i = link.next
                } else if byte == Self.star {
                    let length = runLength(at: i, end: end)
                    if length == run, i > start, canClose(at: i, run: run) { return i }
                    i += length
                } else {
                    i += 1
                }
            }
            return nil
        }

        /// `[label](url)` or `[label](<url>)` starting at `start`.
        private func matchLink(at start: Int, end: Int) -> (label: Range<Int>, url: String, next: Int)? {
            var depth = 0
            var i = start
            var labelEnd: Int?
            while i < end {
                if isEscape(at: i, end: end) {
                    i += 2
                    continue
                }
                if bytes[i] == Self.openBracket { depth += 1 }
                if bytes[i] == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        labelEnd = i
                        break
                    }
                }
                i += 1
            }
            guard let labelEnd, labelEnd > start + 1, labelEnd + 1 < end,
                bytes[labelEnd + 1] == UInt8(ascii: "(")
            else { return nil }
            var url: [UInt8] = []
            i = labelEnd + 2
            if i < end, bytes[i] == UInt8(ascii: "<") {
                i += 1
                while i < end, bytes[i] != UInt8(ascii: ">") {
                    if bytes[i] == Self.newline || bytes[i] == UInt8(ascii: "<") { return nil }
                    if isEscape(at: i, end: end) { i += 1 }
                    url.append(bytes[i])
                    i += 1
                }
                guard i + 1 < end, bytes[i] == UInt8(ascii: ">"), bytes[i + 1] == UInt8(ascii: ")") else { return nil }
                i += 2
            } else {
                var parentheses = 0
                while i < end {
                    let byte = bytes[i]
                    // Continuation bytes were looked at with the scalar they belong to.
                    if byte & 0xC0 != 0x80, let scalar = scalar(at: i),
                        scalar.isMarkdownWhitespace || scalar.properties.generalCategory == .control
                    {
                        return nil
                    }
                    if isEscape(at: i, end: end) {
                        url.append(bytes[i + 1])
                        i += 2
                        continue
                    }
                    if byte == UInt8(ascii: "(") { parentheses += 1 }
                    if byte == UInt8(ascii: ")") {
                        if parentheses == 0 { break }
                        parentheses -= 1
                    }
                    url.append(byte)
                    i += 1
                }
                guard i < end, bytes[i] == UInt8(ascii: ")") else { return nil }
                i += 1
            }
            guard !url.isEmpty else { return nil }
            return ((start + 1)..<labelEnd, String(decoding: url, as: UTF8.self), i)
        }
    }
}

extension UInt8 {
    /// An ASCII punctuation character, which a backslash can escape in CommonMark.
    var isASCIIPunctuation: Bool {
        switch self {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// The characters a backslash can escape in CommonMark.
    var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// Unicode whitespace as CommonMark's flanking rules see it.
    var isMarkdownWhitespace: Bool {
        value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D || value == 0x20
            || properties.generalCategory == .spaceSeparator
    }

    /// Punctuation as CommonMark's flanking rules see it: ASCII punctuation and the
    /// Unicode P categories.
    var isMarkdownPunctuation: Bool {
        if isASCIIPunctuation { return true }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
