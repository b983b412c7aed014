/// Every edition of one award in one place: the archive an export writes beside the
/// editions' own reports when it holds several editions of the award (or `--archive`).
public struct AwardArchive: Sendable {
    /// One edition, as the archive shows it.
    public struct Entry: Sendable {
        public let edition: Edition
        public let standings: Standings
        public let references: EditionReferences
        /// The edition's labels (each row of an archive in several languages speaks its own).
        public let vocabulary: Vocabulary
        /// The names of the files the export wrote for this edition, in the order written:
        /// what the archive links to.
        public let reportFiles: [String]

        public var year: Int { edition.details.year }
    }

    /// The award as its newest edition describes it.
    public var award: Award { entries[0].edition.award }
    /// `award.slug`: the stem of every archive file.
    public var baseName: String { award.slug }
    /// Newest first.
    public let entries: [Entry]
    /// The headings' labels: the newest edition's (each row's own words in its edition's).
    public let vocabulary: Vocabulary
    /// The house style's logo, as the newest edition has it.
    public var logo: Logo? { entries[0].edition.branding.logo }
    /// For each edition (by its place in ``entries``) and nominee index, the years of the
    /// other editions in which the same nominee stands (same name and lead, after Unicode and
    /// case folding), oldest first; empty when it stands only once.
    private let recurrences: [[Int: [Int]]]

    /// The archive of `requests` (each an edition of the same award) with the files written
    /// for each, in the requests' order.
    public init(_ requests: [ExportRequest], reportFiles: [[String]]) {
        let order = requests.indices.sorted { requests[$0].edition.details.year > requests[$1].edition.details.year }
        entries = order.map { index in
            Entry(
                edition: requests[index].edition, standings: requests[index].standings, references: requests[index].references,
                vocabulary: requests[index].vocabulary, reportFiles: index < reportFiles.count ? reportFiles[index] : [])
        }
        vocabulary = entries[0].vocabulary
        // Who stands in which years, by folded name and lead.
        var years: [String: [Int]] = [:]
        for entry in entries {
            for nominee in entry.edition.nominees {
                years[Self.identity(nominee), default: []].append(entry.year)
            }
        }
        recurrences = entries.map { entry in
            var recurring: [Int: [Int]] = [:]
            for (index, nominee) in entry.edition.nominees.enumerated() {
                let others = (years[Self.identity(nominee)] ?? []).filter { $0 != entry.year }
                if !others.isEmpty { recurring[index] = Array(Set(others)).sorted() }
            }
            return recurring
        }
    }

    /// The years of the other editions in which the nominee at `nominee` of the entry at
    /// `entry` stands; empty when none.
    public func otherYears(entry: Int, nominee: Int) -> [Int] {
        recurrences[entry][nominee] ?? []
    }

    /// A nominee as the archive names it: "Name (Lead)", or the name alone.
    public static func nameAndLead(_ nominee: Nominee) -> String {
        nominee.name + (nominee.lead.map { " (\($0))" } ?? "")
    }

    /// A nominee's identity across editions: name and lead, case-, width- and
    /// diacritic-insensitive, white space collapsed.
    static func identity(_ nominee: Nominee) -> String {
        TextMatching.folded(nominee.name) + "\u{1F}" + TextMatching.folded(nominee.lead ?? "")
    }

    /// The editions of `requests` grouped by award: one archive per award with more than one
    /// edition, or with any edition when `always`, in the order of each award's first request.
    public static func archives(
        of requests: [ExportRequest], reportFiles: [[String]], always: Bool
    ) -> [AwardArchive] {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, request) in requests.enumerated() {
            let slug = request.edition.award.slug
            if groups[slug] == nil { order.append(slug) }
            groups[slug, default: []].append(index)
        }
        return order.compactMap { slug in
            let members = groups[slug] ?? []
            guard always || members.count > 1 else { return nil }
            return AwardArchive(members.map { requests[$0] }, reportFiles: members.map { $0 < reportFiles.count ? reportFiles[$0] : [] })
        }
    }
}

extension AwardArchive {
    /// One nominee of one edition, as the archive's nominee table lists it.
    public struct NomineeRow: Sendable {
        public var year: Int
        public var editionNumber: Int?
        public var id: String
        public var name: String
        public var lead: String?
        /// Winner, mention or nil.
        public var distinction: ReportDistinction.Kind?
        /// Rank and total by the edition's scoring method, when scored.
        public var rank: Int?
        public var total: Double?
        /// The other editions in which the nominee stands, oldest first.
        public var otherYears: [Int]
    }

    /// Every nominee of every edition, newest edition first, each in report order.
    public var nomineeRows: [NomineeRow] {
        entries.indices.flatMap { index in
            let entry = entries[index]
            return entry.edition.nominees.indices.map { nominee in
                let item = entry.edition.nominees[nominee]
                let place = entry.standings.entry(for: item.id)
                return NomineeRow(
                    year: entry.year, editionNumber: entry.edition.details.number, id: item.id, name: item.name, lead: item.lead,
                    distinction: entry.references.distinction(ofNomineeAt: nominee), rank: place?.rank, total: place?.total,
                    otherYears: otherYears(entry: index, nominee: nominee))
            }
        }
    }
}
