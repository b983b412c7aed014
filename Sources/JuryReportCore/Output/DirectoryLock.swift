import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on an output directory, held from the staging of an export's files
/// until they are in place: two exports into one directory (two build jobs, two shells,
/// containers sharing a mount) take turns instead of ending with a mix of both. `flock`
/// on the directory itself, so no lock file is left behind; released when the lock is
/// released or the process ends, however it ends.
public final class DirectoryLock: Sendable {
    public let directory: URL
    private let descriptor: Int32

    /// Takes the lock, waiting for another holder; `waiting` is told once when it must.
    public init(_ directory: URL, waiting: (() -> Void)? = nil) throws(OutputError) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: directory.path, reason: "cannot open the output directory: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw OutputError(path: directory.path, reason: "cannot lock the output directory: \(reason)")
            }
            waiting?()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw OutputError(path: directory.path, reason: "cannot lock the output directory: \(reason)")
                }
            }
        }
        self.directory = directory
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
