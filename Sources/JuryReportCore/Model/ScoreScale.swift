/// The range every score must lie in.
public struct ScoreScale: Sendable, Equatable {
    public var min: Double
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    /// 1 to 10, the scale when the file gives none.
    public static let standard = ScoreScale(min: 1, max: 10)
}
