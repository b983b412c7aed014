import ArgumentParser
import BundledEdition
import Foundation
import JuryReportCore

/// Loads the editions a command names, or the bundled one, and turns load failures into
/// diagnostics and exit codes.
struct EditionSource {
    var loader = EditionLoader()

    init(timings: Bool = false) {
        if timings { loader.phaseTimer = { Console.error("timing: \($0) \($1)") } }
    }

    /// The name the bundled edition goes by in messages.
    static let bundledName = "(bundled) " + BundledEdition.fileName

    /// Loads every path (the bundled edition when `paths` is empty), several at once on every
    /// core. Prints the diagnostics of every file that fails, in the order of `paths`, then
    /// throws the exit code of the worst failure.
    func loadAll(_ paths: [String]) throws -> [Edition] {
        if paths.isEmpty {
            return [try report { try loader.load(bytes: BundledEdition.bytes, syntax: .yaml, name: Self.bundledName) }]
        }
        let results = LoadResults(count: paths.count)
        let fileLoader = loader
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result = Result { try fileLoader.load(contentsOf: URL(fileURLWithPath: paths[index]), name: paths[index]) }
            results.store(result, at: index)
        }
        var editions: [Edition] = []
        var worst: Int32 = 0
        for result in results.all {
            do {
                editions.append(try report { try result.get() })
            } catch let code as ExitCode {
                worst = Self.worse(worst, code.rawValue)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
        return editions
    }

    private func report(_ load: () throws -> Edition) throws -> Edition {
        do {
            return try load()
        } catch let error as EditionError {
            error.diagnostics.forEach { Console.error($0.description) }
            throw ExitStatus.invalidEdition
        } catch let error as EditionInputError {
            Console.error(error.description)
            throw error.kind == .unknownExtension ? ExitStatus.usage : ExitStatus.missingInput
        }
    }

    /// Of two exit codes, the one to report: usage before input before invalid data.
    private static func worse(_ a: Int32, _ b: Int32) -> Int32 {
        let order: [Int32] = [64, 66, 65]
        for code in order where a == code || b == code { return code }
        return max(a, b)
    }
}

/// The outcome of each load, filled in by concurrent loads.
private final class LoadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Edition, any Error>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<Edition, any Error>, at index: Int) {
        lock.withLock { results[index] = result }
    }

    /// Every outcome, in the order of the paths; call after the loads finished.
    var all: [Result<Edition, any Error>] { lock.withLock { results.compactMap { $0 } } }
}
