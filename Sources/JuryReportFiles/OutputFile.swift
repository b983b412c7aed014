#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file a command writes on its own rather than as an export's folder — `collect`'s
/// scores table, `schema --output`, `init`'s starter files — by the same rules as an export
/// (``OutputPath``): staged beside its final place and renamed onto it when whole, written
/// through a symbolic link, straight into a FIFO, a device or standard output, and never
/// over one of the run's inputs.
public enum OutputFile {
    /// Whether an existing file at the path may be replaced.
    public enum Existing: Sendable {
        case replace
        /// Refused with "already exists" (exit 73), atomically: the file is linked into place,
        /// which fails if one appeared meanwhile.
        case keep
    }

    /// Writes `bytes` to `path`.
    public static func write(
        _ bytes: [UInt8], to path: String, protecting inputs: ProtectedInputs = ProtectedInputs(), existing: Existing = .replace,
        observer: TemporaryResourceObserver? = nil
    ) throws(OutputError) {
        let place = try OutputPath.resolve(path)
        switch place {
        case .standardOutput:
            guard bytes.withUnsafeBytes({ StagingFile.writeAll($0, to: STDOUT_FILENO) }) else {
                throw OutputError(path: path, reason: "cannot write to standard output: \(String(cString: strerror(errno)))")
            }
        case .stream(let stream):
            let descriptor = open(stream, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(path: path, reason: "cannot open for writing: \(String(cString: strerror(errno)))") }
            defer { close(descriptor) }
            guard bytes.withUnsafeBytes({ StagingFile.writeAll($0, to: descriptor) }) else {
                throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
        case .file where existing == .replace:
            try write([(bytes, path)], protecting: inputs, observer: observer)
        case .file(let final):
            // Kept: linked into place, which fails if a file appeared meanwhile.
            try inputs.check(final)
            if access(final, F_OK) == 0 {
                throw OutputError(path: path, reason: "already exists; not overwritten")
            }
            let track: (String, Bool) -> Void = { observer?(.file($0), $1) }
            let temporary = try StagingFile.create(in: StagingFile.folder(of: final), for: path, observer: track)
            // The staging file goes whether or not it was linked into place.
            defer {
                unlink(temporary)
                track(temporary, false)
            }
            try fill(temporary, with: bytes, name: path)
            guard link(temporary, final) == 0 else {
                throw OutputError(path: path, reason: errno == EEXIST ? "already exists; not overwritten" : "cannot write: \(String(cString: strerror(errno)))")
            }
            StagingFile.flushDirectory(of: final)
        }
    }

    /// Writes several files as one: every regular file is staged whole before any is put in
    /// place (a fault while staging leaves every one as it was), then each stream is written,
    /// then each staged file renamed onto its place. `collect`'s scores and remarks tables.
    ///
    /// A file that is not `durable` (a cache, made again when lost or found damaged; the
    /// export manifest) is renamed into place without waiting for its bytes, or its folder,
    /// to reach the disk.
    public static func write(
        _ files: [(bytes: [UInt8], path: String)], protecting inputs: ProtectedInputs = ProtectedInputs(),
        durable: Bool = true, observer: TemporaryResourceObserver? = nil
    ) throws(OutputError) {
        let places = try files.map { file throws(OutputError) in try OutputPath.resolve(file.path) }
        for case .file(let final) in places { try inputs.check(final) }
        let track: (String, Bool) -> Void = { observer?(.file($0), $1) }
        var staged: [(temporary: String, index: Int)] = []
        defer { staged.forEach { track($0.temporary, false) } }
        do throws(OutputError) {
            for (index, place) in places.enumerated() {
                guard case .file(let final) = place else { continue }
                let temporary = try StagingFile.create(in: StagingFile.folder(of: final), for: files[index].path, observer: track)
                staged.append((temporary, index))
                try fill(temporary, with: files[index].bytes, name: files[index].path, durable: durable)
            }
            for (index, place) in places.enumerated() {
                if case .file = place { continue }
                try write(files[index].bytes, to: files[index].path)
            }
            // The folders of what is in place are flushed, also when a later file fails.
            defer { if durable { StagingFile.flushFolders(of: places) } }
            var replaced: [Int32] = []
            defer { StagingFile.release(replaced) }
            while let (temporary, index) = staged.first {
                if let old = try StagingFile.place(temporary, at: places[index], named: files[index].path) { replaced.append(old) }
                track(temporary, false)
                staged.removeFirst()
            }
        } catch {
            staged.forEach { unlink($0.temporary) }
            throw error
        }
    }

    /// `bytes` into the staging file, flushed to disk when `durable`.
    private static func fill(_ temporary: String, with bytes: [UInt8], name: String, durable: Bool = true) throws(OutputError) {
        let descriptor = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: name, reason: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard bytes.withUnsafeBytes({ StagingFile.writeAll($0, to: descriptor) }), !durable || fsync(descriptor) == 0 else {
            throw OutputError(path: name, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
    }
}
