import Foundation

/// The words every exporter puts around an edition's content, in the edition's language:
/// headings, labels, sheet and column names, dates and numbers. Made from ``Labels``: the
/// built-in set of the language (English when there is none) with the edition's own
/// `labels:` over it.
public struct Vocabulary: Sendable, Equatable {
    /// Every label, for what the named properties below do not cover.
    public let labels: Labels
    /// The words of the judging round.
    public let judging: JudgingVocabulary
    /// The language of the built-in labels: `en`, `nl`, `fr`, `de`, `es` or `it`.
    public var language: String { labels.language }
    /// `.` or `,`: between the whole and the fraction of a number in text.
    public let decimalSeparator: String

    public let nominees: String
    public let nominee: String
    public let number: String
    public let name: String
    public let lead: String
    public let location: String
    public let sector: String
    public let partners: String
    public let summary: String
    public let website: String
    public let keyFigures: String
    public let figure: String
    public let value: String
    public let winner: String
    public let mention: String
    public let mentions: String
    public let verdict: String
    public let rationale: String
    public let jury: String
    public let juror: String
    public let role: String
    public let chair: String
    public let affiliation: String
    public let criteria: String
    public let criterion: String
    public let description: String
    public let weight: String
    public let score: String
    public let scores: String
    public let standings: String
    public let rank: String
    public let total: String
    public let award: String
    public let edition: String
    public let period: String
    public let theme: String
    public let date: String
    public let place: String
    public let organizer: String
    public let juryMembers: String
    public let nomineeCount: String
    public let yes: String
    public let no: String
    public let field: String
    public let status: String
    public let year: String
    public let title: String

    public init(labels: Labels) {
        self.labels = labels
        judging = JudgingVocabulary(labels: labels)
        decimalSeparator = labels[.decimalSeparator]
        nominees = labels[.nominees]
        nominee = labels[.nominee]
        number = labels[.number]
        name = labels[.name]
        lead = labels[.lead]
        location = labels[.location]
        sector = labels[.sector]
        partners = labels[.partners]
        summary = labels[.summary]
        website = labels[.website]
        keyFigures = labels[.keyFigures]
        figure = labels[.figure]
        value = labels[.value]
        winner = labels[.winner]
        mention = labels[.mention]
        mentions = labels[.mentions]
        verdict = labels[.verdict]
        rationale = labels[.rationale]
        jury = labels[.jury]
        juror = labels[.juror]
        role = labels[.role]
        chair = labels[.chair]
        affiliation = labels[.affiliation]
        criteria = labels[.criteria]
        criterion = labels[.criterion]
        description = labels[.description]
        weight = labels[.weight]
        score = labels[.score]
        scores = labels[.scores]
        standings = labels[.standings]
        rank = labels[.rank]
        total = labels[.total]
        award = labels[.award]
        edition = labels[.edition]
        period = labels[.period]
        theme = labels[.theme]
        date = labels[.date]
        place = labels[.place]
        organizer = labels[.organizer]
        juryMembers = labels[.juryMembers]
        nomineeCount = labels[.nomineeCount]
        yes = labels[.yes]
        no = labels[.no]
        field = labels[.field]
        status = labels[.status]
        year = labels[.year]
        title = labels[.title]
    }

    /// The built-in vocabulary for a BCP 47 tag, English when there is none.
    public init(language tag: String) {
        self.init(labels: Labels(language: tag))
    }

    /// The vocabulary of an edition: its language's labels with its own over them.
    public init(_ edition: Edition) {
        self.init(labels: Labels(edition))
    }

    /// A date written out as the language writes it: "30 June 2020", "30. Juni 2020".
    public func longDate(_ date: CalendarDate) -> String {
        labels.fill(.dateFormat, ["day": String(date.day), "month": labels.monthNames[date.month - 1], "year": String(date.year)])
    }

    /// "Edition 4", "4. Ausgabe".
    public func editionNumber(_ number: Int) -> String {
        labels.fill(.editionNumber, ["number": String(number)])
    }

    /// Where and when the report is signed: "Utrecht, 30 June 2020".
    public func placeAndDate(place: String, date: String) -> String {
        labels.fill(.placeAndDate, ["place": place, "date": date])
    }

    /// The title used when an edition file gives none: the report's name alone ("Jury
    /// report"), since the title block shows the award and the edition around it.
    public var defaultTitle: String { labels[.reportTitle] }

    /// A title that stands alone (a browser tab, a PDF viewer's window): "Jury report
    /// Pro-motor Award 2019-2020".
    public func standaloneTitle(award: String, period: String?, year: Int) -> String {
        "\(labels[.reportTitle]) \(award) \(period ?? String(year))"
    }

    /// The edition's title where it stands alone (a PDF's or a workbook's properties, a
    /// browser tab, a form): the title given, or else ``standaloneTitle(award:period:year:)``.
    public func documentTitle(of edition: Edition) -> String {
        let details = edition.details
        return details.title == defaultTitle
            ? standaloneTitle(award: edition.award.name, period: details.period, year: details.year) : details.title
    }

    /// A score form's title: "Score form: Open Data Award 2025-2026", the award and the
    /// period (or year) whatever the report's own title.
    public func formTitle(of edition: Edition) -> String {
        "\(judging.scoreForm): \(edition.award.name) \(edition.details.period ?? String(edition.details.year))"
    }

    /// `value` with `decimals` digits after the separator of the language: `8,29`.
    public func fixed(_ value: Double, decimals: Int) -> String {
        NumberText.fixed(value, decimals: decimals, separator: decimalSeparator)
    }

    /// `value` in its shortest form with the separator of the language: `1,5`, `8`.
    public func shortest(_ value: Double) -> String {
        let text = NumberText.shortest(value)
        return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: decimalSeparator)
    }
}
