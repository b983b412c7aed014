import Foundation

/// Reads the logo an edition's `branding.logo` names, relative to the edition file: it must
/// be a PNG, JPEG or PDF file (told by its first bytes, not its name).
enum LogoLoader {
    /// Logos larger than this are refused before they are read.
    static let maximumSize = 20 * 1024 * 1024

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
        return .success(Logo(path: path, kind: kind, bytes: bytes))
    }
}
