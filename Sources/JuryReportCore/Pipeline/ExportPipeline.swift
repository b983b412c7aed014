import Foundation

/// The one way editions become files, in named stages:
/// ``load(_:)`` (with validation, inside loading, where faults still point into the source) →
/// ``select(formats:options:)`` → ``derive(_:for:)`` (standings, references) →
/// ``export(_:_:to:archives:)`` (each edition's outline once, every format of every edition at once) →
/// ``commit(_:to:)``.
///
/// The command line, the SwiftPM plugin (through the command line) and library users all go
/// through it; the command line only maps its flags to it and its errors to exit codes.
public struct ExportPipeline: Sendable {
    /// The formats this pipeline knows.
    public let registry: ExporterRegistry
    public var loader = EditionLoader()
    /// The environment exporters see (`PATH`, `SOURCE_DATE_EPOCH`).
    public var environment: [String: String] = [:]
    /// Told how long each stage or format took, in seconds: `standings`, a format's name, `write`.
    public var stageTimer: (@Sendable (String, Double) -> Void)?
    /// Told when another export holds the lock on the output directory and this one waits.
    public var lockWaiting: (@Sendable (URL) -> Void)?
    /// Told of each temporary file, folder and child process group of the export while it
    /// exists, for a signal handler that removes and ends them.
    public var temporaryResourceObserver: TemporaryResourceObserver?
    /// The run's input files (edition files, scores files, logos, forms), which the commit
    /// never writes over: a file that would land on one fails the edition (exit 64).
    public var protectedInputs = ProtectedInputs()

    /// The observer as the directory sink takes it: its staged files.
    private var temporaryFileObserver: (@Sendable (String, Bool) -> Void)? {
        guard let observer = temporaryResourceObserver else { return nil }
        return { @Sendable (path: String, present: Bool) in observer(.file(path), present) }
    }

    public init(registry: ExporterRegistry, environment: [String: String] = [:]) {
        self.registry = registry
        self.environment = environment
    }

    // MARK: 1. Load and validate

    /// Loads and validates every input, all at once, each result in the order of `inputs`.
    public func load(_ inputs: [EditionInput]) async -> [Result<Edition, EditionLoadError>] {
        let loader = self.loader
        return await inOrder(inputs.count) { index in
            Result { () throws(EditionLoadError) -> Edition in try loader.load(inputs[index]) }
        }
    }

    // MARK: 2. Select

    /// The exporters named (every one when `names` is empty) with their options checked.
    /// A preset among `names` (`pdf`) adds its options; given also with another value, it
    /// is refused.
    public func select(formats names: [String], options: ExportOptions) throws(ExportSetupError) -> ExportSelection {
        let resolved: (exporters: [any Exporter], presetOptions: [ExportOptions.Pair])
        do {
            resolved = names.isEmpty ? (registry.exporters, []) : try registry.resolve(names)
        } catch {
            throw .unknownFormat(error)
        }
        let exporters = resolved.exporters
        var pairs = options.pairs
        for preset in resolved.presetOptions {
            if let given = options.pairs.first(where: { $0.key == preset.key }), given.value != preset.value {
                throw .option(ExportOptionError(
                    message: "--option \(given.key)=\(given.value) contradicts the format named, which means \(preset.key)=\(preset.value)"))
            }
            if !pairs.contains(where: { $0.key == preset.key }) { pairs.append(preset) }
        }
        do {
            return try ExportSelection(exporters: exporters, options: ExportOptions(pairs))
        } catch {
            throw .option(error)
        }
    }

    // MARK: 3. Derive

    /// What the exporters get: the edition with its standings, references, vocabulary and
    /// time. (The outline is made in the export stage, once per edition, beside the formats
    /// that do not need it.)
    public func derive(_ edition: Edition, for selection: ExportSelection) -> ExportRequest {
        let start = ContinuousClock.now
        defer { stageTimer?("standings", (ContinuousClock.now - start).seconds) }
        return ExportRequest(
            edition: edition, options: selection.options, environment: environment,
            temporaryResourceObserver: temporaryResourceObserver)
    }

    // MARK: 4. Export

    /// Runs every selected format of every edition at once, each into a sink of its own: the
    /// formats that render the outline after it is made, once per edition, the others from
    /// the start. Files of a directory export are staged beside their final place, under a
    /// lock on the directory (``DirectoryLock``) that the batch holds; nothing is in place
    /// until ``commit(_:to:)``. One result per edition, in order.
    ///
    /// With several editions of one award, or any with `archives`, each selected format that
    /// can (``ArchiveExporter``) also writes the award's archive, once all the editions
    /// succeeded: one more result per award, after the editions, named after its slug.
    public func export(
        _ requests: [ExportRequest], _ selection: ExportSelection, to destination: ExportDestination, archives: Bool = false
    ) async throws(ExportFailure) -> ExportBatch {
        var lock: DirectoryLock?
        if case .directory(let directory) = destination {
            do {
                let waiting = lockWaiting
                try DirectoryExportSink.prepare(directory) { () throws(OutputError) in
                    lock = try DirectoryLock(directory) { waiting?(directory) }
                }
            } catch {
                throw ExportFailure(baseName: requests.first?.baseName ?? "", format: nil, kind: .output(error))
            }
        }
        let exporters = selection.exporters
        let outlineFormats = exporters.indices.filter { exporters[$0].format.rendersOutline }
        let observer = temporaryFileObserver
        // The staged files are flushed to disk beside the formats still being made; the
        // commit waits for them.
        let flusher: FileFlusher? = if case .directory = destination { FileFlusher() } else { nil }
        let timer = stageTimer
        let run = { @Sendable (format: Int, request: ExportRequest) -> (Int, Result<ExportedFormat, ExportFailure>) in
            (format, Result { () throws(ExportFailure) -> ExportedFormat in
                let exported = try Self.run(exporters[format], request, destination, observer, flusher)
                timer?(exported.format, exported.seconds)
                return exported
            })
        }
        // Each edition's outline first, the editions at once; then every format of every
        // edition a task of its own. Started after the others, the outline's formats (on a
        // small edition the longest: a Word package, the LaTeX source) left a core idle at
        // the end.
        let prepared = outlineFormats.isEmpty ? requests : await inOrder(requests.count) { edition in
            let start = ContinuousClock.now
            let request = requests[edition].withOutline()
            timer?("outline", (ContinuousClock.now - start).seconds)
            return request
        }
        // The outline's formats and the others in turn, the last listed first (the Word
        // package and the workbook, the longest on a small edition): two at a time, a report
        // text beside a table, not two whole report texts held at once on a large edition.
        let tables = Array(exporters.indices.filter { !outlineFormats.contains($0) }.reversed())
        let texts = Array(outlineFormats.reversed())
        var order: [Int] = []
        for index in 0..<max(texts.count, tables.count) {
            if index < texts.count { order.append(texts[index]) }
            if index < tables.count { order.append(tables[index]) }
        }
        var formatsOf = [[Result<ExportedFormat, ExportFailure>?]](
            repeating: Array(repeating: nil, count: exporters.count), count: requests.count)
        await withTaskGroup(of: (Int, Int, Result<ExportedFormat, ExportFailure>).self) { group in
            for (edition, request) in prepared.enumerated() {
                for format in order {
                    group.addTask {
                        let (format, result) = run(format, request)
                        return (edition, format, result)
                    }
                }
            }
            for await (edition, format, result) in group { formatsOf[edition][format] = result }
        }
        let editions = requests.indices.map { edition -> Result<ExportedEdition, ExportFailure> in
            // Every format of every edition ran: the group waited for each.
            let results = formatsOf[edition].compactMap { $0 }
            let formats = results.compactMap { try? $0.get() }
            let failure = results.lazy.compactMap({ result -> ExportFailure? in
                if case .failure(let failure) = result { return failure } else { return nil }
            }).first ?? Self.sharedFile(in: formats, of: requests[edition].baseName)
            if let failure {
                // The formats of this edition that did finish are not wanted.
                formats.forEach(discard)
                return .failure(failure)
            }
            return .success(ExportedEdition(baseName: requests[edition].baseName, formats: formats))
        }
        let archived = editions.allSatisfy { (try? $0.get()) != nil }
            ? exportArchives(requests, editions, selection, destination, observer, flusher, always: archives) : []
        return ExportBatch(editions: editions + archived, lock: lock, flusher: flusher)
    }

    /// The archive of each award with several editions among `requests` (or every award,
    /// `always`), in each selected format that writes one.
    private func exportArchives(
        _ requests: [ExportRequest], _ editions: [Result<ExportedEdition, ExportFailure>], _ selection: ExportSelection,
        _ destination: ExportDestination, _ observer: (@Sendable (String, Bool) -> Void)?, _ flusher: FileFlusher?, always: Bool
    ) -> [Result<ExportedEdition, ExportFailure>] {
        let written = editions.map { (try? $0.get())?.files.map(\.name) ?? [] }
        let archives = archiveRequests(requests, reportFiles: written, selection, always: always)
        // Only then the exporters asked whether they write archives: a cast to a protocol an
        // exporter does not conform to searches every conformance record of the program
        // (for the seven built-in formats about 1 % of a small export's CPU).
        guard !archives.isEmpty else { return [] }
        let archivers = selection.exporters.compactMap { $0 as? any ArchiveExporter }
        guard !archivers.isEmpty else { return [] }
        return archives.map { request in
            let archive = request.archive
            var formats: [ExportedFormat] = []
            for archiver in archivers {
                do throws(ExportFailure) {
                    formats.append(try Self.run(archiver.format.name, baseName: archive.baseName, destination, observer, flusher) { sink in
                        try archiver.exportArchive(request, to: sink)
                    })
                } catch {
                    formats.forEach(discard)
                    return .failure(error)
                }
            }
            return .success(ExportedEdition(baseName: archive.baseName, formats: formats))
        }
    }

    /// The archive of each award with several editions among `requests` (or every award,
    /// `always`), each edition linking `reportFiles`, its time the newest edition's.
    func archiveRequests(
        _ requests: [ExportRequest], reportFiles: [[String]], _ selection: ExportSelection, always: Bool
    ) -> [ArchiveRequest] {
        AwardArchive.archives(of: requests, reportFiles: reportFiles, always: always).map { archive in
            let newest = requests.first { $0.edition.baseName == archive.entries[0].edition.baseName }
            return ArchiveRequest(
                archive: archive, options: selection.options, timestamp: newest?.timestamp ?? 0, environment: environment,
                temporaryResourceObserver: temporaryResourceObserver)
        }
    }

    /// Two formats that wrote a file of the same name (a plugin that writes `.md` beside
    /// markdown): neither may silently replace the other.
    private static func sharedFile(in formats: [ExportedFormat], of baseName: String) -> ExportFailure? {
        var writer: [String: String] = [:]
        for format in formats {
            for file in format.files {
                if let other = writer[file.name] {
                    return ExportFailure(
                        baseName: baseName, format: format.format,
                        kind: .exporter(FileClash(name: file.name, formats: [other, format.format])))
                }
                writer[file.name] = format.format
            }
        }
        return nil
    }

    /// One format of one edition, into a sink of the destination's kind.
    private static func run(
        _ exporter: any Exporter, _ request: ExportRequest, _ destination: ExportDestination,
        _ observer: (@Sendable (String, Bool) -> Void)?, _ flusher: FileFlusher?
    ) throws(ExportFailure) -> ExportedFormat {
        try run(exporter.format.name, baseName: request.baseName, destination, observer, flusher) { sink in
            try exporter.export(request, to: sink)
        }
    }

    /// Whatever `write` writes, into a sink of the destination's kind named `baseName`.
    private static func run(
        _ name: String, baseName: String, _ destination: ExportDestination, _ observer: (@Sendable (String, Bool) -> Void)?,
        _ flusher: FileFlusher?, _ write: (any ExportSink) throws -> Void
    ) throws(ExportFailure) -> ExportedFormat {
        let start = ContinuousClock.now
        do {
            switch destination {
            case .directory(let directory):
                let sink = try DirectoryExportSink(directory: directory, baseName: baseName)
                sink.temporaryFileObserver = observer
                sink.flusher = flusher
                try write(sink)
                let files = sink.takeStagedFiles()
                return ExportedFormat(format: name, files: files, warnings: sink.warnings, seconds: (ContinuousClock.now - start).seconds)
            case .memory:
                let sink = MemoryExportSink(baseName: baseName)
                try write(sink)
                let files = sink.files.map { StagedFile(name: $0.name, content: .bytes($0.bytes)) }
                return ExportedFormat(format: name, files: files, warnings: sink.warnings, seconds: (ContinuousClock.now - start).seconds)
            }
        } catch {
            throw ExportFailure(baseName: baseName, format: name, error: error)
        }
    }

    // MARK: 5. Commit

    /// Puts the files of each edition in place, edition by edition in order, each only when
    /// all its formats succeeded. The first edition that failed stops the commit: it and
    /// every edition after it are discarded, those before it stay in place, as if they had
    /// been exported one after the other. Returns the editions put in place.
    public func commit(_ batch: ExportBatch, to destination: ExportDestination) throws(ExportFailure) -> [ExportedEdition] {
        let results = batch.editions
        // The directory stays locked until every file is in place.
        defer { withExtendedLifetime(batch.lock) {} }
        // Every staged file on disk before any is renamed into place: what is left of the
        // flushing after the last format, timed apart from the renaming and the manifest.
        let waiting = ContinuousClock.now
        let flushed = batch.flusher?.wait() ?? FileFlusher.Outcome()
        let start = ContinuousClock.now
        if batch.flusher != nil { stageTimer?("flush", (start - waiting).seconds) }
        defer { stageTimer?("write", (ContinuousClock.now - start).seconds) }
        var committed: [ExportedEdition] = []
        for (index, result) in results.enumerated() {
            do {
                let edition = try result.get()
                if case .directory(let directory) = destination {
                    for file in edition.files {
                        guard case .temporaryFile(let path) = file.content, let reason = flushed.failures[path] else { continue }
                        edition.formats.forEach(discard)
                        throw OutputError(path: directory.appendingPathComponent(file.name).path, reason: "cannot write: \(reason)")
                    }
                    try DirectoryExportSink.commit(edition.files, in: directory, observer: temporaryFileObserver, protecting: protectedInputs)
                }
                committed.append(edition)
                if case .directory(let directory) = destination { try Self.record(edition.files, in: directory, hashes: flushed.hashes) }
            } catch {
                for later in results[(index + 1)...] {
                    if case .success(let edition) = later { edition.formats.forEach(discard) }
                }
                throw ExportFailure(baseName: (try? result.get().baseName) ?? "", format: nil, error: error)
            }
        }
        return committed
    }

    /// Adds the files just put in place to the directory's `ExportManifest` (the
    /// directory is still locked): what `--prune` may remove later. `hashes`: those the
    /// flusher took of the staged files, by temporary path (a file renamed into place is
    /// the staged file); any other is read again.
    private static func record(_ files: [StagedFile], in directory: URL, hashes: [String: String]) throws(OutputError) {
        var manifest = ExportManifest.read(in: directory)
        for file in files {
            let path = directory.appendingPathComponent(file.name).path
            var info = stat()
            // A FIFO or device written through is no file of ours to remove.
            let staged: String? = if case .temporaryFile(let temporary) = file.content { hashes[temporary] } else { nil }
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let hash = staged ?? ExportManifest.hash(ofFileAt: path) else {
                manifest.forget(file.name)
                continue
            }
            manifest.record(file.name, hash: hash)
        }
        try manifest.write(in: directory)
    }

    /// Stages 3 to 5 for editions that loaded: derive, export, commit.
    public func run(
        _ editions: [Edition], _ selection: ExportSelection, to destination: ExportDestination
    ) async throws(ExportFailure) -> [ExportedEdition] {
        let requests = editions.map { derive($0, for: selection) }
        return try commit(try await export(requests, selection, to: destination), to: destination)
    }

    /// Removes every staged file of `batch`, for a caller that decides not to commit it.
    public func discard(_ batch: ExportBatch) {
        for case .success(let edition) in batch.editions { edition.formats.forEach(discard) }
    }

    /// Removes the staged files of a format that is not wanted.
    private func discard(_ format: ExportedFormat) {
        for file in format.files {
            guard case .temporaryFile(let path) = file.content else { continue }
            unlink(path)
            temporaryFileObserver?(path, false)
        }
    }

    /// Runs `work` for 0..<count at once in a task group and gives the results in index order.
    private func inOrder<Value: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> Value) async -> [Value] {
        await withTaskGroup(of: (Int, Value).self) { group in
            for index in 0..<count {
                group.addTask { (index, work(index)) }
            }
            var values = [Value?](repeating: nil, count: count)
            for await (index, value) in group { values[index] = value }
            // Every index was filled: the group ran a task for each.
            return values.map { $0! }
        }
    }
}
