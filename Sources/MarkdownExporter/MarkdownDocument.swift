import JuryReportCore

/// Writes Markdown blocks to a ``TextOutput``, one blank line between blocks.
struct MarkdownDocument {
    let output: TextOutput
    private var isFirstBlock = true

    init(output: TextOutput) {
        self.output = output
    }

    private mutating func block(_ markdown: String) throws {
        try output.write(isFirstBlock ? markdown + "\n" : "\n" + markdown + "\n")
        isFirstBlock = false
    }

    mutating func heading(_ level: Int, _ text: String) throws {
        try block(String(repeating: "#", count: level) + " " + MarkdownText.escape(text))
    }

    /// A paragraph of literal text.
    mutating func paragraph(_ text: String) throws {
        try block(MarkdownText.escape(text, atLineStart: true))
    }

    /// A paragraph already in Markdown.
    mutating func paragraph(markdown: String) throws {
        try block(markdown)
    }

    /// A bullet list; items already in Markdown.
    mutating func list(markdown items: [String]) throws {
        guard !items.isEmpty else { return }
        try block(items.map { "- " + $0 }.joined(separator: "\n"))
    }

    enum Alignment {
        case left, right
    }

    /// A GFM pipe table; header and cells already in Markdown, each on one line.
    mutating func table(header: [String], alignments: [Alignment], rows: [[String]]) throws {
        func row(_ cells: [String]) -> String {
            "| " + cells.joined(separator: " | ") + " |"
        }
        var lines = [row(header)]
        lines.append("| " + alignments.map { $0 == .right ? "---:" : "---" }.joined(separator: " | ") + " |")
        lines += rows.map(row)
        try block(lines.joined(separator: "\n"))
    }
}
