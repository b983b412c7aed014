import Testing
@testable import JuryReportSource

@Suite("The UTF-8 check of an edition file")
struct UTF8CheckTests {
    /// Sequences the standard refuses: a lone continuation byte, overlong forms, a surrogate,
    /// past U+10FFFF, a sequence cut short, bytes that never occur.
    static let faults: [[UInt8]] = [
        [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xFE],
    ]
    static let fine: [[UInt8]] = [Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{FEFF}".utf8), Array("\u{10FFFF}".utf8)]

    @Test("agrees with the standard library on ASCII runs of every length around every kind of sequence")
    func agreesWithStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                // ASCII runs that end anywhere in an eight-byte word.
                bytes += (0..<Int.random(in: 0...19, using: &generator)).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
                let pick = Int.random(in: 0..<10, using: &generator)
                bytes += pick == 0 ? Self.faults.randomElement(using: &generator)! : Self.fine.randomElement(using: &generator)!
            }
            bytes += (0..<Int.random(in: 0...9, using: &generator)).map { _ in UInt8(ascii: "a") }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(TextRules.isValidUTF8(bytes) == expected, "\(bytes)")
            #expect((TextRules.firstInvalidUTF8(in: bytes) == nil) == expected, "\(bytes)")
        }
        #expect(TextRules.isValidUTF8([]))
        // A fault as the very last byte, after whole words of ASCII.
        #expect(!TextRules.isValidUTF8(Array("abcdefghijklmnop".utf8) + [0xC3]))
    }
}
