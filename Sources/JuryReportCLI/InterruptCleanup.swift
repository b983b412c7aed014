import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the export's temporary files when the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP), then dies of the same signal. (A SIGKILLed process cannot clean up: the next
/// export into the directory removes what it left.)
///
/// The one piece of global state in the tool, deliberately: a signal handler can reach
/// nothing else, and may only call async-signal-safe functions such as `unlink`.
enum InterruptCleanup {
    static let capacity = 256

    /// Paths as C strings, nil where free. Written by the main thread, read by the handler.
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    static func install() {
        _ = paths
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

    /// Follows one temporary file: `created` when it appears, not when it is gone.
    static func track(_ path: String, created: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if created {
            guard let slot = (0..<capacity).first(where: { paths[$0] == nil }) else { return }
            paths[slot] = strdup(path)
        } else {
            for slot in 0..<capacity {
                guard let stored = paths[slot], strcmp(stored, path) == 0 else { continue }
                paths[slot] = nil
                free(stored)
            }
        }
    }

    fileprivate static func removeAll() {
        for slot in 0..<capacity {
            if let path = paths[slot] { unlink(path) }
        }
    }
}

private func interrupted(_ signalNumber: Int32) {
    InterruptCleanup.removeAll()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
