/// A bar chart of the totals, best first.
public struct ReportChart: Sendable, Equatable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// The value as the report shows it: rounded, with the language's separator.
        public var valueText: String
        public var isWinner: Bool

        public init(label: String, value: Double, valueText: String, isWinner: Bool) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.isWinner = isWinner
        }
    }

    public var bars: [Bar]
    /// The value axis: from the lower of 0 and the scale's minimum to the scale's maximum.
    public var minimum: Double
    public var maximum: Double
    /// What the values are ("Total").
    public var valueLabel: String
    /// What a format that cannot draw this many bars says instead, in the edition's language.
    public var leftOutNote: String

    public init(bars: [Bar], minimum: Double, maximum: Double, valueLabel: String, leftOutNote: String) {
        self.bars = bars
        self.minimum = minimum
        self.maximum = maximum
        self.valueLabel = valueLabel
        self.leftOutNote = leftOutNote
    }
}
