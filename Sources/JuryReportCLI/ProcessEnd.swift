/// What the command line hands to the end of the process instead of freeing.
enum ProcessEnd {
    private final class Kept {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    /// Keeps `value` alive until the process exits. A command that is about to end need not
    /// release a large edition string by string: the system takes the memory back at once.
    /// Only for values a command holds to its end; never call it in a loop.
    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}
