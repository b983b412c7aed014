import JuryReportCore

/// A batch of collected scores added to the scores a table already holds, so that forms can
/// come back in several batches: each jury member's scores come from one batch. A member
/// whose scores the table already holds is refused — their newer form replaces those scores
/// only when the caller says so (`collect --replace`), and never anyone else's.
public struct ScoreMerge: Sendable {
    public let edition: Edition

    public init(edition: Edition) {
        self.edition = edition
    }

    /// What the table becomes, or why it is refused.
    public struct Result: Sendable {
        /// Jury member by jury member in jury order (members the edition no longer has last,
        /// as they were), each member's scores in the order they came.
        public var scores: [Score] = []
        /// Members whose earlier scores were replaced.
        public var replaced: [String] = []
        public var errors: [Diagnostic] = []
    }

    /// `collected` (from the forms `forms`, juror id → file) added to `existing` (of the
    /// table `table`, as messages call it).
    public func merge(existing: [Score], collected: [Score], forms: [String: String], table: String, replacing: Bool) -> Result {
        var result = Result()
        let incoming = Set(collected.map(\.juror))
        let earlier = Set(existing.map(\.juror))
        for juror in edition.jury.map(\.id) where incoming.contains(juror) && earlier.contains(juror) {
            if replacing {
                result.replaced.append(juror)
            } else {
                result.errors.append(Diagnostic(
                    .error, file: forms[juror] ?? table,
                    message: "\(table) already holds scores of '\(juror)' (from an earlier collect); this newer form of theirs "
                        + "replaces them only with --replace"))
            }
        }
        guard result.errors.isEmpty else { return result }
        let kept = existing.filter { !incoming.contains($0.juror) }
        let order = Dictionary(edition.jury.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let merged = kept + collected
        // A stable sort: each member's scores keep the order they came in.
        result.scores = merged.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.juror] ?? Int.max, order[b.element.juror] ?? Int.max)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        return result
    }
}
