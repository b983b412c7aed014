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
/// under the directory's lock (see ``prepare(_:lock:)``). A final name that is a symbolic
/// link, a FIFO or a device is written through, not replaced (`OutputPath`).
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
    /// Where written files are handed to be flushed to disk, for whoever renames them into
    /// place to wait on; without one, each is flushed before the write returns.
    package var flusher: FileFlusher?

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
        // Readable too: the flusher hashes it.
        let descriptor = open(temporary, O_RDWR | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixError(final, "cannot open") }
        var closed = false
        defer { if !closed { close(descriptor) } }
        let output = TextOutput { bytes in
            guard bytes.withUnsafeBytes({ StagingFile.writeAll($0, to: descriptor) }) else {
                throw self.posixError(final, "cannot write")
            }
        }
        try write(output)
        try output.flush()
        closed = true
        try flush(descriptor, of: temporary, final: final)
    }

    /// Flushes the written file to disk and closes it, or hands it to the flusher to.
    private func flush(_ descriptor: Int32, of temporary: String, final: String) throws(OutputError) {
        if let flusher {
            flusher.flush(descriptor, of: temporary)
            return
        }
        guard fsync(descriptor) == 0 else {
            let error = posixError(final, "cannot write")
            close(descriptor)
            throw error
        }
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
        try flush(descriptor, of: temporary, final: final)
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

    /// Puts every staged file in place and flushes the directory.
    public func commit() throws(OutputError) {
        try Self.commit(takeStagedFiles(), in: directory, observer: temporaryFileObserver)
    }

    /// Puts staged files in place in `directory`, in order, by `OutputPath`'s rules: a
    /// symbolic link written through, a FIFO or device written to, a regular file renamed
    /// onto. None is placed when one would land on one of `inputs`; when one cannot be
    /// placed, it and the rest are removed.
    public static func commit(
        _ files: [StagedFile], in directory: URL, observer: ((String, Bool) -> Void)?, protecting inputs: ProtectedInputs = ProtectedInputs()
    ) throws(OutputError) {
        func removeAll(from index: Int) {
            for case .temporaryFile(let rest) in files[index...].map(\.content) {
                unlink(rest)
                observer?(rest, false)
            }
        }
        var places: [OutputPath] = []
        for file in files {
            let final = directory.appendingPathComponent(file.name).path
            do throws(OutputError) {
                let place = try OutputPath.resolve(final)
                if case .file(let path) = place { try inputs.check(path) }
                places.append(place)
            } catch {
                removeAll(from: 0)
                throw OutputError(path: final, reason: error.reason, kind: error.kind)
            }
        }
        // One flush of each folder once every file is in place (or when one fails, for
        // those before it).
        defer { StagingFile.flushFolders(of: places) }
        var replaced: [Int32] = []
        defer { StagingFile.release(replaced) }
        for (index, file) in files.enumerated() {
            guard case .temporaryFile(let temporary) = file.content else { continue }
            do throws(OutputError) {
                if let old = try StagingFile.place(temporary, at: places[index], named: directory.appendingPathComponent(file.name).path) {
                    replaced.append(old)
                }
                observer?(temporary, false)
            } catch {
                observer?(temporary, false)
                removeAll(from: index + 1)
                throw error
            }
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

    /// Removes this tool's temporary files, and the private folders the workbook's library
    /// writes in (with what is in them): only names it makes, `.juryreport-staging-<pid>-
    /// <random>.tmp`, never another hidden `.tmp` file.
    static func removeStaleTemporaryFiles(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where StagingFile.isStagingName(name) {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                try? FileManager.default.removeItem(atPath: path)
            } else {
                unlink(path)
            }
        }
    }

    /// A new, empty staging file for the file of `suffix`: in the folder its final place
    /// resolves to (a symbolic link's target may be in another folder, even on another file
    /// system), or in the output directory for a FIFO or device.
    private func createTemporary(suffix: String) throws -> (String, String) {
        guard FileSuffix.isValid(suffix) else {
            throw OutputError(path: baseName + suffix, reason: "invalid file suffix from exporter")
        }
        let final = directory.appendingPathComponent(baseName + suffix).path
        guard !staged.contains(where: { $0.final == final }) else {
            throw OutputError(path: final, reason: "written twice in one export")
        }
        let folder: String
        switch try OutputPath.resolve(final) {
        case .file(let path): folder = StagingFile.folder(of: path)
        case .stream, .standardOutput: folder = directory.path
        }
        let temporary = try StagingFile.create(in: folder, for: final, observer: temporaryFileObserver)
        staged.append((temporary, final))
        return (temporary, final)
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
