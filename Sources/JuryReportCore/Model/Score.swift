/// One juror's score for one nominee (on one criterion, when criteria exist).
public struct Score: Sendable, Equatable {
    public var juror: String
    public var nominee: String
    public var criterion: String?
    public var score: Double

    public init(juror: String, nominee: String, criterion: String? = nil, score: Double) {
        self.juror = juror
        self.nominee = nominee
        self.criterion = criterion
        self.score = score
    }
}
