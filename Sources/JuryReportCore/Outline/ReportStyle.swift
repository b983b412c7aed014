/// How the edition asks its report to be set, for the renderers: the typography of its
/// language and presentation, what follows a label, its house colour.
public struct ReportStyle: Sendable, Equatable {
    /// Quotes and spacing for the typeset formats (LaTeX, HTML).
    public var typography: Typography
    /// What follows a label ("Lead: ..."): `:`, or in French a no-break space and `:`.
    public var colon: String
    /// The edition's logo and accent colour.
    public var branding: Branding
    /// What the logo shows, for those who cannot see it: the organizer, else the award.
    public var logoDescription: String

    public init(typography: Typography = .asTyped, colon: String = ":", branding: Branding = Branding(), logoDescription: String = "") {
        self.typography = typography
        self.colon = colon
        self.branding = branding
        self.logoDescription = logoDescription
    }
}
