import Foundation

/// Readers that are not our code: Python's csv module, openpyxl and LibreOffice.
public enum IndependentReaders {
    static let scripts = Paths.packageRoot.appendingPathComponent("Tests/TestSupport/Readers")

    /// Whether python3 can import `module`.
    public static func hasPython(_ module: String) -> Bool {
        (try? ProcessRunner.run(tool: "python3", ["-c", "import \(module)"]).status) == 0
    }

    public static var hasLibreOffice: Bool { ProcessRunner.isAvailable("soffice") }

    /// Runs a reader script and decodes the JSON it prints.
    public static func run<T: Decodable>(_ script: String, _ arguments: [String], as type: T.Type) throws -> T {
        let result = try ProcessRunner.run(tool: "python3", [scripts.appendingPathComponent(script).path] + arguments)
        guard result.status == 0 else { throw ReaderError(message: "\(script) failed: \(result.standardError)") }
        return try JSONDecoder().decode(T.self, from: Data(result.standardOutput))
    }

    public struct CSVFile: Decodable {
        public var bom: Bool
        public var rows: [[String]]
        public var crlf: Bool
    }

    /// A CSV file as Python's csv module reads it.
    public static func csv(_ file: URL, delimiter: String = ",") throws -> CSVFile {
        try run("read_csv.py", [file.path, delimiter], as: CSVFile.self)
    }

    /// One cell as openpyxl reads it.
    public struct Cell: Decodable, Equatable, CustomStringConvertible {
        public var value: JSONValue
        /// openpyxl's type: `s` string, `n` number, `b` boolean, `f` formula, `d` date.
        public var type: String

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            value = try container.decode(JSONValue.self)
            type = try container.decode(String.self)
        }

        public var description: String { "\(value)(\(type))" }
    }

    public struct Workbook: Decodable {
        public var sheets: [String: [[Cell]]]
        public var order: [String]
    }

    /// A workbook as openpyxl reads it.
    public static func xlsx(_ file: URL) throws -> Workbook {
        try run("read_xlsx.py", [file.path], as: Workbook.self)
    }

    /// Converts `file` with headless LibreOffice (`--convert-to`), with a profile of its own
    /// in `directory`; `filter` is an import filter such as `CSV:59,34,76,1`.
    public static func libreOfficeConvert(_ file: URL, to format: String, filter: String? = nil, in directory: URL) throws -> URL {
        let profile = directory.appendingPathComponent("lo-profile")
        var arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless"]
        if let filter { arguments.append("--infilter=\(filter)") }
        arguments += ["--convert-to", format, "--outdir", directory.appendingPathComponent("converted").path, file.path]
        let result = try ProcessRunner.run(tool: "soffice", arguments)
        let output = directory.appendingPathComponent("converted")
            .appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + format.split(separator: ":")[0])
        guard result.status == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw ReaderError(message: "soffice failed: \(result.output) \(result.standardError)")
        }
        return output
    }
}

/// A JSON value, for what the readers print.
public enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return value.debugDescription
        }
    }
}
