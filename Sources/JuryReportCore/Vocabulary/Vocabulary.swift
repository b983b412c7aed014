import Foundation

/// The words every exporter puts around an edition's content, in the edition's language:
/// headings, labels, sheet and column names. English and Dutch are built in; any other
/// language gets English.
public struct Vocabulary: Sendable, Equatable {
    /// The language these words are in: `en` or `nl`.
    public let language: String

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
    public let organizer: String
    public let juryMembers: String
    public let nomineeCount: String
    public let yes: String
    public let no: String
    public let field: String
    public let status: String
    public let year: String
    public let title: String
    public let sheetEdition: String
    private let editionNumberFormat: String
    private let titleFormat: String

    /// The vocabulary for a BCP 47 tag: Dutch for `nl` and its regional forms, else English.
    public init(language tag: String) {
        if LanguageTag.primary(tag) == "nl" {
            self = .dutch
        } else {
            self = .english
        }
    }

    /// A date written out: "30 June 2020" or "30 juni 2020".
    public func longDate(_ date: CalendarDate) -> String {
        let months = language == "nl"
            ? ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "Edition 4" or "Editie 4".
    public func editionNumber(_ number: Int) -> String {
        editionNumberFormat.replacingPlaceholder(with: String(number))
    }

    /// The title used when an edition file gives none: "Jury report Pro-motor Award 2020".
    public func defaultTitle(award: String, period: String?, year: Int) -> String {
        titleFormat.replacingPlaceholder(with: "\(award) \(period ?? String(year))")
    }

    private init(
        language: String, nominees: String, nominee: String, number: String, name: String,
        lead: String, location: String, sector: String, partners: String, summary: String,
        website: String, keyFigures: String, figure: String, value: String, winner: String,
        mention: String, mentions: String, verdict: String, rationale: String, jury: String,
        juror: String, role: String, chair: String, affiliation: String, criteria: String,
        criterion: String, description: String, weight: String, score: String, scores: String, standings: String,
        rank: String, total: String, award: String, edition: String, period: String,
        theme: String, date: String, organizer: String, juryMembers: String,
        nomineeCount: String, yes: String, no: String, field: String, status: String,
        year: String, title: String, sheetEdition: String, editionNumberFormat: String,
        titleFormat: String
    ) {
        self.language = language
        self.nominees = nominees
        self.nominee = nominee
        self.number = number
        self.name = name
        self.lead = lead
        self.location = location
        self.sector = sector
        self.partners = partners
        self.summary = summary
        self.website = website
        self.keyFigures = keyFigures
        self.figure = figure
        self.value = value
        self.winner = winner
        self.mention = mention
        self.mentions = mentions
        self.verdict = verdict
        self.rationale = rationale
        self.jury = jury
        self.juror = juror
        self.role = role
        self.chair = chair
        self.affiliation = affiliation
        self.criteria = criteria
        self.criterion = criterion
        self.description = description
        self.weight = weight
        self.score = score
        self.scores = scores
        self.standings = standings
        self.rank = rank
        self.total = total
        self.award = award
        self.edition = edition
        self.period = period
        self.theme = theme
        self.date = date
        self.organizer = organizer
        self.juryMembers = juryMembers
        self.nomineeCount = nomineeCount
        self.yes = yes
        self.no = no
        self.field = field
        self.status = status
        self.year = year
        self.title = title
        self.sheetEdition = sheetEdition
        self.editionNumberFormat = editionNumberFormat
        self.titleFormat = titleFormat
    }

    static let english = Vocabulary(
        language: "en", nominees: "Nominees", nominee: "Nominee", number: "No.", name: "Name",
        lead: "Lead", location: "Location", sector: "Sector", partners: "Partners",
        summary: "Summary", website: "Website", keyFigures: "Key figures", figure: "Figure",
        value: "Value", winner: "Winner", mention: "Honourable mention",
        mentions: "Honourable mentions", verdict: "Verdict", rationale: "Rationale",
        jury: "Jury", juror: "Juror", role: "Role", chair: "Chair", affiliation: "Affiliation",
        criteria: "Criteria", criterion: "Criterion", description: "Description", weight: "Weight", score: "Score",
        scores: "Scores", standings: "Standings", rank: "Rank", total: "Total",
        award: "Award", edition: "Edition", period: "Period", theme: "Theme", date: "Date",
        organizer: "Organizer", juryMembers: "Jury members", nomineeCount: "Nominees",
        yes: "yes", no: "no", field: "Field", status: "Status", year: "Year", title: "Title",
        sheetEdition: "Edition", editionNumberFormat: "Edition %@", titleFormat: "Jury report %@")

    static let dutch = Vocabulary(
        language: "nl", nominees: "Genomineerden", nominee: "Genomineerde", number: "Nr.",
        name: "Naam", lead: "Penvoerder", location: "Locatie", sector: "Sector",
        partners: "Partners", summary: "Samenvatting", website: "Website",
        keyFigures: "Kerncijfers", figure: "Kerncijfer", value: "Waarde", winner: "Winnaar",
        mention: "Eervolle vermelding", mentions: "Eervolle vermeldingen",
        verdict: "Oordeel van de jury", rationale: "Motivering", jury: "Jury", juror: "Jurylid",
        role: "Rol", chair: "Voorzitter", affiliation: "Organisatie", criteria: "Criteria",
        criterion: "Criterium", description: "Omschrijving", weight: "Gewicht", score: "Score", scores: "Scores",
        standings: "Uitslag", rank: "Plaats", total: "Totaal", award: "Prijs",
        edition: "Editie", period: "Periode", theme: "Thema", date: "Datum",
        organizer: "Organisator", juryMembers: "Juryleden", nomineeCount: "Genomineerden",
        yes: "ja", no: "nee", field: "Gegeven", status: "Status", year: "Jaar", title: "Titel",
        sheetEdition: "Editie", editionNumberFormat: "Editie %@", titleFormat: "Juryrapport %@")
}

extension String {
    fileprivate func replacingPlaceholder(with value: String) -> String {
        guard let range = range(of: "%@") else { return self }
        return replacingCharacters(in: range, with: value)
    }
}
