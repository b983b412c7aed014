import ArgumentParser
import BundledEdition
import Foundation
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

    /// The paths as given, each directory replaced by the edition files in it (`.yaml`,
    /// `.yml`, `.json`, not its subdirectories), in name order. A directory without one is an
    /// input error (66).
    static func expanded(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
                !name.hasPrefix(".") && ["yaml", "yml", "json"].contains((name as NSString).pathExtension.lowercased())
            }.sorted()
            guard !names.isEmpty else {
                Console.error("\(path): error: a directory without edition files (.yaml, .yml or .json)")
                throw ExitStatus.missingInput
            }
            files += names.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Loads every edition at once, each result with its path, in order; prints the
    /// diagnostics of every file that fails, and gives the exit code of the worst failure
    /// (0 when none failed).
    static func loadEach(_ paths: [String], with pipeline: ExportPipeline) async
        -> (results: [(path: String, edition: Edition?)], worst: Int32)
    {
        var results: [(path: String, edition: Edition?)] = []
        var worst: Int32 = 0
        for (index, result) in await pipeline.load(inputs(paths)).enumerated() {
            let path = paths.isEmpty ? bundledName : paths[index]
            switch result {
            case .success(let edition):
                results.append((path, edition))
            case .failure(.invalid(let error)):
                error.diagnostics.forEach { Console.error($0.description) }
                worst = worse(worst, ExitStatus.invalidEdition.rawValue)
                results.append((path, nil))
            case .failure(.unreadable(let error)):
                Console.error(error.description)
                worst = worse(worst, error.kind == .unknownExtension ? ExitStatus.usage.rawValue : ExitStatus.missingInput.rawValue)
                results.append((path, nil))
            }
        }
        return (results, worst)
    }

    /// Loads every edition at once (directories expanded); throws the exit code of the
    /// worst failure, after every file's diagnostics.
    static func load(_ arguments: [String], with pipeline: ExportPipeline) async throws -> [Edition] {
        let paths = try expanded(arguments)
        let (results, worst) = await loadEach(paths, with: pipeline)
        if worst != 0 { throw ExitCode(worst) }
        let editions = results.compactMap(\.edition)
        try refuseSharedNames(editions, results.map(\.path))
        return editions
    }

    /// Two editions of one award and year would write the same files and stand twice in the
    /// award's archive: refused before any is written, naming both files (an invalid input, 65).
    private static func refuseSharedNames(_ editions: [Edition], _ paths: [String]) throws {
        var first: [String: String] = [:]
        for (edition, path) in zip(editions, paths) {
            if let earlier = first[edition.baseName] {
                Console.error(
                    "\(path): error: the same award and year as \(earlier) ('\(edition.baseName)': the same award.slug and "
                        + "edition.year): they would write the same files and stand twice in the award's archive")
                throw ExitStatus.invalidEdition
            }
            first[edition.baseName] = path
        }
    }

    /// The files a run on `arguments` reads, which none of its outputs may replace: each
    /// edition file (directories expanded) and the scores and remarks files and logo it names.
    static func inputFiles(_ arguments: [String], _ editions: [Edition]) -> ProtectedInputs {
        var inputs = ProtectedInputs()
        for path in readPaths(arguments, editions).joined() { inputs.add(path) }
        return inputs
    }

    /// Per edition, the files its export reads: the edition file, then its scores and
    /// remarks tables and its logo, each as a path from the current directory (as the edition
    /// names them, joined to its folder). None for the bundled edition, which is built in.
    static func readPaths(_ arguments: [String], _ editions: [Edition]) -> [[String]] {
        let paths = (try? expanded(arguments)) ?? arguments
        return zip(paths, editions).map { path, edition in
            let folder = (path as NSString).deletingLastPathComponent
            return [path] + [edition.scoresFile?.path, edition.remarksFile?.path, edition.branding.logo?.path].compactMap { $0 }.map { named in
                named.hasPrefix("/") || folder.isEmpty ? named : (folder as NSString).appendingPathComponent(named)
            }
        }
    }

    /// Of two exit codes, the one to report: usage before input before invalid data.
    private static func worse(_ a: Int32, _ b: Int32) -> Int32 {
        for code: Int32 in [64, 66, 65] where a == code || b == code { return code }
        return max(a, b)
    }
}
