extension Logo {
    /// The width and height in pixels of a PNG or JPEG logo, read from its header, for the
    /// formats that scale it (the workbook, Word); nil for a PDF or a header that says none.
    public var pixelSize: (width: Int, height: Int)? {
        switch kind {
        case .png:
            // The IHDR chunk follows the signature: width and height, big-endian, at 16 and 20.
            guard bytes.count >= 24 else { return nil }
            return (Self.bigEndian(bytes[16..<20]), Self.bigEndian(bytes[20..<24]))
        case .jpeg:
            // The first start-of-frame marker (FFC0 to FFCF, not C4, C8, CC) holds the height, then the width.
            var index = 2
            while index + 8 < bytes.count {
                guard bytes[index] == 0xFF else { return nil }
                let marker = bytes[index + 1]
                let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return (Self.bigEndian(bytes[(index + 7)..<(index + 9)]), Self.bigEndian(bytes[(index + 5)..<(index + 7)]))
                }
                index += 2 + length
            }
            return nil
        case .pdf:
            return nil
        }
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}
