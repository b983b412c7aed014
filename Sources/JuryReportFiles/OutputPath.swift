import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the bytes written under a path end up: the rules every command's output follows.
///
/// - `-` is standard output.
/// - A symbolic link is written through to its target (atomically, staged in the target's
///   folder), never replaced by a file of its own.
/// - A FIFO or character device (`/dev/stdout`, `/dev/null`, a named pipe) is written to
///   directly: it cannot be replaced, and must not be.
/// - Anything else is a regular file, staged beside its final place and renamed onto it.
public enum OutputPath: Sendable, Equatable {
    case standardOutput
    /// A FIFO or character device, to open and write.
    case stream(path: String)
    /// A regular file (or none yet) at `path`, symbolic links resolved.
    case file(path: String)

    /// How many links a path may go through (as the kernel's `ELOOP` limit).
    static let maximumLinks = 40

    /// The place `path` names, its links followed (a dangling link names its target).
    public static func resolve(_ path: String) throws(OutputError) -> OutputPath {
        if path == "-" { return .standardOutput }
        var current = path
        for _ in 0...maximumLinks {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                // Nothing there yet: a new regular file (its folder checked when staged).
                return .file(path: current)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let target = linkTarget(current) else {
                    throw OutputError(path: path, reason: "cannot read the symbolic link \(current)")
                }
                current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
            case S_IFIFO, S_IFCHR:
                return .stream(path: current)
            case S_IFDIR:
                throw OutputError(path: path, reason: "a directory stands where the file should go")
            case S_IFREG:
                return .file(path: current)
            default:
                throw OutputError(path: path, reason: "is neither a file, a FIFO nor a character device")
            }
        }
        throw OutputError(path: path, reason: "too many symbolic links")
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The identity of a file (device and inode), to tell whether an output would land on one
/// of a run's inputs whatever path, link or `..` names it.
public struct FileIdentity: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64

    /// The file at `path` (links followed), if there is one.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// The files a run reads — edition files, their scores files and logos, forms being
/// collected — which no output of the run may replace.
public struct ProtectedInputs: Sendable {
    private var files: [FileIdentity: String] = [:]

    public init(_ paths: [String] = []) {
        paths.forEach { add($0) }
    }

    /// Protects the file at `path` (nothing when there is none).
    public mutating func add(_ path: String) {
        if let identity = FileIdentity(path: path), files[identity] == nil { files[identity] = path }
    }

    /// Refuses `path` when it is one of the inputs (exit 64: the command line names it).
    public func check(_ path: String) throws(OutputError) {
        guard let identity = FileIdentity(path: path), let input = files[identity] else { return }
        throw OutputError(
            path: path, reason: "is \(input == path ? "" : "\(input), ")one of this run's inputs; it is never written over",
            kind: .replacesInput)
    }
}
