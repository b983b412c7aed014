import CChildProcess
import JuryReportCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program the way an exporter must run one it does not trust to behave: in a
/// process group of its own, in a given folder, with standard input, output and error on
/// files (never pipes, so nothing blocks on a full one or waits for a grandchild that keeps
/// one open), no other descriptor of ours, and a time limit.
///
/// When the program exits, whatever it left running in its group is ended too, and so is any
/// descendant that left the group (`setsid`, a double fork): each carries a tag in its
/// environment, and this process is their subreaper. When the time runs out, the whole
/// group gets SIGTERM, and SIGKILL two seconds later.
public struct ChildProcess: Sendable {
    public var executable: URL
    public var arguments: [String]
    /// The whole environment the program sees.
    public var environment: [String: String]
    public var directory: URL
    /// Files for standard input, output and error; `nil` is /dev/null. Output and error
    /// may be the same file.
    public var standardInput: URL?
    public var standardOutput: URL?
    public var standardError: URL?
    public var timeout: TimeInterval
    /// Told of the process group while it exists, so an interrupt can end it.
    public var observer: TemporaryResourceObserver?

    public init(
        executable: URL, arguments: [String], environment: [String: String], directory: URL, timeout: TimeInterval,
        observer: TemporaryResourceObserver? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
        self.timeout = timeout
        self.observer = observer
    }

    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        case exited(Int32)
        case killed(signal: Int32)
        /// Stopped because the time ran out.
        case timedOut
    }

    /// The program could not be started.
    public struct LaunchError: Error, CustomStringConvertible {
        public var executable: String
        public var reason: String
        public var description: String { "cannot run \(executable): \(reason)" }
    }

    /// Runs the program to its end (or the time limit) and says how it ended.
    public func run() throws -> Outcome {
        let input = try open(standardInput, writing: false)
        defer { close(input) }
        let output = try open(standardOutput, writing: true)
        defer { close(output) }
        // One file for both: one descriptor, so the two share an offset and interleave.
        let sharesOutput = standardError != nil && standardError == standardOutput
        let errorOutput = sharesOutput ? output : try open(standardError, writing: true)
        defer { if !sharesOutput { close(errorOutput) } }

        // Every descendant inherits the tag, so those that leave the group (`setsid`, a
        // double fork) are found and ended too; orphans come back to this process to reap.
        let tag = String(UInt64.random(in: 0...UInt64.max), radix: 36) + "-\(getpid())"
        _ = juryreport_become_subreaper()
        var tagged = environment
        tagged[Self.tagVariable] = tag
        let argv = ([executable.path] + arguments).map { strdup($0) }
        let envp = tagged.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var failure: Int32 = 0
        let pid = (argv + [nil]).withUnsafeBufferPointer { argvPointer in
            (envp + [nil]).withUnsafeBufferPointer { envpPointer in
                juryreport_spawn(
                    executable.path, argvPointer.baseAddress, envpPointer.baseAddress, directory.path, input, output,
                    errorOutput, &failure)
            }
        }
        guard pid > 0 else {
            throw LaunchError(executable: executable.path, reason: String(cString: strerror(failure)))
        }
        observer?(.processGroup(pid), true)
        defer { observer?(.processGroup(pid), false) }
        let outcome = wait(for: pid)
        Self.endDescendants(tagged: tag)
        return outcome
    }

    /// The environment variable that marks a run's descendants.
    static let tagVariable = "JURYREPORT_CHILD"

    /// Ends every process that carries `tag` in its environment — what escaped the group —
    /// round after round until none is left (one may fork as another is ended), and reaps
    /// those that became this process's children. A descendant that clears its environment
    /// is not found this way; on an interrupt the process groups are ended as before.
    static func endDescendants(tagged tag: String) {
        let marker = Array("\(tagVariable)=\(tag)".utf8) + [0]
        for _ in 0..<20 {
            var found: [pid_t] = []
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(name), pid != getpid(),
                    let environment = FileManager.default.contents(atPath: "/proc/\(name)/environ")
                else { continue }
                if [UInt8](environment).split(separator: 0).contains(where: { Array($0) + [0] == marker }) { found.append(pid) }
            }
            guard !found.isEmpty else { return }
            for pid in found {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                // Reparented to us (the subreaper): reaped here, or it stays a zombie.
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            }
        }
    }

    /// Polls for the end (a blocking wait could not keep the time limit), then ends what is
    /// left of the group: a grandchild the program left behind (`sleep 30 &`) is not waited
    /// for. The program is looked at without reaping it, so its group id cannot be reused
    /// before the group is signalled.
    private func wait(for pid: pid_t) -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        var interval: useconds_t = 1_000
        while !hasEnded(pid) {
            if Date() >= deadline {
                stop(pid)
                return .timedOut
            }
            usleep(interval)
            interval = min(interval * 2, 20_000)
        }
        kill(-pid, SIGKILL)
        let status = reap(pid)
        if (status & 0x7F) == 0 { return .exited((status >> 8) & 0xFF) }
        return .killed(signal: status & 0x7F)
    }

    /// Whether the program has ended (it stays a zombie until ``reap(_:)``).
    private func hasEnded(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) < 0 {
            if errno != EINTR { return true }
        }
        return info._sifields._sigchld.si_pid == pid
    }

    /// Waits for the program and returns its wait status.
    @discardableResult
    private func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// SIGTERM to the group, up to two seconds' grace for the program, then SIGKILL to
    /// the group; reaps the program.
    private func stop(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        let grace = Date().addingTimeInterval(2)
        while !hasEnded(pid) && Date() < grace { usleep(10_000) }
        kill(-pid, SIGKILL)
        reap(pid)
    }

    private func open(_ url: URL?, writing: Bool) throws -> Int32 {
        let path = url?.path ?? "/dev/null"
        let flags = writing ? (O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC) : (O_RDONLY | O_CLOEXEC)
        let descriptor = Glibc.open(path, flags, 0o600)
        guard descriptor >= 0 else {
            throw LaunchError(executable: executable.path, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }
}
