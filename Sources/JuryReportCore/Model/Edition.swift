/// One edition of an award's jury report: everything an edition file says, with every
/// default filled in.
///
/// An `Edition` made by ``EditionLoader`` has been validated: ids are unique, references
/// resolve and scores lie inside the scale.
public struct Edition: Sendable, Equatable {
    /// The schema and its version, `jury-report/1`.
    public var format: String
    public var award: Award
    /// The `edition:` block: year, number, period, theme, language, title, date.
    public var details: EditionDetails
    /// Free-text sections before the nominees, in order.
    public var sections: [TextSection]
    public var criteria: [Criterion]
    public var scale: ScoreScale
    /// The nominees in report order.
    public var nominees: [Nominee]
    /// Free-text sections after the nominees, in order.
    public var analysis: [TextSection]
    public var verdict: Verdict
    /// The jury in signing order.
    public var jury: [JuryMember]
    /// The line above the jury's names.
    public var signature: String?
    /// Inline scores first, then those of ``scoresFile``.
    public var scores: [Score]
    /// The CSV table the later scores were read from, if the edition names one.
    public var scoresFile: TableFileReference?
    /// Who did not judge whom, in the file's order.
    public var recusals: [Recusal]
    /// The jury's remarks on the nominees (inline first, then those of ``remarksFile``): for
    /// the organizer, never in a published report.
    public var remarks: [Remark]
    /// The CSV table the later remarks were read from, if the edition names one.
    public var remarksFile: TableFileReference?
    /// The edition's own words for labels, over its language's built-in ones.
    public var labels: [LabelKey: String]
    public var presentation: Presentation
    public var branding: Branding
    /// How the scores become the totals that rank the nominees.
    public var scoring: Scoring

    public init(
        format: String = Edition.currentFormat, award: Award, details: EditionDetails,
        sections: [TextSection] = [], criteria: [Criterion] = [],
        scale: ScoreScale = .standard, nominees: [Nominee], analysis: [TextSection] = [],
        verdict: Verdict, jury: [JuryMember], signature: String? = nil, scores: [Score] = [],
        scoresFile: TableFileReference? = nil, recusals: [Recusal] = [], remarks: [Remark] = [],
        remarksFile: TableFileReference? = nil, labels: [LabelKey: String] = [:],
        presentation: Presentation = Presentation(), branding: Branding = Branding(), scoring: Scoring = Scoring()
    ) {
        self.branding = branding
        self.scoring = scoring
        self.labels = labels
        self.presentation = presentation
        self.format = format
        self.award = award
        self.details = details
        self.sections = sections
        self.criteria = criteria
        self.scale = scale
        self.nominees = nominees
        self.analysis = analysis
        self.verdict = verdict
        self.jury = jury
        self.signature = signature
        self.scores = scores
        self.scoresFile = scoresFile
        self.recusals = recusals
        self.remarks = remarks
        self.remarksFile = remarksFile
    }

    /// The only schema version this build reads.
    public static let currentFormat = "jury-report/1"

    /// `<award.slug>-<edition.year>`: the stem of every output file name.
    public var baseName: String { "\(award.slug)-\(details.year)" }

    /// The nominee with the given id.
    public func nominee(id: String) -> Nominee? {
        nominees.first { $0.id == id }
    }

    /// The winning nominee (validation guarantees it exists).
    public var winner: Nominee? { nominee(id: verdict.winner) }

    /// The scores written in the edition file itself, without those of ``scoresFile``.
    public var inlineScores: ArraySlice<Score> { scores.dropLast(scoresFile?.count ?? 0) }

    /// The remarks written in the edition file itself, without those of ``remarksFile``.
    public var inlineRemarks: ArraySlice<Remark> { remarks.dropLast(remarksFile?.count ?? 0) }

    /// The jury's chair, if one is marked.
    public var chair: JuryMember? { jury.first { $0.chair } }
}
