import Foundation
import ZIPFoundation

/// The contents of a gzip file (RFC 1952), as TeX writes its format files. A format kept
/// inflated loads in a third of the time: the engine reads it through zlib's `gzread`, which
/// passes a file that is not gzip through as it is, and inflating 20 MB was most of a
/// build's start-up.
enum GzipFile {
    /// The inflated contents of `bytes`, or `bytes` themselves when they are not gzip; nil
    /// for a damaged or truncated gzip file (its deflate stream broken or its length not
    /// matching), or one of more than one member.
    static func contents(of bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B else { return bytes }
        guard bytes[2] == 8, let start = deflateStart(bytes) else { return nil }
        let trailer = bytes.count - 8
        guard start <= trailer else { return nil }
        func word(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        var inflated = [UInt8]()
        inflated.reserveCapacity(Int(word(trailer + 4)))
        let compressed = bytes[start..<trailer]
        // The CRC is not checked: ZIPFoundation computes it in Swift on Linux, as long as the
        // inflating itself. A damaged stream fails to inflate or to reach its length, and a
        // format that loads wrong is removed by the build that finds it (LaTeXEngine).
        // ZIPFoundation's inflate tells zlib that every chunk it asks for is whole: the last
        // one is padded with zeros (a whole stream ends before them), and a stream that wants
        // more than there is ends with an error, not a read past the end.
        guard (try? Data.decompress(
            size: Int64(compressed.count), bufferSize: 1 << 20, skipCRC32: true,
            provider: { position, size in
                let from = compressed.startIndex + Int(position)
                guard from < compressed.endIndex else { throw Truncated() }
                var chunk = Data(compressed[from..<min(from + size, compressed.endIndex)])
                chunk.append(Data(count: size - chunk.count))
                return chunk
            },
            consumer: { inflated.append(contentsOf: $0) })) != nil,
            UInt32(truncatingIfNeeded: inflated.count) == word(trailer + 4)
        else { return nil }
        return inflated
    }

    private struct Truncated: Error {}

    /// Where the deflate stream starts, after the header's optional fields (FEXTRA, FNAME,
    /// FCOMMENT, FHCRC).
    private static func deflateStart(_ bytes: [UInt8]) -> Int? {
        let flags = bytes[3]
        var at = 10
        if flags & 0x04 != 0 {
            guard at + 2 <= bytes.count else { return nil }
            at += 2 + Int(bytes[at]) + Int(bytes[at + 1]) << 8
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            guard let end = bytes[min(at, bytes.count)...].firstIndex(of: 0) else { return nil }
            at = end + 1
        }
        if flags & 0x02 != 0 { at += 2 }
        return at <= bytes.count ? at : nil
    }
}
