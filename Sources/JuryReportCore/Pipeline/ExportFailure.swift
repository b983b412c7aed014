/// An export that failed, with the edition and format it failed in.
public struct ExportFailure: Error, Sendable, CustomStringConvertible {
    /// What kind of failure, which decides the exit code.
    public enum Kind: Sendable {
        /// A file could not be written (exit 73).
        case output(OutputError)
        /// An `--option` the format does not take (a usage error, exit 64).
        case option(ExportOptionError)
        /// A file an option names could not be used (exit 65, or 66 when it is missing).
        case input(InputFileError)
        /// The exporter itself failed (exit 1).
        case exporter(any Error)
    }

    /// `<slug>-<year>` of the edition.
    public let baseName: String
    /// The format, when one format failed.
    public let format: String?
    public let kind: Kind

    public init(baseName: String, format: String?, kind: Kind) {
        self.baseName = baseName
        self.format = format
        self.kind = kind
    }

    init(baseName: String, format: String?, error: any Error) {
        switch error {
        case let error as OutputError: self.init(baseName: baseName, format: format, kind: .output(error))
        case let error as ExportOptionError: self.init(baseName: baseName, format: format, kind: .option(error))
        case let error as InputFileError: self.init(baseName: baseName, format: format, kind: .input(error))
        case let error as ExportFailure: self = error
        default: self.init(baseName: baseName, format: format, kind: .exporter(error))
        }
    }

    /// `PATH: error: REASON` for an output fault, else `BASENAME: error: MESSAGE`.
    public var description: String {
        switch kind {
        case .output(let error): return error.description
        case .input(let error): return error.description
        case .option(let error): return "\(baseName): error: \(error.message)"
        case .exporter(let error): return "\(baseName): error: \(error)"
        }
    }
}
