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
    public var scores: [Score]

    public init(
        format: String = Edition.currentFormat, award: Award, details: EditionDetails,
        sections: [TextSection] = [], criteria: [Criterion] = [],
        scale: ScoreScale = .standard, nominees: [Nominee], analysis: [TextSection] = [],
        verdict: Verdict, jury: [JuryMember], signature: String? = nil, scores: [Score] = []
    ) {
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

    /// The jury's chair, if one is marked.
    public var chair: JuryMember? { jury.first { $0.chair } }
}

/// The award itself.
public struct Award: Sendable, Equatable {
    public var name: String
    /// Given in the file, or derived from the name (see ``Slug``).
    public var slug: String
    public var organizer: String?
    public var url: String?

    public init(name: String, slug: String? = nil, organizer: String? = nil, url: String? = nil) {
        self.name = name
        self.slug = slug ?? Slug.derive(from: name)
        self.organizer = organizer
        self.url = url
    }
}

/// The `edition:` block of an edition file.
public struct EditionDetails: Sendable, Equatable {
    /// The year the award is given.
    public var year: Int
    /// The edition's ordinal number (4 for the 4th edition).
    public var number: Int?
    public var period: String?
    public var theme: String?
    /// A BCP 47 tag; `en` when the file gives none.
    public var language: String
    /// Given in the file, or made from the edition's labels.
    public var title: String
    /// The report's date, `YYYY-MM-DD`.
    public var date: CalendarDate?

    public init(
        year: Int, number: Int? = nil, period: String? = nil, theme: String? = nil,
        language: String = "en", title: String, date: CalendarDate? = nil
    ) {
        self.year = year
        self.number = number
        self.period = period
        self.theme = theme
        self.language = language
        self.title = title
        self.date = date
    }
}

/// A free-text section: an optional heading and a body.
public struct TextSection: Sendable, Equatable {
    public var heading: String?
    public var body: RichText

    public init(heading: String? = nil, body: RichText) {
        self.heading = heading
        self.body = body
    }
}

/// A judging criterion.
public struct Criterion: Sendable, Equatable {
    public var id: String
    public var name: String
    /// A finite number above 0; 1 when the file gives none.
    public var weight: Double
    public var description: RichText?

    public init(id: String, name: String, weight: Double = 1, description: RichText? = nil) {
        self.id = id
        self.name = name
        self.weight = weight
        self.description = description
    }
}

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

/// The jury's decision.
public struct Verdict: Sendable, Equatable {
    /// The winning nominee's id.
    public var winner: String
    /// Honourable mentions: nominee ids.
    public var mentions: [String]
    public var rationale: RichText?
    public var announcement: String?

    public init(
        winner: String, mentions: [String] = [], rationale: RichText? = nil,
        announcement: String? = nil
    ) {
        self.winner = winner
        self.mentions = mentions
        self.rationale = rationale
        self.announcement = announcement
    }
}

/// A member of the jury.
public struct JuryMember: Sendable, Equatable {
    public var id: String
    public var name: String
    public var role: String?
    public var chair: Bool
    public var affiliation: String?

    public init(
        id: String, name: String, role: String? = nil, chair: Bool = false,
        affiliation: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.chair = chair
        self.affiliation = affiliation
    }
}
