/// What a document says about itself: PDF information, HTML `<title>` and `<meta>`.
public struct ReportMetadata: Sendable, Equatable {
    public var title: String
    /// The jury's chair, else the organizer.
    public var author: String?
    /// The edition's theme.
    public var subject: String?
    /// The edition's BCP 47 language tag.
    public var language: String
    /// `<award.slug>-<edition.year>`, for a document that names itself.
    public var baseName: String

    public init(title: String, author: String?, subject: String?, language: String, baseName: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.language = language
        self.baseName = baseName
    }
}
