#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parsed form of an edition file, before it is read into the model: the same for YAML
/// and JSON, with the position of every node.
///
/// Nodes lie flat in document order: a list is followed by its items, a mapping by its
/// keys and values in turn (key, value, key, value), each item followed by its own
/// descendants. The text of every scalar lies in one byte buffer. Two arrays instead of a
/// tree of nodes keep parsing a large file free of allocations per value, which is where
/// the time went with a tree.
package struct SourceDocument: Sendable {
    /// A node's place in ``nodes``.
    package typealias Index = Int

    package enum Kind: UInt8, Sendable {
        /// An unquoted scalar: the schema decides whether `8` is a number.
        case plain
        /// Quoted in YAML (or a block scalar, or tagged `!!str`), or a string in JSON:
        /// never null, a boolean or a number.
        case quoted
        case sequence
        case mapping
        /// A YAML alias: stands for the node its anchor named (``Node/first``).
        case alias
    }

    /// 12 bytes: the kind rides in the top bits of the column (a column stays far below 2^29
    /// in a file the loader accepts), and the line is kept once for every run of nodes on one
    /// line (``SourceDocument/lines``), not in each node: a large file written on one line,
    /// as programs write JSON, has a node every few bytes.
    package struct Node: Sendable {
        private var columnAndKind: UInt32
        /// A scalar's first byte in ``SourceDocument/text``; a collection's number of
        /// items (a mapping's number of entries); the node an alias stands for.
        package var first: UInt32
        /// A scalar's length in bytes; for a collection, the index just past its last
        /// descendant.
        package var second: UInt32

        private static let columnBits: UInt32 = 29
        private static let columnMask: UInt32 = (1 << columnBits) - 1

        package init(kind: Kind, column: UInt32, first: UInt32, second: UInt32) {
            // A column past the mask is only possible in a line of half a gigabyte; it is
            // shown as the mask's value rather than spilling into the kind.
            columnAndKind = min(column, Self.columnMask) | UInt32(kind.rawValue) << Self.columnBits
            self.first = first
            self.second = second
        }

        package var kind: Kind {
            // Only a kind's raw value is ever stored in these bits.
            get { unsafeBitCast(UInt8(columnAndKind >> Self.columnBits), to: Kind.self) }
            set { columnAndKind = columnAndKind & Self.columnMask | UInt32(newValue.rawValue) << Self.columnBits }
        }

        package var column: UInt32 { columnAndKind & Self.columnMask }
    }

    /// Where a line's nodes begin: the nodes from `firstNode` until the next entry's are on
    /// `line`.
    package struct LineStart: Sendable {
        package var firstNode: UInt32
        package var line: UInt32
    }

    private(set) var nodes: [Node] = []
    private(set) var text: [UInt8] = []
    /// An entry for each node whose line differs from the node's before it, in node order
    /// (lines need not rise: any order is looked up right).
    private(set) var lines: [LineStart] = []
    /// Whether any node is or was an alias: a node may then share another's text or stand
    /// for a node anywhere before it, so no part of the document may be let go early
    /// (``SourceView/discard(nodes:text:)``).
    package private(set) var hasAliases = false

    /// Room for a file of `expectedSize` bytes, reserved at once: an array that outgrows its
    /// room is copied into one twice as large, both held meanwhile (the peak of a large
    /// file's load). Room not yet written takes no memory, only addresses. An edition has a
    /// node every ten to twenty bytes, so a node for every four covers any real one; a file
    /// denser than that (a list of bare numbers) still grows as before.
    package init(expectedSize: Int = 0) {
        text.reserveCapacity(expectedSize)
        nodes.reserveCapacity(expectedSize / 4 + 16)
    }

    // MARK: Building

    /// Appends a scalar whose text is `bytes`.
    package mutating func appendScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, at position: SourcePosition
    ) throws(SourceSyntaxError) -> Index {
        let start = text.count
        text.append(contentsOf: bytes)
        return try appendScalar(textFrom: start, quoted: quoted, at: position)
    }

    /// Appends a scalar whose text is what was appended to ``text`` since `start`.
    package mutating func appendScalar(
        textFrom start: Int, quoted: Bool, at position: SourcePosition
    ) throws(SourceSyntaxError) -> Index {
        try append(Node(
            kind: quoted ? .quoted : .plain, column: UInt32(position.column), first: UInt32(start), second: UInt32(text.count - start)),
            at: position)
    }

    /// Turns the alias at `alias` into a scalar sharing the text of the scalar at `target`,
    /// keeping its position (a YAML key that is an alias).
    package mutating func replaceAlias(_ alias: Index, withCopyOfScalar target: Index) {
        hasAliases = true
        nodes[alias].kind = nodes[target].kind
        nodes[alias].first = nodes[target].first
        nodes[alias].second = nodes[target].second
    }

    package mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
    }

    package mutating func appendText(_ byte: UInt8) {
        text.append(byte)
    }

    package var textCount: Int { text.count }

    /// Opens a list or mapping; close it with ``close(_:count:)`` after its children.
    package mutating func open(_ kind: Kind, at position: SourcePosition) throws(SourceSyntaxError) -> Index {
        try append(Node(kind: kind, column: UInt32(position.column), first: 0, second: 0), at: position)
    }

    /// Closes the collection opened at `index`, with `count` items or entries.
    package mutating func close(_ index: Index, count: Int) {
        nodes[index].first = UInt32(count)
        nodes[index].second = UInt32(nodes.count)
    }

    /// Appends an alias standing for `target`.
    package mutating func appendAlias(to target: Index, at position: SourcePosition) throws(SourceSyntaxError) -> Index {
        hasAliases = true
        return try append(Node(kind: .alias, column: UInt32(position.column), first: UInt32(target), second: 0), at: position)
    }

    private mutating func append(_ node: Node, at position: SourcePosition) throws(SourceSyntaxError) -> Index {
        // Offsets are 32-bit: the loader caps files far below 4 GiB, but say so rather than trap.
        guard nodes.count < Int(UInt32.max), text.count < Int(UInt32.max), position.line < Int(UInt32.max) else {
            throw SourceSyntaxError(message: "the file holds too many values", position: position)
        }
        let line = UInt32(position.line)
        if lines.last?.line != line { lines.append(LineStart(firstNode: UInt32(nodes.count), line: line)) }
        nodes.append(node)
        return nodes.count - 1
    }

    // MARK: Joining

    /// Joins `tail` to this document: this one ends in the list that is the value of its last
    /// top-level entry, `key`; `tail` is a mapping whose first entry is `key` with the rest of
    /// that list, then the top-level entries after it. Its lines are moved by `lineOffset`.
    /// Returns false, this document unchanged, when the two do not fit so (see
    /// ``YAMLListSplit``): the list's items not at `column` (from 1), not a block list, or a
    /// top-level key in both.
    package mutating func appendList(continuedIn tail: SourceDocument, key: [UInt8], column: Int, lineOffset: Int) -> Bool {
        guard let list = lastEntryList(key: key, column: column), tail.nodes.count >= 3, tail.nodes[0].kind == .mapping,
            tail.nodes[1].kind == .plain, tail.withView({ $0.bytes(1).elementsEqual(key) }), tail.nodes[2].kind == .sequence,
            tail.position(2).line == 2, tail.nodes[2].column == UInt32(column),
            nodes.count + tail.nodes.count < Int(UInt32.max), text.count + tail.text.count < Int(UInt32.max),
            Int(tail.lines.lazy.map(\.line).max() ?? 0) + lineOffset < Int(UInt32.max)
        else { return false }
        // No top-level key twice: the file whole would refuse it. (Keys are scalars: the
        // composer puts an alias key's text in its place.)
        let keys = withView { view in Set(view.entries(view.root).map { Array(view.bytes($0.key)) }) }
        let repeated = tail.withView { view in
            view.entries(view.root).dropFirst().contains { keys.contains(Array(view.bytes($0.key))) }
        }
        guard !repeated else { return false }
        // An alias to the tail's root, key or list cannot be (none has an anchor); checked
        // before anything is changed.
        guard !tail.nodes[3...].contains(where: { $0.kind == .alias && $0.first < 3 }) else { return false }
        // The tail's nodes after its root, key and list move up by `shift`.
        let shift = nodes.count - 3
        let textShift = UInt32(text.count)
        nodes.reserveCapacity(nodes.count + tail.nodes.count - 3)
        // The tail's lines from its fourth node on, moved by `lineOffset` and `shift`.
        let moved = UInt32(lineOffset)
        if tail.nodes.count > 3 {
            let firstLine = UInt32(tail.position(3).line) + moved
            if lines.last?.line != firstLine { lines.append(LineStart(firstNode: UInt32(nodes.count), line: firstLine)) }
            for entry in tail.lines where entry.firstNode > 3 {
                lines.append(LineStart(firstNode: UInt32(Int(entry.firstNode) + shift), line: entry.line + moved))
            }
        }
        for var node in tail.nodes[3...] {
            switch node.kind {
            case .plain, .quoted: node.first += textShift
            case .sequence, .mapping: node.second = UInt32(Int(node.second) + shift)
            case .alias: node.first = UInt32(Int(node.first) + shift)
            }
            nodes.append(node)
        }
        text.append(contentsOf: tail.text)
        hasAliases = hasAliases || tail.hasAliases
        nodes[list].first += tail.nodes[2].first
        nodes[list].second = UInt32(Int(tail.nodes[2].second) + shift)
        nodes[0].first += tail.nodes[0].first - 1
        nodes[0].second = UInt32(nodes.count)
        return true
    }

    /// The list that is the value of the root mapping's last entry, when that entry is `key`,
    /// the list is a block list at `column` and nothing follows it.
    private func lastEntryList(key: [UInt8], column: Int) -> Index? {
        guard nodes.first?.kind == .mapping else { return nil }
        return withView { view -> Index? in
            var last: (key: Index, value: Index)?
            for entry in view.entries(view.root) { last = entry }
            guard let last, view.kind(last.key) == .plain, view.bytes(last.key).elementsEqual(key),
                view.kind(last.value) == .sequence, view.position(last.value).column == column, view.end(last.value) == view.nodes.count
            else { return nil }
            return last.value
        }
    }

    // MARK: Reading

    /// Calls `body` with a view of the document, valid for the call. Reading goes through
    /// views: they hold plain pointers, so threads reading one document share no
    /// reference counts.
    package func withView<R, E: Error>(_ body: (SourceView) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = nodes.withUnsafeBufferPointer { nodes in
            text.withUnsafeBufferPointer { text in
                lines.withUnsafeBufferPointer { lines in
                    Result { () throws(E) -> R in try body(SourceView(nodes: nodes, text: text, lines: lines)) }
                }
            }
        }
        return try result.get()
    }

    package func kind(_ index: Index) -> Kind { nodes[index].kind }
    package func resolved(_ index: Index) -> Index { withView { $0.resolved(index) } }
    package func isScalar(_ index: Index) -> Bool { withView { $0.isScalar(index) } }
    package func position(_ index: Index) -> SourcePosition { withView { $0.position(index) } }
    package func string(_ index: Index) -> String { withView { $0.string(index) } }
}

/// A read-only view of a ``SourceDocument``, valid inside ``SourceDocument/withView(_:)``.
/// The parts of a long list read at once (``ConcurrentMap``) share one: nothing writes
/// through it, and they finish inside that call.
package struct SourceView {
    package typealias Index = SourceDocument.Index
    package typealias Kind = SourceDocument.Kind

    package let nodes: UnsafeBufferPointer<SourceDocument.Node>
    package let text: UnsafeBufferPointer<UInt8>
    package let lines: UnsafeBufferPointer<SourceDocument.LineStart>

    /// The root node.
    package var root: Index { 0 }

    /// The node itself, or for an alias the node it stands for.
    package func resolved(_ index: Index) -> Index {
        nodes[index].kind == .alias ? Index(nodes[index].first) : index
    }

    package func kind(_ index: Index) -> Kind { nodes[index].kind }

    package func position(_ index: Index) -> SourcePosition {
        SourcePosition(line: Int(line(of: index)), column: Int(nodes[index].column))
    }

    /// The line of the node at `index`: the last entry of ``lines`` that begins at or before
    /// it, found by halving (positions are asked for messages, not for every node read).
    private func line(of index: Index) -> UInt32 {
        guard !lines.isEmpty else { return 0 }
        var (low, high) = (0, lines.count)
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(lines[middle].firstNode) <= index { low = middle } else { high = middle }
        }
        return lines[low].line
    }

    package func isScalar(_ index: Index) -> Bool {
        nodes[index].kind == .plain || nodes[index].kind == .quoted
    }

    /// An unquoted `null`, `~` or nothing at all.
    package func isNull(_ index: Index) -> Bool {
        guard nodes[index].kind == .plain else { return false }
        switch nodes[index].second {
        case 0: return true
        case 1: return textEquals(index, "~")
        case 4: return textEquals(index, "null") || textEquals(index, "Null") || textEquals(index, "NULL")
        default: return false
        }
    }

    /// Number of items of a list, or of entries of a mapping.
    package func count(_ index: Index) -> Int { Int(nodes[index].first) }

    /// The index just past the node and its descendants.
    package func end(_ index: Index) -> Index {
        switch nodes[index].kind {
        case .sequence, .mapping: return Index(nodes[index].second)
        case .plain, .quoted, .alias: return index + 1
        }
    }

    /// The children of a collection in order: items, or keys and values in turn.
    package func children(_ index: Index) -> Children {
        Children(document: self, upcoming: index + 1, end: end(index))
    }

    /// The children of the collection at `index` from `start`, one of them, on.
    package func children(_ index: Index, from start: Index) -> Children {
        Children(document: self, upcoming: start, end: end(index))
    }

    package struct Children: Sequence, IteratorProtocol {
        package let document: SourceView
        package var upcoming: Index
        package let end: Index

        package mutating func next() -> Index? {
            guard upcoming < end else { return nil }
            defer { upcoming = document.end(upcoming) }
            return upcoming
        }
    }

    /// The entries of a mapping: each key's index and its value's (unresolved).
    package func entries(_ mapping: Index) -> Entries {
        Entries(children: children(mapping))
    }

    package struct Entries: Sequence, IteratorProtocol {
        package var children: Children

        package mutating func next() -> (key: Index, value: Index)? {
            guard let key = children.next(), let value = children.next() else { return nil }
            return (key, value)
        }
    }

    /// The value of `key` in the mapping at `mapping`, resolved, or nil.
    package func value(of key: String, in mapping: Index) -> Index? {
        for entry in entries(mapping) where textEquals(entry.key, key) {
            return resolved(entry.value)
        }
        return nil
    }

    /// The bytes of a scalar's text.
    package func bytes(_ index: Index) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        return UnsafeBufferPointer(rebasing: text[Int(node.first)..<Int(node.first) + Int(node.second)])
    }

    /// A scalar's text.
    package func string(_ index: Index) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    /// Whether a scalar's text is `string`. Called for every key read: lengths first, then
    /// the first byte, then memcmp.
    package func textEquals(_ index: Index, _ string: String) -> Bool {
        let node = nodes[index]
        let count = Int(node.second)
        guard string.utf8.count == count else { return false }
        guard count > 0 else { return true }
        let start = Int(node.first)
        guard string.utf8.first == text[start] else { return false }
        return string.utf8.withContiguousStorageIfAvailable { expected in
            memcmp(expected.baseAddress!, text.baseAddress! + start, count) == 0
        } ?? string.utf8.elementsEqual(bytes(index))
    }

    package func textEquals(_ lhs: Index, _ rhs: Index) -> Bool {
        let count = Int(nodes[lhs].second)
        guard nodes[rhs].second == nodes[lhs].second else { return false }
        guard count > 0 else { return true }
        return memcmp(text.baseAddress! + Int(nodes[lhs].first), text.baseAddress! + Int(nodes[rhs].first), count) == 0
    }

    /// The offset in ``text`` of the first scalar of the node at `index` and its
    /// descendants, or nil when it has none.
    package func firstTextOffset(in index: Index) -> Int? {
        var node = index
        let end = end(index)
        while node < end {
            if isScalar(node) { return Int(nodes[node].first) }
            node += 1
        }
        return nil
    }

    /// Hands the memory of the nodes in `nodeRange` and of the text bytes in `textRange` back
    /// to the system: the pages wholly inside each range read as zeros from then on. For a
    /// long list read item by item, whose items already read are not read again, so that
    /// the document shrinks as the model made from it grows. The caller makes sure nothing
    /// reads those nodes or bytes again, and that the document has no aliases
    /// (``SourceDocument/hasAliases``), whose targets or shared text could lie inside.
    /// Only whole pages are let go (``MemoryPages``).
    package func discard(nodes nodeRange: Range<Index>, text textRange: Range<Int>) {
        let stride = MemoryLayout<SourceDocument.Node>.stride
        MemoryPages.discard(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(nodes)[nodeRange.lowerBound * stride..<nodeRange.upperBound * stride]))
        MemoryPages.discard(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[textRange]))
    }

    /// What the node is, for messages: "a single value", "a list", "a mapping".
    package func kindDescription(_ index: Index) -> String {
        let index = resolved(index)
        switch nodes[index].kind {
        case .plain, .quoted, .alias: return isNull(index) ? "null" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// Finds the nodes of field paths, for diagnostics about a loaded edition. Remembers the
/// items of each list it walks, so that many diagnostics about a long list stay linear.
package final class SourceLocator {
    package let document: SourceView
    private var items: [SourceDocument.Index: [SourceDocument.Index]] = [:]

    package init(_ document: SourceView) {
        self.document = document
    }

    /// The node at `path`, or nil when the file has no such field.
    package func node(at path: FieldPath) -> SourceDocument.Index? {
        var node = document.resolved(document.root)
        for component in path.components {
            switch (component, document.kind(node)) {
            case (.key(let key), .mapping):
                guard let value = document.value(of: key, in: node) else { return nil }
                node = value
            case (.index(let index), .sequence):
                let list = items(of: node)
                guard list.indices.contains(index) else { return nil }
                node = document.resolved(list[index])
            default:
                return nil
            }
        }
        return node
    }

    private func items(of list: SourceDocument.Index) -> [SourceDocument.Index] {
        if let known = items[list] { return known }
        let found = Array(document.children(list))
        items[list] = found
        return found
    }

    /// The position of the node at `path`, or of its nearest ancestor in the file when the
    /// field itself is absent.
    package func nearestPosition(to path: FieldPath) -> SourcePosition {
        var components = path.components
        while true {
            if let node = node(at: FieldPath(components)) { return document.position(node) }
            guard !components.isEmpty else { return document.position(document.root) }
            components.removeLast()
        }
    }
}

/// Finds a key written twice in one mapping while a file is parsed: by comparing with the
/// mapping's earlier keys while it has few, through a set once it has more, so a hostile
/// mapping with very many keys stays linear.
package struct DuplicateKeyFinder {
    private static let linearLimit = 16
    /// Keys of the mappings being parsed, innermost last.
    private var keys: [SourceDocument.Index] = []
    /// Where each open mapping's keys begin in `keys`.
    private var starts: [Int] = []
    /// The keys of each open mapping once it outgrew `linearLimit`, beside `starts` (an
    /// array, not a dictionary by level: no key of a file is hashed for its mapping's sake).
    private var sets: [Set<[UInt8]>?] = []

    package mutating func open() {
        starts.append(keys.count)
        sets.append(nil)
    }

    package mutating func close() {
        keys.removeSubrange(starts[starts.count - 1]...)
        sets.removeLast()
        starts.removeLast()
    }

    /// Records `key` for the innermost open mapping; false when it already had the key.
    package mutating func insert(_ key: SourceDocument.Index, in document: SourceDocument) -> Bool {
        let start = starts[starts.count - 1]
        let level = sets.count - 1
        if var set = sets[level] {
            sets[level] = nil  // keep the set uniquely referenced while it is changed
            let inserted = set.insert(document.withView { Array($0.bytes(key)) }).inserted
            sets[level] = set
            return inserted
        }
        let isNew = document.withView { view in !keys[start...].contains { view.textEquals($0, key) } }
        guard isNew else { return false }
        keys.append(key)
        if keys.count - start > Self.linearLimit {
            sets[level] = document.withView { view in Set(keys[start...].map { Array(view.bytes($0)) }) }
        }
        return true
    }
}

/// A fault in the syntax of an edition file.
package struct SourceSyntaxError: Error {
    package var message: String
    package var position: SourcePosition?
    /// For libyaml's errors, its own words, which ``YAMLSyntaxHelp`` explains.
    package var parserProblem: ParserProblem?

    package struct ParserProblem {
        package var problem: String
        package var context: String?
        package var contextPosition: SourcePosition?
    }
}

/// How far parsing an edition file may go before the file is refused.
package struct SourceLimits: Sendable {
    /// Nesting of lists and mappings (an edition file needs about 5).
    package var maximumDepth = 64
    /// Nodes and scalar bytes that aliases may expand to, as a multiple of the file's size.
    package var expansionFactor = 4
    /// Expansion every file may reach, however small.
    package var minimumExpansion = 65_536
    /// A YAML file this large or larger is parsed in two halves at once where it can be
    /// (``YAMLListSplit``); tests lower it to cut small files.
    package var splitSize = 1 << 20
    /// How many bytes a parser that lets go of what it read (``JSONSourceParser/parse(consuming:limits:)``)
    /// reads between two hand-backs; tests lower it.
    package var discardStep = 4 << 20

    package init() {}
}
