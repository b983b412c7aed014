/// Why an edition did not load: it is invalid (its diagnostics), or it could not be read.
public enum EditionLoadError: Error, Sendable {
    /// The file was read and has faults: every one, in file order.
    case invalid(EditionError)
    /// The file is missing, unreadable or of an unknown kind.
    case unreadable(EditionInputError)
}
