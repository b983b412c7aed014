/// A selection of formats and options that cannot run: a usage error, before any file is read.
public enum ExportSetupError: Error, Sendable, CustomStringConvertible {
    case unknownFormat(RegistryError)
    case option(ExportOptionError)

    public var description: String {
        switch self {
        case .unknownFormat(let error): return error.message
        case .option(let error): return error.message
        }
    }
}
