import ArgumentParser

/// The exit codes of the contract (sysexits.h numbers).
enum ExitStatus {
    static let failure = ExitCode(1)
    static let usage = ExitCode(64)
    static let invalidEdition = ExitCode(65)
    static let missingInput = ExitCode(66)
    static let cannotWrite = ExitCode(73)
}
