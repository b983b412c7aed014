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

    init(file: String, document: SourceView) {
        self.file = file
        self.document = document
    }

    func error(_ message: String, at path: FieldPath, _ position: SourcePosition?) {
        diagnostics.append(Diagnostic(.error, file: file, path: path, position: position, message: message))
    }

    // MARK: The document

    /// The edition, or nil when a required part could not be read.
    func read() -> Edition? {
        guard let document = fields(of: self.document.resolved(self.document.root), in: .root, keys: EditionFields.Keys.root)
        else { return nil }
        let format = document.text("format", required: true)
        if let format, format != Edition.currentFormat {
            error(
                "unsupported format \(DisplayText.quoted(format)); this build reads '\(Edition.currentFormat)'",
                at: document.path.appending("format"), document.position(of: "format"))
        }
        let award = document.mapping("award", required: true, keys: EditionFields.Keys.award) {
            award -> Award? in
            let name = award.text("name", required: true)
            let slug = award.text("slug")
            let organizer = award.text("organizer")
            let url = award.url("url")
            guard let name else { return nil }
            return Award(name: name, slug: slug, organizer: organizer, url: url)
        }
        // The title is made from the labels when the file gives none, once the award is known.
        let details = document.mapping("edition", required: true, keys: EditionFields.Keys.edition) {
            edition -> (details: EditionDetails, givenTitle: String?)? in
            let year = edition.integer("year", required: true, in: 1...9999)
            let number = edition.integer("number", in: 1...1_000_000)
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
        let criteria = document.list("criteria", maximumCount: EditionFields.Limits.criteria) { fields -> Criterion? in
            fields.expect(keys: EditionFields.Keys.criterion)
            let id = fields.text("id", required: true)
            let name = fields.text("name", required: true)
            let weight = fields.number("weight", mustBePositive: true) ?? 1
            let description = fields.richText("description")
            guard let id, let name else { return nil }
            return Criterion(id: id, name: name, weight: weight, description: description)
        }
        let scale = document.mapping("scale", keys: EditionFields.Keys.scale) { scale -> ScoreScale? in
            let min = scale.number("min", required: true)
            let max = scale.number("max", required: true)
            guard let min, let max else { return nil }
            if min >= max {
                self.error("'min' must be below 'max'", at: scale.path, scale.position)
                return nil
            }
            return ScoreScale(min: min, max: max)
        }
        let nominees = document.list("nominees", required: true, maximumCount: EditionFields.Limits.nominees) { fields -> Nominee? in
            Self.nominee(fields)
        }
        let analysis = document.list("analysis") { section in Self.textSection(section) }
        let verdict = document.mapping(
            "verdict", required: true, keys: EditionFields.Keys.verdict
        ) { verdict -> Verdict? in
            let winner = verdict.text("winner", required: true)
            let mentions = verdict.textList("mentions")
            let rationale = verdict.richText("rationale")
            let announcement = verdict.text("announcement")
            guard let winner else { return nil }
            return Verdict(winner: winner, mentions: mentions, rationale: rationale, announcement: announcement)
        }
        let jury = document.list("jury", required: true, maximumCount: EditionFields.Limits.jury) { fields -> JuryMember? in
            fields.expect(keys: EditionFields.Keys.juryMember)
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
            fields.expect(keys: EditionFields.Keys.score)
            let juror = fields.text("juror", required: true)
            let nominee = fields.text("nominee", required: true)
            let criterion = fields.text("criterion")
            let score = fields.number("score", required: true)
            guard let juror, let nominee, let score else { return nil }
            return Score(juror: juror, nominee: nominee, criterion: criterion, score: score)
        }
        let scoresFile = document.text("scoresFile")
        let recusals = document.list("recusals") { fields -> Recusal? in
            fields.expect(keys: EditionFields.Keys.recusal)
            let juror = fields.text("juror", required: true)
            let nominee = fields.text("nominee", required: true)
            let reason = fields.text("reason")
            guard let juror, let nominee else { return nil }
            return Recusal(juror: juror, nominee: nominee, reason: reason)
        }
        let labels = document.mapping("labels", keys: EditionFields.Keys.labels) { fields -> [LabelKey: String]? in
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
        let presentation = document.mapping("presentation", keys: EditionFields.Keys.presentation) { fields -> Presentation? in
            var presentation = Presentation()
            if let numbering = fields.boolean("numbering") { presentation.numbering = numbering }
            if let decimals = fields.integer("decimals", in: 0...Presentation.maximumDecimals) { presentation.decimals = decimals }
            if let quotes = fields.choice("quotes", among: Presentation.Quotes.allCases.map(\.rawValue)) {
                presentation.quotes = Presentation.Quotes(rawValue: quotes) ?? .typographic
            }
            return presentation
        }
        let branding = document.mapping("branding", keys: EditionFields.Keys.branding) { fields -> Branding? in
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
            signature: signature, scores: scores ?? [], scoresFile: scoresFile.map { ScoresFileReference(path: $0, count: 0) },
            recusals: recusals ?? [], labels: labels ?? [:], presentation: presentation ?? Presentation(),
            branding: branding ?? Branding())
    }

    /// Static, as every reading of a list item: parts of a list read at once share no reader.
    private static func textSection(_ fields: Fields) -> TextSection? {
        fields.expect(keys: EditionFields.Keys.section)
        let heading = fields.text("heading")
        guard let body = fields.richText("body", required: true) else { return nil }
        return TextSection(heading: heading, body: body)
    }

    private static func nominee(_ fields: Fields) -> Nominee? {
        fields.expect(keys: EditionFields.Keys.nominee)
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
            fact.expect(keys: EditionFields.Keys.fact)
            let label = fact.text("label", required: true)
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

    /// The fields of `node`, which must be a mapping; unknown keys are reported. `index` is
    /// the mapping's place in the list at `parent`, nil when it is the value at `parent`.
    func fields(of node: SourceDocument.Index, in parent: FieldPath, index: Int? = nil, keys: [String]?) -> Fields? {
        let fields = Fields(reader: self, parentPath: parent, indexInList: index, mapping: node)
        guard document.kind(node) == .mapping else {
            error(
                "expected a mapping of fields, found \(document.kindDescription(node))" + Self.missingColonHint(node, in: document),
                at: fields.path, document.position(node))
            return nil
        }
        if let keys { fields.expect(keys: keys) }
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

/// What reading part of a list came to.
struct ListPart<T> {
    let reader: EditionReader
    var values: [T] = []
    /// The index in the file of each value kept.
    var indexes: [Int] = []
}

/// How a long list is split to be read at once.
enum ListParts {
    /// Lists shorter than twice this are read in one part: starting threads would cost more.
    static var minimumPartLength: Int { 4096 }

    /// The ranges of a list of `items` to read at once: one for a short list.
    static func ranges(items: Int) -> [Range<Int>] {
        // Asking for the number of cores reads files: only a long list is worth it.
        let longEnough = items / minimumPartLength
        let count = longEnough < 2 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, longEnough)
        return (0..<count).map { part in (items * part / count)..<(items * (part + 1) / count) }
    }

    /// The parts joined in order, what their readers found passed on to `reader`.
    static func merged<T>(_ parts: [ListPart<T>], into reader: EditionReader) -> ListPart<T> {
        var merged = ListPart<T>(reader: reader)
        merged.values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        for part in parts {
            merged.values += part.values
            merged.indexes += part.indexes
            reader.absorb(part.reader)
        }
        return merged
    }
}

/// The fields of one mapping being read. Its path is made only for a message: most files
/// have none, and a path per value read was a large share of the time of loading.
struct Fields {
    let reader: EditionReader
    /// The path of the list holding the mapping, or of the mapping itself.
    let parentPath: FieldPath
    /// The mapping's index in its list, for defaults such as a nominee's number.
    let indexInList: Int?
    let mapping: SourceDocument.Index

    private var document: SourceView { reader.document }

    var path: FieldPath { indexInList.map { parentPath.appending(index: $0) } ?? parentPath }

    var position: SourcePosition { document.position(mapping) }

    /// Reports every key not in `keys`, with the closest known key as a suggestion.
    func expect(keys: [String]) {
        for entry in document.entries(mapping) where !keys.contains(where: { document.textEquals(entry.key, $0) }) {
            let key = document.string(entry.key)
            var message = "unknown key \(DisplayText.quoted(key))"
            if let suggestion = Suggestion.closest(to: key, among: keys) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; known keys here: " + keys.joined(separator: ", ")
            }
            reader.error(message, at: path.appending(key), document.position(entry.key))
        }
    }

    func position(of key: String) -> SourcePosition {
        document.value(of: key, in: mapping).map(document.position) ?? position
    }

    /// The value of `key`; nil when it is missing or null, reported when it is required.
    func value(_ key: String, required: Bool) -> SourceDocument.Index? {
        guard let node = document.value(of: key, in: mapping) else {
            if required { reader.error("is required", at: path.appending(key), position) }
            return nil
        }
        if document.isNull(node) {
            if required { reader.error("is required but null", at: path.appending(key), document.position(node)) }
            return nil
        }
        return node
    }

    /// A scalar read as the text written; empty text counts as missing.
    func text(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        return text(of: node, at: path.appending(key), required: required)
    }

    private func text(of node: SourceDocument.Index, at path: @autoclosure () -> FieldPath, required: Bool) -> String? {
        guard document.isScalar(node) else {
            reader.error("expected text, found \(document.kindDescription(node))", at: path(), document.position(node))
            return nil
        }
        let text = document.string(node)
        if TextRules.needsCheck(document.bytes(node)), let problem = TextRules.problem(in: text) {
            reader.error(problem, at: path(), document.position(node))
            return nil
        }
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty {
            if required { reader.error("is required but empty", at: path(), document.position(node)) }
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
        guard document.kind(node) == .sequence else {
            reader.error("expected a list, found \(document.kindDescription(node))", at: path.appending(key), document.position(node))
            return []
        }
        return document.children(node).enumerated().compactMap { index, item in
            text(of: document.resolved(item), at: path.appending(key).appending(index: index), required: true)
        }
    }

    /// A number as YAML's core schema writes it (`8`, `-2.5`, `1e3`); finite only.
    func number(_ key: String, required: Bool = false, mustBePositive: Bool = false) -> Double? {
        guard let node = value(key, required: required) else { return nil }
        guard document.kind(node) == .plain else {
            reader.error("expected a number, found \(describe(node))", at: path.appending(key), document.position(node))
            return nil
        }
        guard let number = NumberSyntax.parse(document.bytes(node)) else {
            let text = document.string(node)
            let lowered = text.lowercased()
            let message = [".nan", ".inf", "-.inf", "+.inf", "nan", "inf", "infinity", "-infinity"].contains(lowered)
                ? "must be a finite number, found \(DisplayText.quoted(text))"
                : "expected a number, found \(DisplayText.quoted(text))"
            reader.error(message, at: path.appending(key), document.position(node))
            return nil
        }
        if mustBePositive && number <= 0 {
            reader.error("must be a number above 0", at: path.appending(key), document.position(node))
            return nil
        }
        // Totals multiply scores by weights and add them up: bounded, they stay finite.
        guard abs(number) <= NumberSyntax.largestMagnitude else {
            reader.error(
                "must be between -10^15 and 10^15, found \(DisplayText.quoted(document.string(node)))", at: path.appending(key),
                document.position(node))
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
        if document.kind(node) == .plain {
            for word in ["true", "True", "TRUE"] where document.textEquals(node, word) { return true }
            for word in ["false", "False", "FALSE"] where document.textEquals(node, word) { return false }
        }
        reader.error("expected true or false, found \(describe(node))", at: path.appending(key), document.position(node))
        return nil
    }

    func date(_ key: String) -> CalendarDate? {
        guard let text = text(key) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            reader.error(
                CalendarDate.impossibility(of: text) ?? "expected a date as YYYY-MM-DD, found \(DisplayText.quoted(text))",
                at: path.appending(key), position(of: key))
            return nil
        }
        return date
    }

    /// One of `words`, exactly as written.
    func choice(_ key: String, among words: [String]) -> String? {
        guard let text = text(key) else { return nil }
        guard words.contains(text) else {
            var message = "expected one of " + words.map { "'\($0)'" }.joined(separator: ", ") + ", found \(DisplayText.quoted(text))"
            if let suggestion = Suggestion.closest(to: text, among: words) { message += "; did you mean '\(suggestion)'?" }
            reader.error(message, at: path.appending(key), position(of: key))
            return nil
        }
        return text
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
        if document.kind(node) == .plain, let number = NumberSyntax.parse(document.bytes(node)) {
            return .number(number)
        }
        return text(of: node, at: path.appending(key), required: true).map(FactValue.text)
    }

    /// A mapping under `key`, read by `read`.
    func mapping<T>(
        _ key: String, required: Bool = false, keys: [String], read: (Fields) -> T?
    ) -> T? {
        guard let node = value(key, required: required),
            let fields = reader.fields(of: node, in: path.appending(key), keys: keys)
        else { return nil }
        return read(fields)
    }

    /// A list of mappings under `key`, each read by `read`; nil when absent. A long list is
    /// read in parts on every core, each part by a reader of its own, merged in order: so
    /// `read` runs on several threads at once, and must report only through the ``Fields``
    /// it is given, never through another reader.
    /// A list over `maximumCount` items is refused whole, before any item is read.
    func list<T>(_ key: String, required: Bool = false, maximumCount: Int? = nil, read: (Fields) -> T?) -> [T]? {
        guard let node = value(key, required: required) else { return nil }
        let listPath = path.appending(key)
        guard document.kind(node) == .sequence else {
            reader.error("expected a list, found \(document.kindDescription(node))", at: listPath, document.position(node))
            return nil
        }
        let count = document.count(node)
        if let maximumCount, count > maximumCount {
            reader.error(
                "at most \(maximumCount) entries are allowed; this list has \(count)",
                at: listPath, document.position(node))
            return nil
        }
        let ranges = ListParts.ranges(items: count)
        let kept: ListPart<T>
        if ranges.count == 1 {
            kept = Self.read(document.children(node), from: 0, of: listPath, by: reader, read)
        } else {
            let items = Array(document.children(node))
            let document = self.document
            let file = reader.file
            let parts = ConcurrentMap.run(ranges.count) { part in
                let partReader = EditionReader(file: file, document: document)
                // A path of its own: every item's fields hold it, and a shared one would have
                // its reference count bounced between the cores.
                let partPath = FieldPath(listPath.components.map { $0 })
                let range = ranges[part]
                return Self.read(items[range], from: range.lowerBound, of: partPath, by: partReader, read)
            }
            kept = ListParts.merged(parts, into: reader)
        }
        if kept.indexes.count != count {
            reader.markIncomplete(listPath)
            reader.recordIndexes(kept.indexes, of: listPath)
        }
        return kept.values
    }

    /// Reads `items`, the first of them at index `first` of the list, with `reader`.
    private static func read<T>(
        _ items: some Sequence<SourceDocument.Index>, from first: Int, of listPath: FieldPath, by reader: EditionReader,
        _ read: (Fields) -> T?
    ) -> ListPart<T> {
        var part = ListPart<T>(reader: reader)
        let document = reader.document
        for (offset, item) in items.enumerated() {
            let index = first + offset
            if let fields = reader.fields(of: document.resolved(item), in: listPath, index: index, keys: nil),
                let value = read(fields)
            {
                part.values.append(value)
                part.indexes.append(index)
            }
        }
        return part
    }

    private func describe(_ node: SourceDocument.Index) -> String {
        if document.isScalar(node) {
            let text = document.string(node)
            return document.kind(node) == .quoted ? "the text \(DisplayText.quoted(text))" : DisplayText.quoted(text)
        }
        return document.kindDescription(node)
    }
}

extension String {
    /// Without the spaces, tabs and newlines around it.
    package func trimmingWhitespace() -> String {
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
