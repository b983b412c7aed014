import Foundation

/// What a file was when it was read: its device, inode, size and time of change. The loader
/// compares it before it reads an edition file a second time to place faults
/// (``EditionLoader``), so that a file changed meanwhile is not taken for the one read.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var changedSeconds: Int
    var changedNanoseconds: Int

    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        changedSeconds = Int(status.st_mtim.tv_sec)
        changedNanoseconds = Int(status.st_mtim.tv_nsec)
    }
}
