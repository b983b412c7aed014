import Foundation

/// Keeps the files of an export in memory, by file name: for tests, for `--stdout` and for
/// comparing an export with files on disk.
public final class MemoryExportSink: ExportSink {
    public let baseName: String
    /// The files written, by name (`<base><suffix>`), in the order written.
    public private(set) var files: [(name: String, bytes: [UInt8])] = []
    public private(set) var warnings: [String] = []

    public init(baseName: String) {
        self.baseName = baseName
    }

    public func writeFile(suffix: String, _ write: (TextOutput) throws -> Void) throws {
        let name = try fileName(suffix)
        var bytes: [UInt8] = []
        let output = TextOutput { bytes.append(contentsOf: $0) }
        try write(output)
        try output.flush()
        files.append((name, bytes))
    }

    public func fillFile(suffix: String, _ write: (String) throws -> Void) throws {
        let name = try fileName(suffix)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("juryreport-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw OutputError(path: path, reason: "cannot create a temporary file")
        }
        try write(path)
        files.append((name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    public func warn(_ message: String) {
        warnings.append(message)
    }

    /// The bytes of the file with this suffix.
    public func file(suffix: String) -> [UInt8]? {
        files.first { $0.name == baseName + suffix }?.bytes
    }

    private func fileName(_ suffix: String) throws -> String {
        guard FileSuffix.isValid(suffix) else {
            throw OutputError(path: baseName + suffix, reason: "invalid file suffix")
        }
        return baseName + suffix
    }
}
