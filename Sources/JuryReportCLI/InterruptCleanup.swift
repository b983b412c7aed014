import CChildProcess
import Foundation
import JuryReportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cleans up after an interrupted export (SIGINT, SIGTERM, SIGHUP), then dies of the same
/// signal: ends the child programs' process groups (a TeX engine, a plugin), removes their
/// private folders and the export's temporary files. (A SIGKILLed process cannot clean up:
/// the next export into the directory removes its files; its folders under /tmp are 0700.)
///
/// The one piece of global state in the tool, deliberately: a signal handler can reach
/// nothing else, and may only call async-signal-safe functions (`kill`, `waitpid`,
/// `unlink`, and fork and exec of `rm` for the folders).
enum InterruptCleanup {
    static let capacity = 256

    /// Paths as C strings, nil where free. Written under the lock, read by the handler.
    nonisolated(unsafe) private static let files = slots(capacity)
    nonisolated(unsafe) private static let directories = slots(capacity)
    /// The handler's list of folders to remove, NULL-terminated: filled in the handler,
    /// which may not allocate.
    nonisolated(unsafe) private static let directoryList = slots(capacity + 1)
    /// Process group ids, 0 where free.
    nonisolated(unsafe) private static let groups: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()

    private static func slots(_ count: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        return slots
    }

    /// Set first thing in the handler: a cleanup is under way and the process will die of
    /// the signal.
    nonisolated(unsafe) private static let signalled: UnsafeMutablePointer<sig_atomic_t> = {
        let flag = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        flag.initialize(to: 0)
        return flag
    }()

    fileprivate static func markSignalled() {
        signalled.pointee = 1
    }

    /// Called where a command ends: while the handler cleans up on another thread (ending a
    /// plugin, which makes the export fail), the command must not exit with that failure's
    /// code first; it waits for the handler to end the process with the signal.
    static func awaitPendingSignal() {
        guard signalled.pointee != 0 else { return }
        while true { pause() }
    }

    static func install() {
        _ = signalled
        _ = (files, directories, directoryList, groups)
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, interrupted)
            sigaddset(&set, signalNumber)
        }
        // A parent may have started us with these blocked (some test runners do).
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Guards the slots against the exporting threads (the handler reads without it).
    private static let lock = NSLock()

    /// Follows one temporary resource: `present` when it appears, not when it is gone.
    static func track(_ resource: TemporaryResource, present: Bool) {
        lock.lock()
        defer { lock.unlock() }
        switch resource {
        case .file(let path): track(path, in: files, present: present)
        case .directory(let path): track(path, in: directories, present: present)
        case .processGroup(let group):
            if present {
                if let slot = (0..<capacity).first(where: { groups[$0] == 0 }) { groups[slot] = group }
            } else {
                for slot in 0..<capacity where groups[slot] == group { groups[slot] = 0 }
            }
        }
    }

    private static func track(_ path: String, in slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, present: Bool) {
        if present {
            guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return }
            slots[slot] = strdup(path)
        } else {
            for slot in 0..<capacity {
                guard let stored = slots[slot], strcmp(stored, path) == 0 else { continue }
                slots[slot] = nil
                free(stored)
            }
        }
    }

    /// In the handler: end the children first, so none writes into a folder being removed.
    fileprivate static func cleanUp() {
        for slot in 0..<capacity where groups[slot] > 0 {
            kill(-groups[slot], SIGKILL)
            var status: Int32 = 0
            waitpid(groups[slot], &status, 0)
        }
        for slot in 0..<capacity {
            if let path = files[slot] { unlink(path) }
        }
        var count = 0
        for slot in 0..<capacity {
            guard let path = directories[slot] else { continue }
            directoryList[count] = path
            count += 1
        }
        directoryList[count] = nil
        juryreport_remove_trees(directoryList)
    }
}

private func interrupted(_ signalNumber: Int32) {
    InterruptCleanup.markSignalled()
    InterruptCleanup.cleanUp()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
