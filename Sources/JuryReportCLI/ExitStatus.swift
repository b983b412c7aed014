import ArgumentParser
import JuryReportCore

/// The exit codes of the contract (sysexits.h numbers).
enum ExitStatus {
    static let failure = ExitCode(1)
    static let usage = ExitCode(64)
    static let invalidEdition = ExitCode(65)
    static let missingInput = ExitCode(66)
    static let cannotWrite = ExitCode(73)
}

extension ExitStatus {
    /// Runs a stage of the pipeline, reporting its failure on stderr and exiting with the
    /// code of its kind: 64 for an option, 73 for output, 1 for an exporter.
    static func mapping<T>(_ stage: () async throws -> T) async throws -> T {
        do {
            return try await stage()
        } catch let error as ExportFailure {
            switch error.kind {
            case .option(let option): throw ValidationError(option.message)
            case .output(let output): Console.error(error.description); throw code(of: output)
            case .input(let input): Console.error(error.description); throw input.isMissing ? missingInput : invalidEdition
            case .exporter: Console.error(error.description); throw failure
            }
        }
    }

    /// 64 for an output that would replace an input, else 73.
    static func code(of error: OutputError) -> ExitCode {
        error.kind == .replacesInput ? usage : cannotWrite
    }

    /// Runs an option's check, failing as a usage error.
    static func usage<T>(_ check: () throws -> T) throws -> T {
        do {
            return try check()
        } catch let error as ExportOptionError {
            throw ValidationError(error.message)
        }
    }
}
