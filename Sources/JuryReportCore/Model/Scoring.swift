/// The `scoring:` block of an edition file: how scores become the totals that rank the
/// nominees.
public struct Scoring: Sendable, Equatable {
    /// A way to turn the jury's scores into one total per nominee. Each is defined in
    /// SPEC's words in the README, with a worked example.
    public enum Method: String, Sendable, Equatable, CaseIterable {
        /// The weighted mean of all the nominee's scores, each weighted by its criterion's
        /// weight.
        case mean
        /// As `mean`, after leaving out the highest and the lowest jury member's score of
        /// each criterion that at least ``Scoring/trimmedMinimumJurors`` members scored.
        case trimmed
        /// Each jury member's scores standardized over all the scores that member gave (minus
        /// their mean, over their sample standard deviation), the nominee's weighted mean of
        /// those, mapped linearly back onto the raw totals' range.
        case zscore
        /// Per jury member, the weighted mean of the criteria they scored; then the median of
        /// those means.
        case median
    }

    public var method: Method

    public init(method: Method = .mean) {
        self.method = method
    }

    /// The fewest jury members a criterion of a nominee needs before `trimmed` leaves out its
    /// highest and lowest score.
    public static let trimmedMinimumJurors = 5
    /// The fewest scores a jury member needs before `zscore` can standardize them.
    public static let zscoreMinimumScores = 3
}
