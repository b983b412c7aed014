/// A jury member who did not judge a nominee, such as for a conflict of interest: the
/// member gives that nominee no score, and the report says so.
public struct Recusal: Sendable, Equatable {
    public var juror: String
    public var nominee: String
    /// Why, in the edition's words; published with the report.
    public var reason: String?

    public init(juror: String, nominee: String, reason: String? = nil) {
        self.juror = juror
        self.nominee = nominee
        self.reason = reason
    }
}

/// Where some of an edition's scores or remarks came from: a CSV table beside the edition
/// file (its `scoresFile`, its `remarksFile`).
public struct TableFileReference: Sendable, Equatable {
    /// The path as the edition file writes it, relative to the edition file.
    public var path: String
    /// How many of ``Edition/scores`` (or ``Edition/remarks``) came from it: the last ones.
    public var count: Int

    public init(path: String, count: Int) {
        self.path = path
        self.count = count
    }
}
