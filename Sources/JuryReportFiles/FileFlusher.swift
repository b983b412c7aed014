import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Flushes staged files to disk (`fsync`) one after another on a thread of its own, so that
/// the formats still being made do not wait on the disk: an export hands each staged file
/// over when it is written and, before anything is renamed into place, waits for all of
/// them (``wait()``). Each file's hash for the output folder's ``ExportManifest`` is taken
/// there too, from the page cache, not read back after the renaming. On a small edition the
/// flushes and the hashes were a quarter of the run, each holding up a core; ext4 does not
/// group flushes made at once, so one thread is enough.
package final class FileFlusher: @unchecked Sendable {
    /// What became of the files handed over, by temporary path.
    package struct Outcome: Sendable {
        /// Why a file could not be flushed.
        package var failures: [String: String] = [:]
        /// The ``ExportManifest`` hash of each file that was.
        package var hashes: [String: String] = [:]

        package init() {}
    }

    private let queue = DispatchQueue(label: "juryreport.file-flusher")
    private let lock = NSLock()
    private var outcome = Outcome()

    package init() {}

    /// Flushes `descriptor`, open for reading on the staged file `temporary`, to disk,
    /// hashes the file and closes it.
    package func flush(_ descriptor: Int32, of temporary: String) {
        queue.async { [self] in
            var failure: String?
            if fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            let hash = failure == nil ? ExportManifest.hash(of: descriptor) : nil
            if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            lock.withLock {
                if let failure { outcome.failures[temporary] = failure } else if let hash { outcome.hashes[temporary] = hash }
            }
        }
    }

    /// Waits until every file handed over is on disk, and says which could not be flushed
    /// and the hashes of the others.
    package func wait() -> Outcome {
        queue.sync {}
        return lock.withLock { outcome }
    }
}
