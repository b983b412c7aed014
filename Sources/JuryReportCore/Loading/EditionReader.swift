/// Reads a ``SourceNode`` tree into an ``Edition``, collecting every fault instead of
/// stopping at the first: unknown keys, missing or null required fields, wrong kinds of
/// value, malformed numbers, dates and tags, and text with forbidden characters.
///
/// Where the schema says text, a scalar is read as the text written (`NO` stays "NO", `2020`
/// stays "2020"), in YAML and JSON alike. Reference and uniqueness rules are the
/// ``EditionValidator``'s.
final class EditionReader {
    private let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Lists that lost an item to a fault, whose references the validator should not check.
    private(set) var incompleteLists: Set<String> = []
    /// For each list read, the index in the file of each item kept, by the list's path.
    private(set) var sourceIndexes: [FieldPath: [Int]] = [:]

    init(file: String) {
        self.file = file
    }

    func error(_ message: String, at path: FieldPath, _ position: SourcePosition?) {
        diagnostics.append(Diagnostic(.error, file: file, path: path, position: position, message: message))
    }

    // MARK: The document

    private static let topLevelKeys = [
        "format", "award", "edition", "sections", "criteria", "scale", "nominees", "analysis",
        "verdict", "jury", "signature", "scores",
    ]

    /// The edition, or nil when a required part could not be read.
    func read(_ root: SourceNode) -> Edition? {
        guard let document = fields(of: root, at: .root, keys: Self.topLevelKeys) else { return nil }
        let format = document.text("format", required: true)
        if let format, format != Edition.currentFormat {
            error(
                "unsupported format \(DisplayText.quoted(format)); this build reads '\(Edition.currentFormat)'",
                at: document.path.appending("format"), document.position(of: "format"))
        }
        let award = document.mapping("award", required: true, keys: ["name", "slug", "organizer", "url"]) {
            award -> Award? in
            let name = award.text("name", required: true)
            let slug = award.text("slug")
            let organizer = award.text("organizer")
            let url = award.url("url")
            guard let name else { return nil }
            return Award(name: name, slug: slug, organizer: organizer, url: url)
        }
        let details = document.mapping(
            "edition", required: true,
            keys: ["year", "number", "period", "theme", "language", "title", "date"]
        ) { edition -> (Int, Int?, String?, String?, String, String?, CalendarDate?)? in
            let year = edition.integer("year", required: true, in: 1...9999)
            let number = edition.integer("number", in: 1...1_000_000)
            let period = edition.text("period")
            let theme = edition.text("theme")
            let language = edition.languageTag("language") ?? "en"
            let title = edition.text("title")
            let date = edition.date("date")
            guard let year else { return nil }
            return (year, number, period, theme, language, title, date)
        }
        let sections = document.list("sections") { section in self.textSection(section) }
        let criteria = document.list("criteria") { fields -> Criterion? in
            fields.expect(keys: ["id", "name", "weight", "description"])
            let id = fields.text("id", required: true)
            let name = fields.text("name", required: true)
            let weight = fields.number("weight", mustBePositive: true) ?? 1
            let description = fields.richText("description")
            guard let id, let name else { return nil }
            return Criterion(id: id, name: name, weight: weight, description: description)
        }
        let scale = document.mapping("scale", keys: ["min", "max"]) { scale -> ScoreScale? in
            let min = scale.number("min", required: true)
            let max = scale.number("max", required: true)
            guard let min, let max else { return nil }
            if min >= max {
                self.error("'min' must be below 'max'", at: scale.path, scale.position)
                return nil
            }
            return ScoreScale(min: min, max: max)
        }
        let nominees = document.list("nominees", required: true) { fields -> Nominee? in
            self.nominee(fields)
        }
        let analysis = document.list("analysis") { section in self.textSection(section) }
        let verdict = document.mapping(
            "verdict", required: true, keys: ["winner", "mentions", "rationale", "announcement"]
        ) { verdict -> Verdict? in
            let winner = verdict.text("winner", required: true)
            let mentions = verdict.textList("mentions")
            let rationale = verdict.richText("rationale")
            let announcement = verdict.text("announcement")
            guard let winner else { return nil }
            return Verdict(winner: winner, mentions: mentions, rationale: rationale, announcement: announcement)
        }
        let jury = document.list("jury", required: true) { fields -> JuryMember? in
            fields.expect(keys: ["id", "name", "role", "chair", "affiliation"])
            let id = fields.text("id", required: true)
            let name = fields.text("name", required: true)
            let role = fields.text("role")
            let chair = fields.boolean("chair") ?? false
            let affiliation = fields.text("affiliation")
            guard let id, let name else { return nil }
            return JuryMember(id: id, name: name, role: role, chair: chair, affiliation: affiliation)
        }
        let signature = document.text("signature")
        let scores = document.list("scores") { fields -> Score? in
            fields.expect(keys: ["juror", "nominee", "criterion", "score"])
            let juror = fields.text("juror", required: true)
            let nominee = fields.text("nominee", required: true)
            let criterion = fields.text("criterion")
            let score = fields.number("score", required: true)
            guard let juror, let nominee, let score else { return nil }
            return Score(juror: juror, nominee: nominee, criterion: criterion, score: score)
        }
        for (key, isEmpty) in [("nominees", nominees?.isEmpty), ("jury", jury?.isEmpty)] where isEmpty == true {
            error("needs at least one entry", at: FieldPath.root.appending(key), document.position(of: key))
        }

        guard let format, let award, let details, let nominees, let verdict, let jury
        else { return nil }
        let vocabulary = Vocabulary(language: details.4)
        let title = details.5 ?? vocabulary.defaultTitle(award: award.name, period: details.2, year: details.0)
        return Edition(
            format: format, award: award,
            details: EditionDetails(
                year: details.0, number: details.1, period: details.2, theme: details.3,
                language: details.4, title: title, date: details.6),
            sections: sections ?? [], criteria: criteria ?? [], scale: scale ?? .standard,
            nominees: nominees, analysis: analysis ?? [], verdict: verdict, jury: jury,
            signature: signature, scores: scores ?? [])
    }

    private func textSection(_ fields: Fields) -> TextSection? {
        fields.expect(keys: ["heading", "body"])
        let heading = fields.text("heading")
        guard let body = fields.richText("body", required: true) else { return nil }
        return TextSection(heading: heading, body: body)
    }

    private func nominee(_ fields: Fields) -> Nominee? {
        fields.expect(keys: [
            "id", "name", "number", "lead", "location", "sector", "partners", "summary", "body",
            "facts", "url",
        ])
        let id = fields.text("id", required: true)
        let name = fields.text("name", required: true)
        let number = fields.integer("number", in: 0...1_000_000_000)
        let lead = fields.text("lead")
        let location = fields.text("location")
        let sector = fields.text("sector")
        let partners = fields.textList("partners")
        let summary = fields.text("summary")
        let body = fields.richText("body")
        let facts = fields.list("facts") { fact -> Fact? in
            fact.expect(keys: ["label", "value"])
            let label = fact.text("label", required: true)
            let value = fact.factValue("value")
            guard let label, let value else { return nil }
            return Fact(label: label, value: value)
        }
        let url = fields.url("url")
        guard let id, let name else { return nil }
        return Nominee(
            id: id, name: name, number: number ?? (fields.indexInList + 1), lead: lead,
            location: location, sector: sector, partners: partners, summary: summary, body: body,
            facts: facts ?? [], url: url)
    }

    // MARK: Mappings

    /// The fields of `node`, which must be a mapping; unknown keys are reported.
    func fields(of node: SourceNode, at path: FieldPath, keys: [String]?, indexInList: Int = 0) -> Fields? {
        guard case .mapping(let entries, let position) = node else {
            error("expected a mapping of fields, found \(node.kindDescription)", at: path, node.position)
            return nil
        }
        let fields = Fields(reader: self, path: path, position: position, entries: entries, indexInList: indexInList)
        if let keys { fields.expect(keys: keys) }
        return fields
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

/// The fields of one mapping being read, with its path for messages.
struct Fields {
    let reader: EditionReader
    let path: FieldPath
    let position: SourcePosition
    let entries: [SourceMappingEntry]
    /// The mapping's index in its list, for defaults such as a nominee's number.
    let indexInList: Int

    /// Reports every key not in `keys`, with the closest known key as a suggestion.
    func expect(keys: [String]) {
        for entry in entries where !keys.contains(entry.key.text) {
            var message = "unknown key \(DisplayText.quoted(entry.key.text))"
            if let suggestion = Suggestion.closest(to: entry.key.text, among: keys) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; known keys here: " + keys.joined(separator: ", ")
            }
            reader.error(message, at: path.appending(entry.key.text), entry.key.position)
        }
    }

    func position(of key: String) -> SourcePosition {
        entries.first { $0.key.text == key }?.value.position ?? position
    }

    /// The value of `key`; nil when it is missing or null, reported when it is required.
    func value(_ key: String, required: Bool) -> SourceNode? {
        let entry = entries.first { $0.key.text == key }
        if let entry, case .scalar(let scalar) = entry.value, scalar.isNull {
            if required {
                reader.error("is required but null", at: path.appending(key), scalar.position)
            }
            return nil
        }
        if entry == nil && required {
            reader.error("is required", at: path.appending(key), position)
        }
        return entry?.value
    }

    /// A scalar read as the text written; empty text counts as missing.
    func text(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        return text(of: node, at: path.appending(key), required: required)
    }

    private func text(of node: SourceNode, at path: FieldPath, required: Bool) -> String? {
        guard case .scalar(let scalar) = node else {
            reader.error("expected text, found \(node.kindDescription)", at: path, node.position)
            return nil
        }
        if let problem = TextRules.problem(in: scalar.text) {
            reader.error(problem, at: path, scalar.position)
            return nil
        }
        let trimmed = scalar.text.trimmingWhitespace()
        if trimmed.isEmpty {
            if required { reader.error("is required but empty", at: path, scalar.position) }
            return nil
        }
        return trimmed
    }

    func richText(_ key: String, required: Bool = false) -> RichText? {
        guard let source = text(key, required: required) else { return nil }
        let rich = RichText(source)
        for target in rich.linkTargets where !URLRules.isAllowed(target) {
            reader.error(
                "link target \(DisplayText.quoted(target)) \(URLRules.requirement)",
                at: path.appending(key), position(of: key))
        }
        return rich
    }

    func url(_ key: String) -> String? {
        guard let url = text(key) else { return nil }
        guard URLRules.isAllowed(url) else {
            reader.error("\(DisplayText.quoted(url)) \(URLRules.requirement)", at: path.appending(key), position(of: key))
            return nil
        }
        return url
    }

    func textList(_ key: String) -> [String] {
        guard let node = value(key, required: false) else { return [] }
        guard case .sequence(let items, _) = node else {
            reader.error("expected a list, found \(node.kindDescription)", at: path.appending(key), node.position)
            return []
        }
        return items.enumerated().compactMap { index, item in
            text(of: item, at: path.appending(key).appending(index: index), required: true)
        }
    }

    /// A number as YAML's core schema writes it (`8`, `-2.5`, `1e3`); finite only.
    func number(_ key: String, required: Bool = false, mustBePositive: Bool = false) -> Double? {
        guard let node = value(key, required: required) else { return nil }
        let fieldPath = path.appending(key)
        guard case .scalar(let scalar) = node, !scalar.isQuoted else {
            reader.error("expected a number, found \(describe(node))", at: fieldPath, node.position)
            return nil
        }
        guard let number = NumberSyntax.parse(scalar.text) else {
            let lowered = scalar.text.lowercased()
            let message = [".nan", ".inf", "-.inf", "+.inf", "nan", "inf", "infinity", "-infinity"].contains(lowered)
                ? "must be a finite number, found \(DisplayText.quoted(scalar.text))"
                : "expected a number, found \(DisplayText.quoted(scalar.text))"
            reader.error(message, at: fieldPath, scalar.position)
            return nil
        }
        if mustBePositive && number <= 0 {
            reader.error("must be a number above 0", at: fieldPath, scalar.position)
            return nil
        }
        return number
    }

    func integer(_ key: String, required: Bool = false, in range: ClosedRange<Int>) -> Int? {
        guard let number = number(key, required: required) else { return nil }
        guard number == number.rounded(), let integer = Int(exactly: number), range.contains(integer) else {
            reader.error(
                "must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                at: path.appending(key), position(of: key))
            return nil
        }
        return integer
    }

    func boolean(_ key: String) -> Bool? {
        guard let node = value(key, required: false) else { return nil }
        if case .scalar(let scalar) = node, !scalar.isQuoted {
            switch scalar.text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        reader.error("expected true or false, found \(describe(node))", at: path.appending(key), node.position)
        return nil
    }

    func date(_ key: String) -> CalendarDate? {
        guard let text = text(key) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            reader.error(
                "expected a date as YYYY-MM-DD, found \(DisplayText.quoted(text))",
                at: path.appending(key), position(of: key))
            return nil
        }
        return date
    }

    func languageTag(_ key: String) -> String? {
        guard let text = text(key) else { return nil }
        guard LanguageTag.isWellFormed(text) else {
            reader.error(
                "expected a BCP 47 language tag such as 'en' or 'nl-BE', found \(DisplayText.quoted(text))",
                at: path.appending(key), position(of: key))
            return nil
        }
        return text
    }

    /// A key figure's value: a plain number is a number, anything else text.
    func factValue(_ key: String) -> FactValue? {
        guard let node = value(key, required: true) else { return nil }
        if case .scalar(let scalar) = node, !scalar.isQuoted, let number = NumberSyntax.parse(scalar.text) {
            return .number(number)
        }
        return text(of: node, at: path.appending(key), required: true).map(FactValue.text)
    }

    /// A mapping under `key`, read by `read`.
    func mapping<T>(
        _ key: String, required: Bool = false, keys: [String], read: (Fields) -> T?
    ) -> T? {
        guard let node = value(key, required: required),
            let fields = reader.fields(of: node, at: path.appending(key), keys: keys)
        else { return nil }
        return read(fields)
    }

    /// A list of mappings under `key`, each read by `read`; nil when absent.
    func list<T>(_ key: String, required: Bool = false, read: (Fields) -> T?) -> [T]? {
        guard let node = value(key, required: required) else { return nil }
        let listPath = path.appending(key)
        guard case .sequence(let items, _) = node else {
            reader.error("expected a list, found \(node.kindDescription)", at: listPath, node.position)
            return nil
        }
        var result: [T] = []
        var indexes: [Int] = []
        result.reserveCapacity(items.count)
        indexes.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let itemPath = listPath.appending(index: index)
            if let fields = reader.fields(of: item, at: itemPath, keys: nil, indexInList: index),
                let value = read(fields)
            {
                result.append(value)
                indexes.append(index)
            } else {
                reader.markIncomplete(listPath)
            }
        }
        if indexes.count != items.count { reader.recordIndexes(indexes, of: listPath) }
        return result
    }

    private func describe(_ node: SourceNode) -> String {
        if case .scalar(let scalar) = node {
            return scalar.isQuoted ? "the text \(DisplayText.quoted(scalar.text))" : DisplayText.quoted(scalar.text)
        }
        return node.kindDescription
    }
}

extension String {
    /// Without the spaces, tabs and newlines around it.
    func trimmingWhitespace() -> String {
        // Most values have nothing to trim: check the first and last bytes before walking
        // grapheme clusters.
        let isSpaceByte: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        if let first = utf8.first, let last = utf8.last, !isSpaceByte(first), !isSpaceByte(last) {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
