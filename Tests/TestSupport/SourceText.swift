import Foundation

/// Positions in test input, computed independently of the code under test.
public enum SourceText {
    /// The 1-based line and column (in Unicode scalars) of the first `needle` in `text`,
    /// as "LINE:COLUMN"; `occurrence` picks a later one.
    public static func position(of needle: String, in text: String, occurrence: Int = 1) -> String {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchStart = line.startIndex
            while let range = line[searchStart...].range(of: needle) {
                seen += 1
                if seen == occurrence {
                    let column = line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1
                    return "\(index + 1):\(column)"
                }
                searchStart = line.index(after: range.lowerBound)
            }
        }
        return "not found: \(needle)"
    }
}
