import Foundation
@testable import JuryReportFiles
import Testing
import TestSupport

@Suite("SHA-256 of the export manifest")
struct SHA256Tests {
    /// The hash of `bytes` the portable way or the processor's.
    static func hex(_ bytes: [UInt8], portable: Bool) -> String {
        var hash = SHA256(portable: portable)
        hash.update(bytes)
        return hash.hexDigest()
    }

    @Test("FIPS 180-4's examples, the portable way and with the processor's SHA instructions", arguments: [true, false])
    func knownDigests(portable: Bool) {
        #expect(Self.hex([], portable: portable) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(Array("abc".utf8), portable: portable) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), portable: portable)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            Self.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), portable: portable)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the two ways agree on every length up to a few blocks")
    func bothWays() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<700).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in 0...bytes.count {
            let part = Array(bytes[..<length])
            #expect(Self.hex(part, portable: true) == Self.hex(part, portable: false), "\(length) bytes")
        }
    }

    @Test("bytes given in pieces of any size hash as sha256sum hashes them whole")
    func pieces() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_003).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let directory = try Paths.temporaryDirectory("sha256")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bytes")
        try Data(bytes).write(to: file)
        // coreutils' sha256sum, not our code, says what the hash is.
        let expected = String(try ProcessRunner.run(tool: "sha256sum", [file.path]).output.prefix(64))
        #expect(expected.count == 64)
        #expect(SHA256.hex(of: bytes) == expected)
        for _ in 0..<20 {
            var hash = SHA256()
            var start = 0
            while start < bytes.count {
                // Pieces across block boundaries, inside a block, and empty ones.
                let end = min(bytes.count, start + Int.random(in: 0...200, using: &generator) * Int.random(in: 0...3, using: &generator))
                hash.update(bytes[start..<end])
                start = end
            }
            #expect(hash.hexDigest() == expected)
        }
        // A collection without contiguous storage takes the other way.
        #expect(SHA256.hex(of: bytes.lazy.map { $0 }) == expected)
    }
}
