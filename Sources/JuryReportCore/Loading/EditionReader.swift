import Foundation
import JuryReportSource

/// Reads a ``SourceDocument`` into an ``Edition``, collecting every fault instead of
/// stopping at the first: unknown keys, missing or null required fields, wrong kinds of
/// value, malformed numbers, dates and tags, and text with forbidden characters.
///
/// Where the schema says text, a scalar is read as the text written (`NO` stays "NO", `2020`
/// stays "2020"), in YAML and JSON alike. Reference and uniqueness rules are the
/// ``EditionValidator``'s.
final class EditionReader {
    let file: String
    /// The parsed file, valid while the reader reads.
    let document: SourceView
    private(set) var diagnostics: [Diagnostic] = []
    /// Lists that lost an item to a fault, whose references the validator should not check.
    private(set) var incompleteLists: Set<String> = []
    /// For each list read, the index in the file of each item kept, by the list's path.
    private(set) var sourceIndexes: [FieldPath: [Int]] = [:]

    /// Whether the items of a long list are let go from the document as they are read
    /// (``SourceView/discard(nodes:text:)``): only where nothing reads them again and the
    /// document has no aliases. Diagnostics found later must then be placed in the file
    /// by parsing it again.
    let discardsReadItems: Bool

    init(file: String, document: SourceView, discardsReadItems: Bool = false) {
        self.file = file
        self.document = document
        self.discardsReadItems = discardsReadItems
    }

    func error(_ message: String, at path: FieldPath, _ position: SourcePosition?) {
        diagnostics.append(Diagnostic(.error, file: file, path: path, position: position, message: message))
    }

    // MARK: The document

    /// The edition, or nil when a required part could not be read.
    func read() -> Edition? {
        guard let document = fields(of: self.document.resolved(self.document.root), in: .root, rules: EditionFields.Rules.root)
        else { return nil }
        let format = document.text("format")
        if let format, format != Edition.currentFormat {
            error(
                "unsupported format \(DisplayText.quoted(format)); this build reads '\(Edition.currentFormat)'",
                at: document.path.appending("format"), document.position(of: "format"))
        }
        let award = document.mapping("award") {
            award -> Award? in
            let name = award.text("name")
            let slug = award.text("slug")
            let organizer = award.text("organizer")
            let url = award.url("url")
            guard let name else { return nil }
            return Award(name: name, slug: slug, organizer: organizer, url: url)
        }
        // The title is made from the labels when the file gives none, once the award is known.
        let details = document.mapping("edition") {
            edition -> (details: EditionDetails, givenTitle: String?)? in
            let year = edition.integer("year")
            let number = edition.integer("number")
            let period = edition.text("period")
            let theme = edition.text("theme")
            let language = edition.languageTag("language") ?? "en"
            let place = edition.text("place")
            let title = edition.text("title")
            let date = edition.date("date")
            guard let year else { return nil }
            let details = EditionDetails(
                year: year, number: number, period: period, theme: theme, language: language, place: place, title: title ?? "", date: date)
            return (details, title)
        }
        let sections = document.list("sections") { section in Self.textSection(section) }
        let criteria = document.list("criteria") { fields -> Criterion? in
            let id = fields.text("id")
            let name = fields.text("name")
            let weight = fields.number("weight") ?? 1
            let description = fields.richText("description")
            guard let id, let name else { return nil }
            return Criterion(id: id, name: name, weight: weight, description: description)
        }
        let scale = document.mapping("scale") { scale -> ScoreScale? in
            let min = scale.number("min")
            let max = scale.number("max")
            guard let min, let max else { return nil }
            if min >= max {
                self.error("'min' must be below 'max'", at: scale.path, scale.position)
                return nil
            }
            return ScoreScale(min: min, max: max)
        }
        let nominees = document.list("nominees") { fields -> Nominee? in
            Self.nominee(fields)
        }
        let analysis = document.list("analysis") { section in Self.textSection(section) }
        let verdict = document.mapping(
            "verdict"
        ) { verdict -> Verdict? in
            let winner = verdict.text("winner")
            let mentions = verdict.textList("mentions")
            let rationale = verdict.richText("rationale")
            let announcement = verdict.text("announcement")
            guard let winner else { return nil }
            return Verdict(winner: winner, mentions: mentions, rationale: rationale, announcement: announcement)
        }
        let jury = document.list("jury") { fields -> JuryMember? in
            let id = fields.text("id")
            let name = fields.text("name")
            let role = fields.text("role")
            let chair = fields.boolean("chair") ?? false
            let affiliation = fields.text("affiliation")
            guard let id, let name else { return nil }
            return JuryMember(id: id, name: name, role: role, chair: chair, affiliation: affiliation)
        }
        let signature = document.text("signature")
        let scores = document.list("scores") { fields -> Score? in
            let juror = fields.text("juror")
            let nominee = fields.text("nominee")
            let criterion = fields.text("criterion")
            let score = fields.number("score")
            guard let juror, let nominee, let score else { return nil }
            return Score(juror: juror, nominee: nominee, criterion: criterion, score: score)
        }
        let scoresFile = document.text("scoresFile")
        let recusals = document.list("recusals") { fields -> Recusal? in
            let juror = fields.text("juror")
            let nominee = fields.text("nominee")
            let reason = fields.text("reason")
            guard let juror, let nominee else { return nil }
            return Recusal(juror: juror, nominee: nominee, reason: reason)
        }
        let remarks = document.list("remarks") { fields -> Remark? in
            let juror = fields.text("juror")
            let nominee = fields.text("nominee")
            let text = fields.text("remark")
            guard let juror, let nominee, let text else { return nil }
            return Remark(juror: juror, nominee: nominee, text: text)
        }
        let remarksFile = document.text("remarksFile")
        let labels = document.mapping("labels") { fields -> [LabelKey: String]? in
            var labels: [LabelKey: String] = [:]
            for key in LabelKey.allCases {
                guard let text = fields.text(key.rawValue) else { continue }
                if let problem = key.problem(with: text) {
                    self.error(problem, at: fields.path.appending(key.rawValue), fields.position(of: key.rawValue))
                } else {
                    labels[key] = text
                }
            }
            return labels
        }
        let presentation = document.mapping("presentation") { fields -> Presentation? in
            var presentation = Presentation()
            if let numbering = fields.boolean("numbering") { presentation.numbering = numbering }
            if let decimals = fields.integer("decimals") { presentation.decimals = decimals }
            if let quotes = fields.choice("quotes") {
                presentation.quotes = Presentation.Quotes(rawValue: quotes) ?? .typographic
            }
            return presentation
        }
        let scoring = document.mapping("scoring") { fields -> Scoring? in
            var scoring = Scoring()
            if let method = fields.choice("method") { scoring.method = Scoring.Method(rawValue: method) ?? .mean }
            return scoring
        }
        // Derived (the json format writes it): its items' keys are checked, their values never read.
        _ = document.list("standings") { _ -> Bool? in true }
        let branding = document.mapping("branding") { fields -> Branding? in
            var branding = Branding()
            // The file is read by the loader, which knows the edition's folder.
            if let path = fields.text("logo") { branding.logo = Logo(path: path, kind: .png, bytes: []) }
            if let accent = fields.text("accent") {
                if Branding.isColor(accent) {
                    branding.accent = accent.uppercased()
                } else {
                    self.error(
                        "expected a colour as #RRGGBB, such as '#1B7F3B', found \(DisplayText.quoted(accent))",
                        at: fields.path.appending("accent"), fields.position(of: "accent"))
                }
            }
            return branding
        }
        for (key, isEmpty) in [("nominees", nominees?.isEmpty), ("jury", jury?.isEmpty)] where isEmpty == true {
            error("needs at least one entry", at: FieldPath.root.appending(key), document.position(of: key))
        }

        guard let format, let award, let details, let nominees, let verdict, let jury
        else { return nil }
        var editionDetails = details.details
        if details.givenTitle == nil {
            editionDetails.title = Labels(language: editionDetails.language, overrides: labels ?? [:])[.reportTitle]
        }
        return Edition(
            format: format, award: award, details: editionDetails,
            sections: sections ?? [], criteria: criteria ?? [], scale: scale ?? .standard,
            nominees: nominees, analysis: analysis ?? [], verdict: verdict, jury: jury,
            signature: signature, scores: scores ?? [], scoresFile: scoresFile.map { TableFileReference(path: $0, count: 0) },
            recusals: recusals ?? [], remarks: remarks ?? [], remarksFile: remarksFile.map { TableFileReference(path: $0, count: 0) },
            labels: labels ?? [:], presentation: presentation ?? Presentation(),
            branding: branding ?? Branding(), scoring: scoring ?? Scoring())
    }

    /// Static, as every reading of a list item: parts of a list read at once share no reader.
    private static func textSection(_ fields: Fields) -> TextSection? {
        let heading = fields.text("heading")
        guard let body = fields.richText("body") else { return nil }
        return TextSection(heading: heading, body: body)
    }

    private static func nominee(_ fields: Fields) -> Nominee? {
        let id = fields.text("id")
        let name = fields.text("name")
        let number = fields.integer("number")
        let lead = fields.text("lead")
        let location = fields.text("location")
        let sector = fields.text("sector")
        let partners = fields.textList("partners")
        let summary = fields.text("summary")
        let body = fields.richText("body")
        let facts = fields.list("facts") { fact -> Fact? in
            let label = fact.text("label")
            let value = fact.factValue("value")
            guard let label, let value else { return nil }
            return Fact(label: label, value: value)
        }
        let url = fields.url("url")
        guard let id, let name else { return nil }
        return Nominee(
            id: id, name: name, number: number ?? ((fields.indexInList ?? 0) + 1), lead: lead,
            location: location, sector: sector, partners: partners, summary: summary, body: body,
            facts: facts ?? [], url: url)
    }

    // MARK: Mappings

    /// The fields of `node`, which must be a mapping of the object `rules` describes; keys it
    /// does not know are reported. `index` is the mapping's place in the list at `parent`,
    /// nil when it is the value at `parent`.
    func fields(of node: SourceDocument.Index, in parent: FieldPath, index: Int? = nil, rules: FieldRules) -> Fields? {
        let fields = Fields(reader: self, rules: rules, parentPath: parent, indexInList: index, mapping: node)
        guard document.kind(node) == .mapping else {
            error(
                "expected a mapping of fields, found \(document.kindDescription(node))" + Self.missingColonHint(node, in: document),
                at: fields.path, document.position(node))
            return nil
        }
        fields.expectKnownKeys()
        return fields
    }

    /// For a single value that reads like `key value` (`winner alpha`): the hint that the
    /// colon after the key is missing.
    static func missingColonHint(_ node: SourceDocument.Index, in document: SourceView) -> String {
        guard document.kind(node) == .plain else { return "" }
        let text = document.string(node)
        guard let space = text.firstIndex(of: " ") else { return "" }
        let word = text[..<space]
        guard let first = word.first, first.isASCII, first.isLowercase, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return "" }
        return "; is a ':' missing after '\(word)'? Write '\(word): \(text[text.index(after: space)...].prefix(30))'"
    }

    /// Takes over what a reader of part of a list found, after what this one found.
    func absorb(_ other: EditionReader) {
        diagnostics += other.diagnostics
        incompleteLists.formUnion(other.incompleteLists)
        sourceIndexes.merge(other.sourceIndexes) { mine, _ in mine }
    }

    func recordIndexes(_ indexes: [Int], of path: FieldPath) {
        sourceIndexes[path] = indexes
    }

    func markIncomplete(_ path: FieldPath) {
        if path.components.count == 1, case .key(let key) = path.components[0] {
            incompleteLists.insert(key)
        }
    }
}
