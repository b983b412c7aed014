import JuryReportSource

/// The fields of one mapping being read. Its path is made only for a message: most files
/// have none, and a path per value read was a large share of the time of loading.
struct Fields {
    let reader: EditionReader
    /// What the object's description says of each field: required, ranges, choices.
    let rules: FieldRules
    /// The path of the list holding the mapping, or of the mapping itself.
    let parentPath: FieldPath
    /// The mapping's index in its list, for defaults such as a nominee's number.
    let indexInList: Int?
    let mapping: SourceDocument.Index

    private var document: SourceView { reader.document }

    var path: FieldPath { indexInList.map { parentPath.appending(index: $0) } ?? parentPath }

    var position: SourcePosition { document.position(mapping) }

    /// Reports every key the object does not know, with the closest known key as a suggestion.
    func expectKnownKeys() {
        let keys = rules.keys
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
    func text(_ key: String) -> String? {
        let required = rules.rule(key).isRequired
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

    func richText(_ key: String) -> RichText? {
        guard let source = text(key) else { return nil }
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
    func number(_ key: String) -> Double? {
        let rule = rules.rule(key)
        guard let node = value(key, required: rule.isRequired) else { return nil }
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
        if rule.mustBePositive && number <= 0 {
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

    func integer(_ key: String) -> Int? {
        guard let range = rules.rule(key).range else { preconditionFailure("'\(key)' is not described as a whole number") }
        guard let number = number(key) else { return nil }
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
    func choice(_ key: String) -> String? {
        let words = rules.rule(key).choices
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
        guard let node = value(key, required: rules.rule(key).isRequired) else { return nil }
        if document.kind(node) == .plain, let number = NumberSyntax.parse(document.bytes(node)) {
            return .number(number)
        }
        return text(of: node, at: path.appending(key), required: true).map(FactValue.text)
    }

    /// A mapping under `key`, read by `read`.
    func mapping<T>(
        _ key: String, read: (Fields) -> T?
    ) -> T? {
        guard let node = value(key, required: rules.rule(key).isRequired),
            let fields = reader.fields(of: node, in: path.appending(key), rules: rules.object(key))
        else { return nil }
        return read(fields)
    }

    /// A list of mappings under `key`, each read by `read`; nil when absent. A long list is
    /// read in parts on every core, each part by a reader of its own, merged in order: so
    /// `read` runs on several threads at once, and must report only through the ``Fields``
    /// it is given, never through another reader.
    /// A list over `maximumCount` items is refused whole, before any item is read.
    func list<T>(_ key: String, read: (Fields) -> T?) -> [T]? {
        let rule = rules.rule(key)
        let maximumCount = rule.maximumCount
        let items = rules.object(key)
        guard let node = value(key, required: rule.isRequired) else { return nil }
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
        guard count > 0 else { return [] }
        let ranges = ListParts.ranges(items: count)
        // The first item of each part, from one walk: not an array of every item's node
        // (8 MB for a million items, at the moment the whole document is held).
        var starts: [SourceDocument.Index] = []
        for (offset, item) in document.children(node).enumerated() where offset == ranges[starts.count].lowerBound {
            starts.append(item)
            if starts.count == ranges.count { break }
        }
        let document = self.document
        let (file, discards) = (reader.file, reader.discardsReadItems)
        var indexes: [Int] = []
        // Every part reads straight into its place in one array, so a long list is never
        // held twice (parts, then the parts joined). An item that fails leaves a gap at the
        // end of its part, closed once all are read.
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress!
            let parts = ConcurrentMap.run(ranges.count) { part in
                // One part is read by this reader; more, each by a reader of its own, whose
                // path is its own too: every item's fields hold it, and a shared one would
                // have its reference count bounced between the cores.
                let partReader = ranges.count == 1 ? reader : EditionReader(file: file, document: document, discardsReadItems: discards)
                let partPath = ranges.count == 1 ? listPath : FieldPath(listPath.components.map { $0 })
                let range = ranges[part]
                return Self.read(
                    document.children(node, from: starts[part]).prefix(range.count), from: range.lowerBound, of: partPath,
                    rules: items, by: partReader, into: base + range.lowerBound, read)
            }
            initialized = ListParts.joined(parts, of: ranges, at: base, into: reader, indexes: &indexes)
        }
        if values.count != count {
            reader.markIncomplete(listPath)
            reader.recordIndexes(indexes, of: listPath)
        }
        return values
    }

    /// How many items are read between two hand-backs of the ones read
    /// (``EditionReader/discardsReadItems``): a few hundred kilobytes of nodes each.
    private static var discardInterval: Int { 1024 }

    /// Reads `items`, the first of them at index `first` of the list, with `reader`, each one
    /// kept initialized at `destination` and after: as many as the part's `kept`.
    private static func read<T>(
        _ items: some Sequence<SourceDocument.Index>, from first: Int, of listPath: FieldPath, rules: FieldRules, by reader: EditionReader,
        into destination: UnsafeMutablePointer<T>, _ read: (Fields) -> T?
    ) -> ListPart {
        var part = ListPart(reader: reader)
        let document = reader.document
        // Where the items not yet let go begin: their first node and their text's first byte.
        var keptFrom: (node: SourceDocument.Index, text: Int?)?
        for (offset, item) in items.enumerated() {
            let index = first + offset
            if reader.discardsReadItems {
                if let from = keptFrom {
                    if offset % discardInterval == 0, let textEnd = document.firstTextOffset(in: item) {
                        document.discard(nodes: from.node..<item, text: from.text.map { $0..<textEnd } ?? 0..<0)
                        keptFrom = (item, textEnd)
                    }
                } else {
                    keptFrom = (item, document.firstTextOffset(in: item))
                }
            }
            if let fields = reader.fields(of: document.resolved(item), in: listPath, index: index, rules: rules),
                let value = read(fields)
            {
                (destination + part.kept).initialize(to: value)
                part.kept += 1
                // The indexes are needed only once an item is left out: from then on every
                // kept item's is recorded.
                if part.kept != offset + 1 { part.indexes.append(index) }
            } else if part.kept == offset {
                // The first item left out: every one before it was kept.
                part.indexes = Array(first..<index)
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
