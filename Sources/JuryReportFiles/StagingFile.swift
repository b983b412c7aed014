internal import CFileSystem
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hidden temporary files output is staged in before it is renamed into place:
/// `.juryreport-staging-<pid>-<random>.tmp`, in the folder of the final file, so the
/// rename never crosses file systems. A killed process leaves its own behind; the next
/// export into the folder removes them (`DirectoryExportSink` of JuryReportCore).
package enum StagingFile {
    /// The start of the names, which no user's file has.
    package static let prefix = ".juryreport-staging-"

    /// A new, empty staging file in `directory`; `observer` is told of it before it exists
    /// (`true`) and again if it could not be made (`false`). Its name does not hold the
    /// final one, so it is short whatever the final name's length.
    package static func create(in directory: String, for final: String, observer: ((String, Bool) -> Void)?) throws(OutputError) -> String {
        for _ in 0..<16 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = (directory as NSString).appendingPathComponent("\(prefix)\(getpid())-\(random).tmp")
            observer?(temporary, true)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                close(descriptor)
                return temporary
            }
            let creationError = errno
            observer?(temporary, false)
            if creationError != EEXIST {
                throw OutputError(path: final, reason: "cannot create a file in its folder: \(String(cString: strerror(creationError)))")
            }
        }
        throw OutputError(path: final, reason: "cannot create a temporary file")
    }

    /// A new, empty private folder (mode 0700) named as a staging file, in `directory`: for
    /// a library's own temporary files (libxlsxwriter's), so that they are on the same file
    /// system as the output, removed with the folder when the process is interrupted, and
    /// removed by the next export when it was killed. `observer` is told as for ``create(in:for:observer:)``.
    package static func createFolder(in directory: String, for final: String, observer: ((String, Bool) -> Void)?) throws(OutputError) -> String {
        for _ in 0..<16 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = (directory as NSString).appendingPathComponent("\(prefix)\(getpid())-\(random).tmp")
            observer?(temporary, true)
            if mkdir(temporary, 0o700) == 0 { return temporary }
            let creationError = errno
            observer?(temporary, false)
            if creationError != EEXIST {
                throw OutputError(path: final, reason: "cannot create a folder in its folder: \(String(cString: strerror(creationError)))")
            }
        }
        throw OutputError(path: final, reason: "cannot create a temporary folder")
    }

    /// Whether `name` is one of these files' names (and not another hidden `.tmp` file).
    package static func isStagingName(_ name: String) -> Bool {
        guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { return false }
        let tag = name.dropFirst(prefix.count).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return tag.count == 2 && Int32(tag[0]) != nil && tag[0].allSatisfy(\.isASCII)
            && !tag[1].isEmpty && tag[1].allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
    }

    /// Writes all of `bytes` to `descriptor`, again after an interrupted call.
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Puts the staged `temporary` in place of `final` (``OutputPath``'s rules; the
    /// staging file is gone afterwards either way): renamed onto a regular file, keeping the
    /// mode of the file it replaces; copied into a FIFO or device. The caller flushes the
    /// folders of the renamed files once they are all in place (``flushFolders(of:)``): one
    /// `fsync` of a folder for all its files, not one each.
    ///
    /// Returns the file replaced, held open, for the caller to close (``release(_:)``): the
    /// rename then only unlinks it, and freeing its blocks (a tenth of a millisecond a file
    /// on ext4, most of a rename's time) waits for the close, off the caller's path.
    package static func place(_ temporary: String, at final: OutputPath, named name: String) throws(OutputError) -> Int32? {
        switch final {
        case .file(let path):
            // O_NONBLOCK: never wait on what a race may have put there.
            var replaced = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
            if replaced >= 0, isRemote(replaced) {
                close(replaced)
                replaced = -1
            }
            var existing = stat()
            if replaced >= 0 ? fstat(replaced, &existing) == 0 : stat(path, &existing) == 0 {
                chmod(temporary, existing.st_mode & 0o7777)
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                if replaced >= 0 { close(replaced) }
                unlink(temporary)
                throw OutputError(path: name, reason: "cannot move the new file into place: \(reason)")
            }
            return replaced >= 0 ? replaced : nil
        case .stream(let path):
            defer { unlink(temporary) }
            try copy(temporary, into: path, named: name)
        case .standardOutput:
            defer { unlink(temporary) }
            try copy(temporary, into: "/dev/stdout", named: name)
        }
        return nil
    }

    /// Whether the file open on `descriptor` is on a network or user-space file system,
    /// where a file renamed over while open is kept under a `.nfs…` name until it is
    /// closed: such a file is not held.
    private static func isRemote(_ descriptor: Int32) -> Bool {
        juryreport_is_remote_file(descriptor) != 0
    }

    /// Closes the replaced files ``place(_:at:named:)`` held, on another thread: what is
    /// left of the commit (the folders' flush, the manifest) goes on meanwhile.
    package static func release(_ replaced: [Int32]) {
        guard !replaced.isEmpty else { return }
        DispatchQueue.global(qos: .utility).async { replaced.forEach { close($0) } }
    }

    /// The bytes of `temporary` written into the FIFO or device at `path`.
    private static func copy(_ temporary: String, into path: String, named name: String) throws(OutputError) {
        let source = open(temporary, O_RDONLY | O_CLOEXEC)
        let target = open(path, O_WRONLY | O_CLOEXEC)
        defer {
            if source >= 0 { close(source) }
            if target >= 0 { close(target) }
        }
        guard source >= 0, target >= 0 else {
            throw OutputError(path: name, reason: "cannot open for writing: \(String(cString: strerror(errno)))")
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw OutputError(path: name, reason: "cannot read the staged file: \(String(cString: strerror(errno)))") }
            if count == 0 { return }
            let written = buffer.withUnsafeBytes { writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<count]), to: target) }
            guard written else { throw OutputError(path: name, reason: "cannot write: \(String(cString: strerror(errno)))") }
        }
    }

    /// Flushes the folder of each regular file among `places` once, so the renames survive a
    /// power cut.
    package static func flushFolders(of places: some Sequence<OutputPath>) {
        var folders: [String] = []
        for case .file(let path) in places where !folders.contains(folder(of: path)) { folders.append(folder(of: path)) }
        folders.forEach { flushDirectory(of: $0 + "/.") }
    }

    /// Flushes the folder of `path`, so the rename survives a power cut.
    package static func flushDirectory(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    /// The folder part of a path ("." for a bare name).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
