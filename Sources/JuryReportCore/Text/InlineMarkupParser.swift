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
        var paragraphs: [[Inline]] = []
        var lines: [Substring] = []
        func finishParagraph() {
            guard !lines.isEmpty else { return }
            let scalars = Array(lines.joined(separator: "\n").unicodeScalars)
            paragraphs.append(Parser(scalars: scalars).parse(0..<scalars.count, depth: 0, links: true))
            lines.removeAll()
        }
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpacesAndTabs()
            if trimmed.isEmpty {
                finishParagraph()
            } else {
                lines.append(trimmed)
            }
        }
        finishParagraph()
        return paragraphs
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]

        func parse(_ range: Range<Int>, depth: Int, links: Bool) -> [Inline] {
            var nodes: [Inline] = []
            var literal = String.UnicodeScalarView()
            func flush() {
                if !literal.isEmpty {
                    nodes.append(.text(String(literal)))
                    literal = String.UnicodeScalarView()
                }
            }
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let scalar = scalars[i]
                if scalar == "\\", i + 1 < end, scalars[i + 1].isASCIIPunctuation {
                    literal.append(scalars[i + 1])
                    i += 2
                } else if scalar == "\n" {
                    flush()
                    nodes.append(.softBreak)
                    i += 1
                } else if scalar == "[", links, let link = matchLink(at: i, end: end) {
                    flush()
                    let label = parse(link.label, depth: depth + 1, links: false)
                    nodes.append(.link(label, url: link.url))
                    i = link.next
                } else if scalar == "*" {
                    let run = runLength(at: i, end: end)
                    if run <= 2, depth < InlineMarkupParser.maximumDepth,
                        canOpen(at: i, run: run, end: end),
                        let close = closer(from: i + run, run: run, end: end, links: links)
                    {
                        flush()
                        let inner = parse((i + run)..<close, depth: depth + 1, links: links)
                        nodes.append(run == 1 ? .emphasis(inner) : .strong(inner))
                        i = close + run
                    } else {
                        for _ in 0..<run { literal.append("*") }
                        i += run
                    }
                } else {
                    literal.append(scalar)
                    i += 1
                }
            }
            flush()
            return nodes
        }

        private func runLength(at start: Int, end: Int) -> Int {
            var i = start
            while i < end, scalars[i] == "*" { i += 1 }
            return i - start
        }

        private func before(_ i: Int) -> Unicode.Scalar? { i > 0 ? scalars[i - 1] : nil }
        private func after(_ i: Int, end: Int) -> Unicode.Scalar? { i < end ? scalars[i] : nil }

        /// Left-flanking in CommonMark's sense.
        private func canOpen(at i: Int, run: Int, end: Int) -> Bool {
            guard let next = after(i + run, end: scalars.count), !next.isMarkdownWhitespace
            else { return false }
            guard next.isMarkdownPunctuation else { return true }
            guard let previous = before(i) else { return true }
            return previous.isMarkdownWhitespace || previous.isMarkdownPunctuation
        }

        /// Right-flanking in CommonMark's sense.
        private func canClose(at i: Int, run: Int) -> Bool {
            guard let previous = before(i), !previous.isMarkdownWhitespace else { return false }
            guard previous.isMarkdownPunctuation else { return true }
            guard let next = after(i + run, end: scalars.count) else { return true }
            return next.isMarkdownWhitespace || next.isMarkdownPunctuation
        }

        /// The start of the first run of exactly `run` stars after `start` that can close.
        private func closer(from start: Int, run: Int, end: Int, links: Bool) -> Int? {
            var i = start
            while i < end {
                let scalar = scalars[i]
                if scalar == "\\", i + 1 < end, scalars[i + 1].isASCIIPunctuation {
                    i += 2
                } else if scalar == "[", links, let link = matchLink(at: i, end: end) {
                    i = link.next
                } else if scalar == "*" {
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
                let scalar = scalars[i]
                if scalar == "\\", i + 1 < end, scalars[i + 1].isASCIIPunctuation {
                    i += 2
                    continue
                }
                if scalar == "[" { depth += 1 }
                if scalar == "]" {
                    depth -= 1
                    if depth == 0 {
                        labelEnd = i
                        break
                    }
                }
                i += 1
            }
            guard let labelEnd, labelEnd > start + 1, labelEnd + 1 < end,
                scalars[labelEnd + 1] == "("
            else { return nil }
            var url = String.UnicodeScalarView()
            i = labelEnd + 2
            if i < end, scalars[i] == "<" {
                i += 1
                while i < end, scalars[i] != ">" {
                    if scalars[i] == "\n" || scalars[i] == "<" { return nil }
                    if scalars[i] == "\\", i + 1 < end, scalars[i + 1].isASCIIPunctuation { i += 1 }
                    url.append(scalars[i])
                    i += 1
                }
                guard i + 1 < end, scalars[i] == ">", scalars[i + 1] == ")" else { return nil }
                i += 2
            } else {
                var parentheses = 0
                while i < end {
                    let scalar = scalars[i]
                    if scalar.isMarkdownWhitespace || scalar.properties.generalCategory == .control {
                        return nil
                    }
                    if scalar == "\\", i + 1 < end, scalars[i + 1].isASCIIPunctuation {
                        url.append(scalars[i + 1])
                        i += 2
                        continue
                    }
                    if scalar == "(" { parentheses += 1 }
                    if scalar == ")" {
                        if parentheses == 0 { break }
                        parentheses -= 1
                    }
                    url.append(scalar)
                    i += 1
                }
                guard i < end, scalars[i] == ")" else { return nil }
                i += 1
            }
            guard !url.isEmpty else { return nil }
            return ((start + 1)..<labelEnd, String(url), i)
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

extension Substring {
    func trimmingSpacesAndTabs() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
