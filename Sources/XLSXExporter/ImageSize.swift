import JuryReportCore

/// The height in pixels of a PNG or JPEG logo, read from its header, to scale it.
enum ImageSize {
    static func height(of logo: Logo) -> Int? {
        let bytes = logo.bytes
        switch logo.kind {
        case .png:
            // The IHDR chunk follows the signature: width and height, big-endian, at 16 and 20.
            guard bytes.count >= 24 else { return nil }
            return bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        case .jpeg:
            // The first start-of-frame marker (FFC0 to FFCF, not C4, C8, CC) holds the height.
            var index = 2
            while index + 8 < bytes.count {
                guard bytes[index] == 0xFF else { return nil }
                let marker = bytes[index + 1]
                let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                }
                index += 2 + length
            }
            return nil
        case .pdf:
            return nil
        }
    }
}
