import CMallocTuning
import Foundation
import JuryReportSource

/// Loads edition files: reads the bytes, checks they are UTF-8, parses YAML or JSON,
/// reads the model and validates it, reporting every fault at once.
public struct EditionLoader: Sendable {
    /// Files larger than this are refused before they are read.
    public var maximumFileSize: Int = 128 * 1024 * 1024
    var limits = SourceLimits()
    /// Told how long each phase of a load took, in seconds: `decode` (bytes to a parsed document),
    /// `validate` (the document to a checked edition). For benchmarks.
    public var phaseTimer: (@Sendable (String, Double) -> Void)?
    /// Whether a `scoresFile` or `remarksFile` that does not exist yet is taken as empty
    /// rather than refused: for `collect`, which is about to write it, and `forms`.
    public var allowsMissingTables = false
    /// Where the files an edition names may lie (``NamedFileScope``).
    public var namedFileScope = NamedFileScope()

    public init() {}

    /// Loads a file or bytes, telling an invalid edition from one that could not be read.
    public func load(_ input: EditionInput) throws(EditionLoadError) -> Edition {
        do {
            switch input {
            case .file(let path): return try load(contentsOf: URL(fileURLWithPath: path), name: path)
            case .bytes(let bytes, let syntax, let name): return try load(bytes: bytes, syntax: syntax, name: name)
            }
        } catch let error as EditionError {
            throw .invalid(error)
        } catch let error as EditionInputError {
            throw .unreadable(error)
        } catch {
            throw .unreadable(EditionInputError(kind: .unreadable, file: "\(input)", message: "\(error)"))
        }
    }

    /// The file's bytes, read straight into the array (not into `Data` and copied, which
    /// held a large file twice), and what the file was when read.
    static func readBytes(of url: URL, name: String, limit: Int) throws -> (bytes: [UInt8], identity: FileIdentity?) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        try handle.seek(toOffset: 0)
        let descriptor = handle.fileDescriptor
        func unreadable() -> EditionInputError {
            EditionInputError(kind: .unreadable, file: name, message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        // Read straight into the array (a large file is not copied twice); one byte more than
        // the size, to see whether the file grew.
        var bytes = try [UInt8](unsafeUninitializedCapacity: min(size, limit) + 1) { buffer, count in
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw unreadable()
                }
                if got == 0 { return }
                count += got
            }
        }
        func grew() -> EditionInputError {
            EditionInputError(kind: .unreadable, file: name, message: "the file grew past \(limit / 1_048_576) MiB while it was read")
        }
        if bytes.count > limit { throw grew() }
        guard bytes.count > size else { return (bytes, FileIdentity(descriptor: descriptor)) }
        // A file that grew after its size was checked: read on, up to the limit.
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable()
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { throw grew() }
        }
        return (bytes, FileIdentity(descriptor: descriptor))
    }

    /// Loads the file at `url`; `name` is how messages call it (the path the user typed).
    public func load(contentsOf url: URL, name: String? = nil) throws -> Edition {
        let name = name ?? url.path
        guard let syntax = EditionSyntax(pathExtension: url.pathExtension) else {
            throw EditionInputError(
                kind: .unknownExtension, file: name,
                message: "unknown kind of edition file; use .yaml, .yml or .json")
        }
        var bytes: [UInt8]
        var identity: FileIdentity?
        do {
            // The file a link points to, not the link, is what will be read.
            let attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw EditionInputError(kind: .unreadable, file: name, message: "is a directory, not an edition file")
            }
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                throw EditionError(diagnostics: [Diagnostic(
                    .error, file: name,
                    message: "the file is \(size / 1_048_576) MiB; edition files may be at most \(maximumFileSize / 1_048_576) MiB")])
            }
            (bytes, identity) = try Self.readBytes(of: url, name: name, limit: maximumFileSize)
        } catch let error as EditionInputError {
            throw error
        } catch let error as EditionError {
            throw error
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "it does not exist or cannot be read"
            let message = FileManager.default.fileExists(atPath: url.path)
                ? "cannot read the file (\(reason))" : "no such file"
            throw EditionInputError(kind: .unreadable, file: name, message: message)
        }
        // The same file again, for the positions of faults found after parts of a large
        // edition's parsed document were let go; nil when it is no longer the file read.
        let limit = maximumFileSize
        let reread: @Sendable () -> [UInt8]? = { [identity] in
            guard let identity, let again = try? Self.readBytes(of: url, name: name, limit: limit), again.identity == identity
            else { return nil }
            return again.bytes
        }
        return try load(taking: &bytes, syntax: syntax, name: name, directory: url.deletingLastPathComponent(), reread: reread)
    }

    /// Loads an edition from the bytes of a file. The tables it names are read relative
    /// to `directory`, by default the folder of `name`.
    ///
    /// The bytes are taken, and let go once parsed: the model is made from the parsed
    /// document, and a large file's bytes would otherwise stay for the whole export.
    public func load(bytes: consuming [UInt8], syntax: EditionSyntax, name: String, directory: URL? = nil) throws(EditionError) -> Edition {
        var bytes = bytes
        return try load(taking: &bytes, syntax: syntax, name: name, directory: directory, reread: nil)
    }

    /// Loads an edition from `bytes`, which it empties once they are parsed: through
    /// `inout`, the caller's array is the one let go (a `consuming` parameter passed from a
    /// local could still be held by the caller until the call returned).
    ///
    /// With `reread`, which gives the same bytes again, a large edition's long lists are let
    /// go from the parsed document as they are read into the model, so the two are not held
    /// whole at once; a fault the validator finds afterwards is placed in the file by parsing
    /// it again.
    func load(
        taking bytes: inout [UInt8], syntax: EditionSyntax, name: String, directory: URL?, reread: (@Sendable () -> [UInt8]?)?
    ) throws(EditionError) -> Edition {
        func fail(_ message: String, _ position: SourcePosition?) -> EditionError {
            EditionError(diagnostics: [Diagnostic(.error, file: name, position: position, message: message)])
        }
        let clock = ContinuousClock()
        let decodeStart = clock.now
        if let position = TextRules.firstInvalidUTF8(in: bytes) {
            throw fail("the file is not valid UTF-8", position)
        }
        let isLarge = bytes.count >= discardSize
        let document: SourceDocument
        do {
            document = try Self.parse(&bytes, syntax: syntax, limits: limits, consuming: isLarge)
        } catch {
            guard let parser = error.parserProblem else { throw fail(error.message, error.position) }
            // A syntax error of a hand-written file: in plain words, with its line shown.
            let (message, position) = YAMLSyntaxHelp.explain(
                problem: parser.problem, context: parser.context, contextPosition: parser.contextPosition, at: error.position,
                in: bytes)
            var diagnostic = Diagnostic(.error, file: name, position: position, message: message)
            if let position { diagnostic.excerpt = SourceExcerpt.make(bytes, at: position) }
            throw EditionError(diagnostics: [diagnostic])
        }

        bytes = []
        // The file's bytes lie freed in the parsing thread's heap, kept there by the
        // allocator's pad (CMallocTuning): hand them back before the model is made.
        if isLarge { juryreport_release_free_memory() }
        let discards = isLarge && reread != nil && !document.hasAliases
        let validateStart = clock.now
        phaseTimer?("decode", (validateStart - decodeStart).seconds)
        defer { phaseTimer?("validate", (clock.now - validateStart).seconds) }
        let (edition, found, placedLater) = document.withView { view -> (Edition?, [Diagnostic], [Int]) in
            let reader = EditionReader(file: name, document: view, discardsReadItems: discards)
            var edition = reader.read()
            var diagnostics = reader.diagnostics
            // Only the top level's fields are looked up while the document may have let go of
            // long lists' items; the validator's faults are placed later (`placedLater`).
            let locator = SourceLocator(view)
            var placedLater: [Int] = []
            let shownDirectory = (name as NSString).deletingLastPathComponent
            let folder = directory ?? URL(fileURLWithPath: shownDirectory.isEmpty ? "." : shownDirectory)
            var tables = TableFileLoader(directory: folder, shownDirectory: shownDirectory, allowsMissing: allowsMissingTables)
            /// The table `reference` names, read by `parse`, or the faults that keep it out.
            func loadTable<Row>(
                _ reference: TableFileReference, field key: String, kind: String, list: String, columns: [String], rowBytes: Int,
                perCriterion: Bool, parse: (String, String) -> ([Row], [TableRowPositions], [Diagnostic])
            ) -> (rows: [Row], loaded: TableFileLoader.Loaded)? {
                if let edition {
                    tables.maximumSize = TableFileLoader.maximumSize(
                        of: edition, rowBytes: rowBytes, perCriterion: perCriterion, within: maximumFileSize)
                }
                let field = FieldPath.root.appending(key)
                let position = locator.nearestPosition(to: field)
                if let outside = namedFileScope.problem(with: tables.url(of: reference.path), editionFolder: folder) {
                    diagnostics.append(Diagnostic(.error, file: name, path: field, position: position, message: outside))
                    return nil
                }
                let read = tables.text(of: reference.path, kind: kind, editionFile: name, field: field, position: position)
                diagnostics += read.diagnostics
                guard let text = read.text else {
                    // No text and no fault: a table that does not exist yet, where allowed.
                    return read.diagnostics.isEmpty ? ([], TableFileLoader.Loaded(file: read.shown, list: list, columns: columns, positions: [])) : nil
                }
                let (rows, positions, faults) = parse(text, read.shown)
                diagnostics += faults
                return (rows, TableFileLoader.Loaded(file: read.shown, list: list, columns: columns, positions: positions))
            }
            let inlineScores = edition?.scores.count ?? 0
            var loadedScores: TableFileLoader.Loaded?
            // A score row is three ids and a number: 512 bytes.
            if let reference = edition?.scoresFile, let (scores, loaded) = loadTable(
                reference, field: "scoresFile", kind: "scores file", list: "scores", columns: ScoresTable.columns, rowBytes: 512,
                perCriterion: true, parse: ScoresTable.read)
            {
                loadedScores = loaded
                edition?.scores += scores
                edition?.scoresFile?.count = scores.count
            }
            let inlineRemarks = edition?.remarks.count ?? 0
            var loadedRemarks: TableFileLoader.Loaded?
            // A remark row: two ids and a remark of up to 2,000 characters, each of up to four
            // bytes and quoted.
            if let reference = edition?.remarksFile, let (remarks, loaded) = loadTable(
                reference, field: "remarksFile", kind: "remarks file", list: "remarks", columns: RemarksTable.columns,
                rowBytes: 512 + Remark.maximumLength * 8, perCriterion: false, parse: RemarksTable.read)
            {
                loadedRemarks = loaded
                edition?.remarks += remarks
                edition?.remarksFile?.count = remarks.count
            }
            if let logo = edition?.branding.logo {
                let field = FieldPath.root.appending("branding").appending("logo")
                let file = logo.path.hasPrefix("/") ? URL(fileURLWithPath: logo.path) : folder.appendingPathComponent(logo.path)
                let loaded = namedFileScope.problem(with: file, editionFolder: folder).map { Result<Logo, LogoLoader.Fault>.failure(.init(message: $0)) }
                    ?? LogoLoader.load(logo.path, in: folder, shownDirectory: shownDirectory)
                switch loaded {
                case .success(let loaded): edition?.branding.logo = loaded
                case .failure(let fault):
                    diagnostics.append(Diagnostic(
                        .error, file: name, path: field, position: locator.nearestPosition(to: field), message: fault.message))
                }
            }
            if let edition {
                let validator = EditionValidator(
                    edition: edition, incompleteLists: reader.incompleteLists,
                    sourceIndexes: reader.sourceIndexes
                ) { message, path in
                    if let moved = TableFileLoader.relocate(message, at: path, inlineCount: inlineScores, loaded: loadedScores)
                        ?? TableFileLoader.relocate(message, at: path, inlineCount: inlineRemarks, loaded: loadedRemarks)
                    {
                        diagnostics.append(moved)
                        return
                    }
                    if discards {
                        placedLater.append(diagnostics.count)
                        diagnostics.append(Diagnostic(.error, file: name, path: path, message: message))
                    } else {
                        diagnostics.append(Diagnostic(
                            .error, file: name, path: path, position: locator.nearestPosition(to: path), message: message))
                    }
                }
                validator.validate()
            }
            return (edition, diagnostics, placedLater)
        }
        // The parsed document, and what the validator made, back to the system before the
        // formats start: freed, they would stay in the threads' heaps (the allocator's pad).
        _ = consume document
        if isLarge { juryreport_release_free_memory() }
        var diagnostics = found
        if !placedLater.isEmpty, let reread {
            Self.place(&diagnostics, at: placedLater, inFile: reread, syntax: syntax, limits: limits)
        }
        guard let edition, diagnostics.isEmpty else {
            throw EditionError(diagnostics: Self.inFileOrder(diagnostics, edition: name))
        }
        return edition
    }

    /// Editions this large (in bytes) or larger let their long lists go from the parsed
    /// document as they are read (``EditionReader/discardsReadItems``); tests lower it.
    var discardSize = 4 << 20

    /// The parsed document of `bytes`. `consuming`, a JSON file's bytes are let go behind the
    /// parser and `bytes` is emptied: a syntax fault in JSON needs only its position, where
    /// YAML's is explained from the text.
    private static func parse(
        _ bytes: inout [UInt8], syntax: EditionSyntax, limits: SourceLimits, consuming: Bool
    ) throws(SourceSyntaxError) -> SourceDocument {
        switch syntax {
        case .yaml: return try YAMLSourceParser(bytes: bytes, limits: limits).parse()
        case .json where consuming: return try JSONSourceParser.parse(consuming: &bytes, limits: limits)
        case .json: return try JSONSourceParser.parse(bytes, limits: limits)
        }
    }

    /// Gives the diagnostics at `indexes` the positions of their fields, found by parsing the
    /// file again (its parsed document gave up parts as they were read). A file that changed
    /// since it was read, or no longer parses, leaves them with their field paths alone.
    private static func place(
        _ diagnostics: inout [Diagnostic], at indexes: [Int], inFile reread: () -> [UInt8]?, syntax: EditionSyntax, limits: SourceLimits
    ) {
        guard var bytes = reread(), let document = try? parse(&bytes, syntax: syntax, limits: limits, consuming: false) else { return }
        document.withView { view in
            let locator = SourceLocator(view)
            for index in indexes {
                guard let path = diagnostics[index].path else { continue }
                diagnostics[index].position = locator.nearestPosition(to: path)
            }
        }
    }

    /// Diagnostics file by file (the edition's first, then its scores file), each file's
    /// sorted by position (those without one last), keeping the order of equals.
    private static func inFileOrder(_ diagnostics: [Diagnostic], edition: String) -> [Diagnostic] {
        var fileOrder: [String: Int] = [edition: 0]
        for diagnostic in diagnostics where fileOrder[diagnostic.file] == nil { fileOrder[diagnostic.file] = fileOrder.count }
        return diagnostics.enumerated().sorted { lhs, rhs in
            let (leftFile, rightFile) = (fileOrder[lhs.element.file] ?? 0, fileOrder[rhs.element.file] ?? 0)
            if leftFile != rightFile { return leftFile < rightFile }
            switch (lhs.element.position, rhs.element.position) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
