import Foundation

/// Reads the logo an edition's `branding.logo` names, relative to the edition file: it must
/// be a PNG, JPEG or PDF file (told by its first bytes, not its name).
enum LogoLoader {
    /// Logos larger than this are refused before they are read.
    static let maximumSize = 20 * 1024 * 1024

    /// Pixels a side at most: TeX takes an image without a resolution at 72 pixels an
    /// inch, and its largest length (16,383 points) is 16,383 such pixels.
    static let maximumPixels = 10_000

    struct Fault: Error {
        var message: String
    }

    static func load(_ path: String, in directory: URL, shownDirectory: String) -> Result<Logo, Fault> {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
        let shown = DisplayText.quoted(
            path.hasPrefix("/") || shownDirectory.isEmpty ? path : (shownDirectory as NSString).appendingPathComponent(path), limit: 1000)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return .failure(Fault(message: "no such file: \(shown) (the path is relative to the edition file)"))
        }
        if isDirectory.boolValue { return .failure(Fault(message: "\(shown) is a directory, not an image")) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > maximumSize {
            return .failure(Fault(message: "\(shown) is \(size / 1_048_576) MiB; a logo may be at most \(maximumSize / 1_048_576) MiB"))
        }
        guard let data = try? Data(contentsOf: url) else { return .failure(Fault(message: "cannot read \(shown)")) }
        let bytes = [UInt8](data)
        guard let kind = Logo.Kind.of(bytes) else {
            return .failure(Fault(message: "\(shown) is not a PNG, JPEG or PDF file"))
        }
        if kind != .pdf {
            guard let (width, height) = pixelSize(of: bytes, kind: kind) else {
                return .failure(Fault(message: "\(shown) is a damaged \(kind == .png ? "PNG" : "JPEG") file: its size in pixels cannot be read"))
            }
            guard width <= maximumPixels, height <= maximumPixels, width > 0, height > 0 else {
                return .failure(Fault(message:
                    "\(shown) is \(width) × \(height) pixels; a logo may be at most \(maximumPixels) pixels a side (TeX cannot place a larger one)"))
            }
        }
        return .success(Logo(path: path, kind: kind, bytes: bytes))
    }

    /// Width and height in pixels, from a PNG's header or a JPEG's frame marker.
    static func pixelSize(of bytes: [UInt8], kind: Logo.Kind) -> (Int, Int)? {
        func big(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= bytes.count else { return nil }
            return bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
        }
        switch kind {
        case .png:
            // The signature, then the IHDR chunk: length, type, width, height.
            guard let width = big(16, 4), let height = big(20, 4), bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
            return (width, height)
        case .jpeg:
            var at = 2
            while at + 4 <= bytes.count, bytes[at] == 0xFF {
                let marker = bytes[at + 1]
                guard let length = big(at + 2, 2), length >= 2 else { return nil }
                // Start-of-frame markers C0 to CF, but for C4 (tables), C8 and CC.
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    guard let height = big(at + 5, 2), let width = big(at + 7, 2) else { return nil }
                    return (width, height)
                }
                at += 2 + length
            }
            return nil
        case .pdf:
            return nil
        }
    }
}
