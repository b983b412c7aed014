/// Something an export has on the machine only while it runs: a temporary file, a private
/// working folder, a child program's process group. Told to a ``TemporaryResourceObserver``
/// when it appears and when it is gone, so a caller that handles signals can remove what
/// is left and end what still runs when the process is interrupted.
public enum TemporaryResource: Sendable, Hashable {
    case file(String)
    case directory(String)
    /// A child program's process group (its id is the child's pid).
    case processGroup(Int32)
}

/// Told of each ``TemporaryResource``: `true` when it appears, `false` when it is gone.
public typealias TemporaryResourceObserver = @Sendable (TemporaryResource, _ present: Bool) -> Void
