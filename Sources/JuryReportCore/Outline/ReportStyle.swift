/// How the edition asks its report to be set, for the renderers: the typography of its
/// language and presentation, what follows a label, its house colour.
public struct ReportStyle: Sendable, Equatable {
    /// Quotes and spacing for the typeset formats (LaTeX, HTML).
    public var typography: Typography
    /// What follows a label ("Lead: ..."): `:`, or in French a no-break space and `:`.
    public var colon: String

    public init(typography: Typography = .asTyped, colon: String = ":") {
        self.typography = typography
        self.colon = colon
    }
}
