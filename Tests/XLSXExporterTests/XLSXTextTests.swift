import Testing
import TestSupport
@testable import XLSXExporter

@Suite("Cell text as libxlsxwriter receives it")
struct XLSXTextTests {
    @Test("the scan for `_x` agrees with the standard library's search, wherever the `_` stands")
    func referenceScan() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["_", "x", "_x", "x_", "é", "a", " ", "__", "\u{00A0}", "😀", "_X"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(XLSXText.mayHaveReference(text) == text.utf8.contains("_x".utf8), "\(text)")
        }
        #expect(XLSXText.escapeCharacterReferences("a_x0041_b") == "a_x005F_x0041_b")
        #expect(XLSXText.escapeCharacterReferences("plain_text x_") == "plain_text x_")
    }
}

extension Sequence where Element: Equatable {
    /// Whether `part` occurs in these elements, in a row.
    fileprivate func contains(_ part: some Collection<Element>) -> Bool {
        let all = Array(self)
        let part = Array(part)
        guard part.count <= all.count else { return false }
        return (0...(all.count - part.count)).contains { Array(all[$0..<($0 + part.count)]) == part }
    }
}
