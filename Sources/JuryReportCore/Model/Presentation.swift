/// The `presentation:` block of an edition file: how every format shows the content.
public struct Presentation: Sendable, Equatable {
    /// How straight quotes typed by the author are set.
    public enum Quotes: String, Sendable, Equatable, CaseIterable {
        /// `'` and `"` become ’ ‘ “ ” by context (in LaTeX and HTML; never inside addresses).
        case typographic
        /// As typed.
        case asTyped = "as-typed"
    }

    /// Whether nominees' numbers are shown ("3. Name"), in every format that shows names.
    public var numbering: Bool
    /// Digits after the decimal separator of totals in the report formats (CSV and JSON
    /// keep full precision).
    public var decimals: Int
    public var quotes: Quotes

    public init(numbering: Bool = true, decimals: Int = 2, quotes: Quotes = .typographic) {
        self.numbering = numbering
        self.decimals = decimals
        self.quotes = quotes
    }

    /// The most decimals a report may show: beyond them a double has no more digits to give.
    public static let maximumDecimals = 15
}
