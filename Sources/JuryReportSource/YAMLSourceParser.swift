import CYaml

/// Builds a ``SourceDocument`` from libyaml's event stream (the libyaml that Yams bundles).
///
/// Composing from events, rather than through Yams' node tree, keeps every position and
/// the quoting of each scalar, refuses complex keys and duplicate keys, bounds nesting, and
/// counts what each alias expands to, so that a 'billion laughs' file is refused at once
/// instead of being hashed or walked.
package struct YAMLSourceParser {
    private let bytes: [UInt8]
    private let limits: SourceLimits

    package init(bytes: [UInt8], limits: SourceLimits = SourceLimits()) {
        self.bytes = bytes
        self.limits = limits
    }

    package func parse() throws(SourceSyntaxError) -> SourceDocument {
        let result: Result<SourceDocument, SourceSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            if buffer.count >= limits.splitSize, let split = YAMLListSplit.find(in: buffer, near: buffer.count / 2),
                let document = parse(buffer, splitAt: split)
            {
                return .success(document)
            }
            return Result { () throws(SourceSyntaxError) -> SourceDocument in
                try Self.compose(buffer, budget: max(limits.minimumExpansion, buffer.count * limits.expansionFactor), limits: limits)
            }
        }
        return try result.get()
    }

    /// The document of the file parsed in two halves at once, or nil when either half does
    /// not parse or the two do not join (see ``YAMLListSplit``): the caller parses it whole.
    /// For tests, `split` may be any place ``YAMLListSplit/find(in:near:)`` gives.
    package func parse(_ buffer: UnsafeBufferPointer<UInt8>, splitAt split: YAMLListSplit) -> SourceDocument? {
        let tail = split.tail(of: buffer)
        // Each half may expand by the factor of its own size (or half the least any file
        // may): together, about what the file whole may.
        func budget(_ size: Int) -> Int { max(limits.minimumExpansion / 2, size * limits.expansionFactor) }
        let halves = ConcurrentMap.run(2) { half -> SourceDocument? in
            if half == 0 {
                return try? Self.compose(
                    UnsafeBufferPointer(rebasing: buffer[..<split.cut]), budget: budget(split.cut), limits: limits,
                    expectedSize: buffer.count)
            }
            return tail.withUnsafeBufferPointer { tail in
                try? Self.compose(tail, budget: budget(tail.count), limits: limits)
            }
        }
        guard var head = halves[0], let rest = halves[1],
            head.appendList(continuedIn: rest, key: split.key, column: split.column, lineOffset: split.lineOffset)
        else { return nil }
        return head
    }

    /// The document of `buffer`: one YAML document, its nodes spending at most `budget`.
    private static func compose(
        _ buffer: UnsafeBufferPointer<UInt8>, budget: Int, limits: SourceLimits, expectedSize: Int? = nil
    ) throws(SourceSyntaxError) -> SourceDocument {
        var composer = Composer(
            budget: budget, maximumDepth: limits.maximumDepth, document: SourceDocument(expectedSize: expectedSize ?? buffer.count))
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw SourceSyntaxError(message: "out of memory", position: nil)
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        // A byte order mark is not part of the text (libyaml, told the encoding, takes it
        // for content and then refuses a flow mapping after it); columns count from after it.
        let skipped = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        yaml_parser_set_input_string(&parser, buffer.baseAddress.map { $0 + skipped }, buffer.count - skipped)
        try composer.composeDocument(from: &parser)
        return composer.document
    }
}

/// Turns events into nodes, one document.
private struct Composer {
    package var budget: Int
    package let maximumDepth: Int
    package var document: SourceDocument
    package var keys = DuplicateKeyFinder()
    package var anchors: [String: (node: SourceDocument.Index, cost: Int)] = [:]

    package mutating func composeDocument(from parser: inout yaml_parser_t) throws(SourceSyntaxError) {
        var event = try next(&parser)  // stream start
        defer { yaml_event_delete(&event) }
        var document = try next(&parser)
        defer { yaml_event_delete(&document) }
        guard document.type == YAML_DOCUMENT_START_EVENT else {
            throw SourceSyntaxError(message: "the file holds no YAML document", position: nil)
        }
        var first = try next(&parser)
        _ = try compose(&first, parser: &parser, depth: 1)
        var end = try next(&parser)  // document end
        yaml_event_delete(&end)
        var after = try next(&parser)
        defer { yaml_event_delete(&after) }
        if after.type == YAML_DOCUMENT_START_EVENT {
            throw SourceSyntaxError(
                message: "the file holds more than one YAML document", position: position(after.start_mark))
        }
    }

    private func next(_ parser: inout yaml_parser_t) throws(SourceSyntaxError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            throw Composer.syntaxError(of: parser)
        }
        return event
    }

    private static func syntaxError(of parser: yaml_parser_t) -> SourceSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        let context = parser.context.map { String(cString: $0) }
        if let context {
            // libyaml's context reads "while parsing a flow sequence": say where that began.
            message += " " + context + " that starts at \(position(parser.context_mark))"
        }
        if parser.error == YAML_READER_ERROR {
            return SourceSyntaxError(message: message, position: nil)
        }
        return SourceSyntaxError(
            message: message, position: position(parser.problem_mark),
            parserProblem: .init(problem: problem, context: context, contextPosition: context == nil ? nil : position(parser.context_mark)))
    }

    private static func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func position(_ mark: yaml_mark_t) -> SourcePosition { Composer.position(mark) }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// Spends `cost` of the expansion budget.
    private mutating func spend(_ cost: Int, at mark: yaml_mark_t) throws(SourceSyntaxError) {
        budget -= cost
        if budget < 0 {
            throw SourceSyntaxError(
                message: "aliases expand this file to more than a few times its size; refused",
                position: position(mark))
        }
    }

    /// Composes the node that starts with `event`, which it consumes. Returns the node and
    /// its cost (nodes plus scalar bytes), which an alias to it spends again.
    private mutating func compose(
        _ event: inout yaml_event_t, parser: inout yaml_parser_t, depth: Int
    ) throws(SourceSyntaxError) -> (SourceDocument.Index, Int) {
        defer { yaml_event_delete(&event) }
        let start = position(event.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = Composer.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw SourceSyntaxError(message: "unknown alias *\(name)", position: start)
            }
            try spend(anchored.cost, at: event.start_mark)
            // The alias stands where it is written; reading follows it to the anchored node.
            return (try document.appendAlias(to: anchored.node, at: start), anchored.cost)

        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let tag = Composer.string(scalar.tag)
            let isQuoted = try Composer.isQuoted(style: scalar.style, tag: tag, at: start)
            let node = try document.appendScalar(
                UnsafeBufferPointer(start: scalar.value, count: scalar.length), quoted: isQuoted, at: start)
            let cost = 1 + scalar.length
            try spend(cost, at: event.start_mark)
            register(Composer.string(scalar.anchor), node, cost)
            return (node, cost)

        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(depth, at: start)
            try Composer.checkCollectionTag(Composer.string(event.data.sequence_start.tag), at: start)
            let anchor = Composer.string(event.data.sequence_start.anchor)
            try spend(1, at: event.start_mark)
            let list = try document.open(.sequence, at: start)
            var count = 0
            var cost = 1
            while true {
                var item = try next(&parser)
                if item.type == YAML_SEQUENCE_END_EVENT {
                    yaml_event_delete(&item)
                    break
                }
                let (_, itemCost) = try compose(&item, parser: &parser, depth: depth + 1)
                count += 1
                cost += itemCost
            }
            document.close(list, count: count)
            register(anchor, list, cost)
            return (list, cost)

        case YAML_MAPPING_START_EVENT:
            try checkDepth(depth, at: start)
            try Composer.checkCollectionTag(Composer.string(event.data.mapping_start.tag), at: start)
            let anchor = Composer.string(event.data.mapping_start.anchor)
            try spend(1, at: event.start_mark)
            let mapping = try document.open(.mapping, at: start)
            keys.open()
            var count = 0
            var cost = 1
            while true {
                var keyEvent = try next(&parser)
                if keyEvent.type == YAML_MAPPING_END_EVENT {
                    yaml_event_delete(&keyEvent)
                    break
                }
                let keyPosition = position(keyEvent.start_mark)
                let isScalar = keyEvent.type == YAML_SCALAR_EVENT || keyEvent.type == YAML_ALIAS_EVENT
                guard isScalar else {
                    yaml_event_delete(&keyEvent)
                    throw SourceSyntaxError(message: "a key must be a single value", position: keyPosition)
                }
                let (key, keyCost) = try compose(&keyEvent, parser: &parser, depth: depth + 1)
                if document.kind(key) == .alias {
                    // Keys are compared and read as text: put the anchored text in the alias's place.
                    let target = document.resolved(key)
                    guard document.isScalar(target) else {
                        throw SourceSyntaxError(message: "a key must be a single value", position: keyPosition)
                    }
                    document.replaceAlias(key, withCopyOfScalar: target)
                }
                guard keys.insert(key, in: document) else {
                    throw SourceSyntaxError(
                        message: "duplicate key \(DisplayText.quoted(document.string(key)))", position: keyPosition)
                }
                var valueEvent = try next(&parser)
                let (_, valueCost) = try compose(&valueEvent, parser: &parser, depth: depth + 1)
                count += 1
                cost += keyCost + valueCost
            }
            keys.close()
            document.close(mapping, count: count)
            register(anchor, mapping, cost)
            return (mapping, cost)

        default:
            throw SourceSyntaxError(message: "unexpected YAML event", position: start)
        }
    }

    private mutating func register(_ anchor: String?, _ node: SourceDocument.Index, _ cost: Int) {
        if let anchor { anchors[anchor] = (node, cost) }
    }

    private func checkDepth(_ depth: Int, at position: SourcePosition) throws(SourceSyntaxError) {
        if depth > maximumDepth {
            throw SourceSyntaxError(message: "nested more than \(maximumDepth) levels deep", position: position)
        }
    }

    private static let coreTagPrefix = "tag:yaml.org,2002:"

    /// A scalar is text as written when it is quoted or a block scalar, or tagged `!!str`
    /// or `!`. Other core tags leave it to the schema; tags of other vocabularies are refused.
    private static func isQuoted(
        style: yaml_scalar_style_t, tag: String?, at position: SourcePosition
    ) throws(SourceSyntaxError) -> Bool {
        switch tag {
        case nil: return style != YAML_PLAIN_SCALAR_STYLE
        case "!", coreTagPrefix + "str": return true
        case let tag? where tag.hasPrefix(coreTagPrefix): return style != YAML_PLAIN_SCALAR_STYLE
        case let tag?:
            throw SourceSyntaxError(message: "unsupported tag \(DisplayText.quoted(tag))", position: position)
        }
    }

    private static func checkCollectionTag(_ tag: String?, at position: SourcePosition) throws(SourceSyntaxError) {
        if let tag, !tag.hasPrefix(coreTagPrefix) {
            throw SourceSyntaxError(message: "unsupported tag \(DisplayText.quoted(tag))", position: position)
        }
    }
}
