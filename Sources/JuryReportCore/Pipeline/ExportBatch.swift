/// What the export stage made, for the commit stage: one result per edition, in order, and
/// for a directory export the lock on the directory, held until the commit is done (or the
/// batch is dropped).
public struct ExportBatch: Sendable {
    public let editions: [Result<ExportedEdition, ExportFailure>]
    let lock: DirectoryLock?
    /// Flushing the staged files to disk, for the commit to wait on.
    let flusher: FileFlusher?

    init(editions: [Result<ExportedEdition, ExportFailure>], lock: DirectoryLock?, flusher: FileFlusher? = nil) {
        self.editions = editions
        self.lock = lock
        self.flusher = flusher
    }
}
