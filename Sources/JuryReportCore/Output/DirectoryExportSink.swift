import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an export's files into a directory, all or nothing.
///
/// Each file is written to a hidden temporary file in the output directory itself (so the
/// final rename never crosses file systems), flushed to disk, and renamed into place only
/// by ``commit()``, after every file of the export is complete. ``discard()`` removes the
/// temporary files, so a failed export leaves earlier files as they were.
///
/// Temporary files are named `.juryreport-staging-<pid>-<random>.tmp`. A process that
/// is killed cannot remove its own, so the next export into the directory removes them,
/// under the directory's lock (see ``prepare(_:lock:)``).
public final class DirectoryExportSink: ExportSink {
    public let directory: URL
    public let baseName: String
    private var staged: [(temporary: String, final: String)] = []
    private let reportWarning: ((String) -> Void)?
    /// The warnings of the export, in order (also passed to `warn` when one was given).
    public private(set) var warnings: [String] = []
    /// Told of each temporary file when it is created (`true`) and gone (`false`), for a
    /// signal handler that removes them when the process is interrupted.
    public var temporaryFileObserver: ((String, Bool) -> Void)?

    /// Creates the directory if needed. `warn` receives exporters' warnings as they come.
    public init(directory: URL, baseName: String, warn: ((String) -> Void)? = nil) throws(OutputError) {
        self.directory = directory
        self.baseName = baseName
        self.reportWarning = warn
        // Only made: removing left-over files is for the pipeline, under the directory's
        // lock (other sinks of this export are writing beside this one).
        try Self.create(directory)
    }

    /// Makes `directory` if it does not exist (or refuses a path that is not a directory),
    /// runs `lock` (which takes the directory's ``DirectoryLock``), and removes the
    /// temporary files that killed exports left there: under the lock no other export runs,
    /// so every temporary file of this tool there is left over.
    public static func prepare(_ directory: URL, lock: () throws(OutputError) -> Void = {}) throws(OutputError) {
        try create(directory)
        try lock()
        removeStaleTemporaryFiles(in: directory)
    }

    private static func create(_ directory: URL) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError(path: directory.path, reason: "the output path exists and is not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: directory.path, reason: "cannot create the output directory (\(Self.reason(error)))")
            }
        }
    }

    deinit {
        discard()
    }

    public func writeFile(suffix: String, _ write: (TextOutput) throws -> Void) throws {
        let (temporary, final) = try createTemporary(suffix: suffix)
        let descriptor = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixError(final, "cannot open") }
        var closed = false
        defer { if !closed { close(descriptor) } }
        let output = TextOutput { bytes in
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw self.posixError(final, "cannot write")
                    }
                    offset += written
                }
            }
        }
        try write(output)
        try output.flush()
        guard fsync(descriptor) == 0 else { throw posixError(final, "cannot write") }
        closed = true
        guard close(descriptor) == 0 else { throw posixError(final, "cannot write") }
    }

    public func fillFile(suffix: String, _ write: (String) throws -> Void) throws {
        let (temporary, final) = try createTemporary(suffix: suffix)
        do {
            try write(temporary)
        } catch let error as OutputError where error.path == temporary {
            // Name the file the user asked for, not our temporary one.
            throw OutputError(path: final, reason: error.reason)
        }
        // The library closed the file; flush it to disk before it can be renamed into place.
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixError(final, "cannot reopen the written file") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw posixError(final, "cannot write") }
    }

    public func warn(_ message: String) {
        warnings.append(message)
        reportWarning?(message)
    }

    /// Hands the staged files over, to be committed or discarded by whoever takes them; the
    /// sink no longer removes them when it goes.
    public func takeStagedFiles() -> [StagedFile] {
        defer { staged.removeAll() }
        return staged.map { StagedFile(name: URL(fileURLWithPath: $0.final).lastPathComponent, content: .temporaryFile(path: $0.temporary)) }
    }

    /// Renames every staged file into place and flushes the directory.
    public func commit() throws(OutputError) {
        try Self.commit(takeStagedFiles(), in: directory, observer: temporaryFileObserver)
    }

    /// Renames staged files into place in `directory`, in order, and flushes the directory.
    /// When one cannot be moved, it and the rest are removed.
    public static func commit(
        _ files: [StagedFile], in directory: URL, observer: ((String, Bool) -> Void)?
    ) throws(OutputError) {
        for (index, file) in files.enumerated() {
            guard case .temporaryFile(let temporary) = file.content else { continue }
            let final = directory.appendingPathComponent(file.name).path
            guard rename(temporary, final) == 0 else {
                let error = OutputError(path: final, reason: "cannot move the new file into place: \(String(cString: strerror(errno)))")
                for case .temporaryFile(let rest) in files[index...].map(\.content) {
                    unlink(rest)
                    observer?(rest, false)
                }
                throw error
            }
            observer?(temporary, false)
        }
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    /// Removes every staged temporary file.
    public func discard() {
        for file in staged {
            unlink(file.temporary)
            temporaryFileObserver?(file.temporary, false)
        }
        staged.removeAll()
    }

    /// The start of this tool's temporary files' names, which no user's file has.
    static let temporaryPrefix = ".juryreport-staging-"

    /// Removes this tool's temporary files: only names it makes, `.juryreport-staging-<pid>-
    /// <random>.tmp`, never another hidden `.tmp` file.
    static func removeStaleTemporaryFiles(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where isTemporaryName(name) {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix(temporaryPrefix), name.hasSuffix(".tmp") else { return false }
        let tag = name.dropFirst(temporaryPrefix.count).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return tag.count == 2 && Int32(tag[0]) != nil && tag[0].allSatisfy(\.isASCII)
            && !tag[1].isEmpty && tag[1].allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
    }

    /// A new, empty hidden file beside the final one: `.juryreport-staging-<pid>-<random>.tmp`.
    /// Its name does not hold the final one, so it is short whatever the final name's length
    /// (a slug of 200 characters and a long suffix stay within 255 bytes).
    private func createTemporary(suffix: String) throws -> (String, String) {
        guard FileSuffix.isValid(suffix) else {
            throw OutputError(path: baseName + suffix, reason: "invalid file suffix from exporter")
        }
        let name = baseName + suffix
        let final = directory.appendingPathComponent(name).path
        guard !staged.contains(where: { $0.final == final }) else {
            throw OutputError(path: final, reason: "written twice in one export")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: final, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(path: final, reason: "a directory stands where the file should go")
        }
        for _ in 0..<16 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = directory.appendingPathComponent("\(Self.temporaryPrefix)\(getpid())-\(random).tmp").path
            temporaryFileObserver?(temporary, true)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                close(descriptor)
                staged.append((temporary, final))
                return (temporary, final)
            }
            let creationError = errno
            temporaryFileObserver?(temporary, false)
            errno = creationError
            if errno != EEXIST { throw posixError(final, "cannot create a file in the output directory") }
        }
        throw OutputError(path: final, reason: "cannot create a temporary file")
    }

    private func posixError(_ path: String, _ what: String) -> OutputError {
        OutputError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
