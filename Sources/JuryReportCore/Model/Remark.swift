/// A jury member's remark on a nominee, as it came back on their score form: for the
/// organizer's eyes, never published. The organizer's workbook shows remarks on a sheet of
/// their own and the JSON carries them for plugins; no report format shows them.
public struct Remark: Sendable, Equatable {
    public var juror: String
    public var nominee: String
    /// Literal text: no markup is read in it, and every format that shows it escapes it.
    public var text: String

    public init(juror: String, nominee: String, text: String) {
        self.juror = juror
        self.nominee = nominee
        self.text = text
    }

    /// The longest remark, in characters: a paragraph, which a form's cell and a workbook's
    /// cell both hold whole (a cell holds 32,767).
    public static let maximumLength = 2000
}
