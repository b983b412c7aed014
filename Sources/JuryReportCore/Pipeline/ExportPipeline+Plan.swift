/// What an export would write and read, without writing: the build job's contract
/// (`--list-outputs`, `--depfile`).
extension ExportPipeline {
    /// The names of the files an export of `requests` in `selection` writes, edition by
    /// edition, format after format, as ``export(_:_:to:archives:)`` would name them. An exporter that
    /// cannot say in advance (``Exporter/files(for:)-(ExportRequest)`` nil, such as a plugin
    /// that does not describe itself) is run into memory to learn its names.
    /// The award archives follow, one list per archive (see ``export(_:_:to:archives:)``).
    public func plannedFiles(
        _ requests: [ExportRequest], _ selection: ExportSelection, archives: Bool = false
    ) async throws(ExportFailure) -> [[String]] {
        var names = [[String]](repeating: [], count: requests.count)
        var unknown: [(edition: Int, exporter: any Exporter)] = []
        for (index, request) in requests.enumerated() {
            for exporter in selection.exporters {
                let files: [PlannedFile]?
                do {
                    files = try exporter.files(for: request)
                } catch {
                    throw ExportFailure(baseName: request.baseName, format: exporter.format.name, error: error)
                }
                if let files {
                    names[index] += files.map { request.baseName + $0.suffix }
                } else {
                    unknown.append((index, exporter))
                }
            }
        }
        for (edition, exporter) in unknown {
            let single = ExportSelection.unchecked(exporters: [exporter], options: selection.options)
            let batch = try await export([requests[edition]], single, to: .memory)
            for result in batch.editions {
                names[edition] += try result.get().files.map(\.name)
            }
        }
        let archivers = selection.exporters.compactMap { $0 as? any ArchiveExporter }
        for request in archiveRequests(requests, reportFiles: names, selection, always: archives) where !archivers.isEmpty {
            let baseName = request.archive.baseName
            var files: [String] = []
            for archiver in archivers {
                do {
                    files += try archiver.archiveFiles(for: request).map { baseName + $0.suffix }
                } catch {
                    throw ExportFailure(baseName: baseName, format: archiver.format.name, error: error)
                }
            }
            names.append(files)
        }
        return names
    }
}
