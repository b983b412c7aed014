import JuryReportCore

/// A batch of collected scores and remarks added to those the tables already hold, so that
/// forms can come back in several batches: each jury member's scores and remarks come from
/// one batch. A member whom the tables already hold is refused — their newer form replaces
/// what they hold of them only when the caller says so (`collect --replace`), and never
/// anyone else's.
public struct ScoreMerge: Sendable {
    public let edition: Edition

    public init(edition: Edition) {
        self.edition = edition
    }

    /// What the tables hold, or a batch brings.
    public struct Tables: Sendable, Equatable {
        public var scores: [Score]
        public var remarks: [Remark]

        public init(scores: [Score] = [], remarks: [Remark] = []) {
            self.scores = scores
            self.remarks = remarks
        }

        /// The jury members it holds anything of.
        var jurors: Set<String> { Set(scores.map(\.juror)).union(remarks.map(\.juror)) }
    }

    /// What the tables become, or why they are refused.
    public struct Result: Sendable {
        /// Jury member by jury member in jury order (members the edition no longer has last,
        /// as they were), each member's rows in the order they came.
        public var tables = Tables()
        /// Members whose earlier scores and remarks were replaced.
        public var replaced: [String] = []
        public var errors: [Diagnostic] = []
    }

    /// `collected` (from the forms `forms`, juror id → file) added to `existing` (of the
    /// table `table`, as messages call it). A member whose form held nothing to collect
    /// (every cell empty) changes nothing.
    public func merge(existing: Tables, collected: Tables, forms: [String: String], table: String, replacing: Bool) -> Result {
        var result = Result()
        let incoming = collected.jurors
        let earlier = existing.jurors
        for juror in edition.jury.map(\.id) where incoming.contains(juror) && earlier.contains(juror) {
            if replacing {
                result.replaced.append(juror)
            } else {
                result.errors.append(Diagnostic(
                    .error, file: forms[juror] ?? table,
                    message: "\(table) already holds scores or remarks of '\(juror)' (from an earlier collect); this newer form of theirs "
                        + "replaces them only with --replace"))
            }
        }
        guard result.errors.isEmpty else { return result }
        let order = Dictionary(edition.jury.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        /// `kept + added` in jury order; a stable sort, so each member's rows keep their order.
        func merged<Row>(_ kept: [Row], _ added: [Row], juror: (Row) -> String) -> [Row] {
            (kept.filter { !incoming.contains(juror($0)) } + added).enumerated().sorted { a, b in
                let (x, y) = (order[juror(a.element)] ?? Int.max, order[juror(b.element)] ?? Int.max)
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
        result.tables = Tables(
            scores: merged(existing.scores, collected.scores, juror: \.juror),
            remarks: merged(existing.remarks, collected.remarks, juror: \.juror))
        return result
    }
}
