import ArgumentParser
import BundledEdition
import JuryReportCore

/// The editions a command names, or the bundled one, loaded through the pipeline; load
/// failures become diagnostics on stderr and exit codes.
enum EditionArguments {
    /// The name the bundled edition goes by in messages.
    static let bundledName = "(bundled) " + BundledEdition.fileName

    /// What the pipeline loads for `paths`: the bundled edition when there are none.
    static func inputs(_ paths: [String]) -> [EditionInput] {
        paths.isEmpty ? [.bytes(BundledEdition.bytes, syntax: .yaml, name: bundledName)] : paths.map { .file(path: $0) }
    }

    /// Loads every edition at once. Prints the diagnostics of every file that fails, in the
    /// order given, then throws the exit code of the worst failure.
    static func load(_ paths: [String], with pipeline: ExportPipeline) async throws -> [Edition] {
        var editions: [Edition] = []
        var worst: Int32 = 0
        for result in await pipeline.load(inputs(paths)) {
            switch result {
            case .success(let edition):
                editions.append(edition)
            case .failure(.invalid(let error)):
                error.diagnostics.forEach { Console.error($0.description) }
                worst = worse(worst, ExitStatus.invalidEdition.rawValue)
            case .failure(.unreadable(let error)):
                Console.error(error.description)
                worst = worse(worst, error.kind == .unknownExtension ? ExitStatus.usage.rawValue : ExitStatus.missingInput.rawValue)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
        try refuseSharedNames(editions, paths)
        return editions
    }

    /// Two editions of one award and year would write the same files: refused before any
    /// is written, naming both files (a usage error).
    private static func refuseSharedNames(_ editions: [Edition], _ paths: [String]) throws {
        var first: [String: String] = [:]
        for (edition, path) in zip(editions, paths) {
            if let earlier = first[edition.baseName] {
                Console.error(
                    "\(path): error: writes the same files as \(earlier) ('\(edition.baseName)': the same award.slug and "
                        + "edition.year); export them into different directories")
                throw ExitStatus.usage
            }
            first[edition.baseName] = path
        }
    }

    /// Of two exit codes, the one to report: usage before input before invalid data.
    private static func worse(_ a: Int32, _ b: Int32) -> Int32 {
        for code: Int32 in [64, 66, 65] where a == code || b == code { return code }
        return max(a, b)
    }
}
