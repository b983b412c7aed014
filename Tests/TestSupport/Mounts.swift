import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Mounts for fault tests: a small or read-only tmpfs. Needs root, which CI has.
public enum Mounts {
    public static func tmpfs(at directory: URL, options: String) -> Bool {
        (try? ProcessRunner.run(tool: "mount", ["-t", "tmpfs", "-o", options, "tmpfs", directory.path]).status) == 0
    }

    public static func unmount(_ directory: URL) {
        _ = try? ProcessRunner.run(tool: "umount", [directory.path])
    }

    /// Whether this process may mount (root, and not refused by a sandbox).
    public static let available: Bool = {
        guard getuid() == 0, let probe = try? Paths.temporaryDirectory("mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard tmpfs(at: probe, options: "size=16k") else { return false }
        unmount(probe)
        return true
    }()
}
