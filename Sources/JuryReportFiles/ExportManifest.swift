import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What juryreport wrote into an output directory: `.juryreport-manifest`, one line per
/// file in `sha256sum`'s format (`HASH  NAME`, so `sha256sum -c` checks it too). `--prune`
/// removes only files it lists whose bytes are still the ones written; a file not in it, or
/// changed since, is never removed, whatever its name.
public struct ExportManifest: Sendable, Equatable {
    public static let fileName = ".juryreport-manifest"
    /// A manifest larger than this is not read (one line per file an export wrote).
    static let maximumSize = 4 << 20

    /// SHA-256 (hexadecimal) by file name.
    public private(set) var hashes: [String: String] = [:]

    public init(hashes: [String: String] = [:]) {
        self.hashes = hashes
    }

    /// The manifest of `directory`; empty when there is none or it cannot be read.
    public static func read(in directory: URL) -> ExportManifest {
        let path = directory.appendingPathComponent(fileName).path
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maximumSize,
            let data = FileManager.default.contents(atPath: path)
        else { return ExportManifest() }
        var hashes: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit) else { continue }
            let name = String(parts[1].drop { $0 == " " || $0 == "*" })
            if FileSuffix.isPlainName(name) { hashes[name] = String(parts[0]) }
        }
        return ExportManifest(hashes: hashes)
    }

    /// The SHA-256 of the file at `path`, read in chunks; nil when it cannot be read.
    public static func hash(ofFileAt path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return hash(of: descriptor)
    }

    /// The hash of the whole file open on `descriptor` (read from its start, whatever its
    /// offset), or nil when it cannot be read.
    package static func hash(of descriptor: Int32) -> String? {
        var hash = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, offset) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return hash.hexDigest() }
            hash.update(buffer[0..<count])
            offset += off_t(count)
        }
    }

    /// Whether `name` is a file juryreport wrote and nobody has changed since.
    public func isUnchanged(_ name: String, in directory: URL) -> Bool {
        guard let recorded = hashes[name] else { return false }
        return Self.hash(ofFileAt: directory.appendingPathComponent(name).path) == recorded
    }

    public mutating func record(_ name: String, hash: String) { hashes[name] = hash }
    public mutating func forget(_ name: String) { hashes[name] = nil }

    /// Writes the manifest into `directory`, staged and renamed as any output, but not
    /// flushed to disk (two `fsync`s, a thirtieth of a small export): a manifest lost to a
    /// power cut leaves `--prune` the earlier one, which removes only files whose bytes it
    /// lists, or none.
    public func write(in directory: URL) throws(OutputError) {
        var text = "# Written by juryreport: the files it wrote here and their SHA-256 (sha256sum -c checks them).\n"
        text += "# export --prune removes only files listed here whose bytes are unchanged.\n"
        for (name, hash) in hashes.sorted(by: { $0.key < $1.key }) { text += "\(hash)  \(name)\n" }
        try OutputFile.write([(Array(text.utf8), directory.appendingPathComponent(Self.fileName).path)], durable: false)
    }
}
