import Foundation

/// Readers that are not our code: Python's csv module, openpyxl and LibreOffice.
public enum IndependentReaders {
    static let scripts = Paths.packageRoot.appendingPathComponent("Tests/TestSupport/Readers")

    /// Whether python3 can import `module`.
    public static func hasPython(_ module: String) -> Bool {
        (try? ProcessRunner.run(tool: "python3", ["-c", "import \(module)"]).status) == 0
    }

    /// Runs a reader script and decodes the JSON it prints.
    public static func run<T: Decodable>(_ script: String, _ arguments: [String], as type: T.Type) throws -> T {
        try (["read_xlsx.py", "fill_form.py"].contains(script) ? Tool.openpyxl : script == "read_docx.py" ? Tool.pythonDocx : Tool.python3).require()
        let result = try ProcessRunner.run(tool: "python3", [scripts.appendingPathComponent(script).path] + arguments)
        guard result.status == 0 else { throw ReaderError(message: "\(script) failed: \(result.standardError)") }
        return try JSONDecoder().decode(T.self, from: Data(result.standardOutput))
    }

    /// Runs a script of `Readers/` that writes a file and prints nothing (a template to read).
    public static func runScript(_ script: String, _ arguments: [String]) throws {
        try Tool.python3.require()
        let result = try ProcessRunner.run(tool: "python3", [scripts.appendingPathComponent(script).path] + arguments)
        guard result.status == 0 else { throw ReaderError(message: "\(script) failed: \(result.standardError)") }
    }

    public struct CSVFile: Decodable {
        public var bom: Bool
        public var rows: [[String]]
        public var crlf: Bool
    }

    /// A CSV file as Python's csv module reads it; `strict: false` reads any bytes, as a
    /// spreadsheet opening a file with another separator does.
    public static func csv(_ file: URL, delimiter: String = ",", strict: Bool = true) throws -> CSVFile {
        try run("read_csv.py", [file.path, delimiter] + (strict ? [] : ["lenient"]), as: CSVFile.self)
    }

    /// One cell as openpyxl reads it.
    public struct Cell: Decodable, Equatable, CustomStringConvertible {
        public var value: JSONValue
        /// openpyxl's type: `s` string, `n` number, `b` boolean, `f` formula, `d` date.
        public var type: String

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            value = try JSONValue(tagged: &container)
            type = try container.decode(String.self)
        }

        public var description: String { "\(value)(\(type))" }
    }

    public struct Workbook: Decodable {
        public var sheets: [String: [[Cell]]]
        public var order: [String]
        public var details: [String: SheetDetails]
        public var charts: [Chart]
        public var properties: Properties
        /// Workbook-wide names and what they stand for.
        public var definedNames: [String: String] = [:]

        /// The cells of a sheet, by row then column (0-based, the header is row 0).
        public func sheet(_ name: String) -> [[Cell]] { sheets[name] ?? [] }
    }

    public struct SheetDetails: Decodable {
        public var freeze: String?
        public var widths: [String: Double]
        public var tables: [String: Table]
        public var autofilter: String?
        public var conditional: [[JSONList]]
        public var fills: [String: String]
        public var bold: [String]
        public var wrapped: [String]
        /// Row heights set, by 1-based row number.
        public var heights: [String: Double]
        public var hiddenRows: [Int]
        public var hiddenColumns: [String]
        public var protected: Bool
        /// Whether the sheet is hidden (a state other than visible).
        public var hidden: Bool
        public var comments: [String: String]
        /// Cells left editable on a protected sheet.
        public var unlocked: [String]
        public var repeatColumns: String?
        public var fitToWidth: Int?
        /// The print titles' rows (`$1:$3`), orientation, and scale in percent.
        public var repeatRows: String?
        public var orientation: String?
        public var scale: Int?
        /// Merged ranges (`C1:E1`), sorted.
        public var merged: [String]
        /// The horizontal alignment of the cells that set one, by cell.
        public var horizontal: [String: String]
    }

    public struct Table: Decodable {
        public var ref: String
        public var style: String?
        public var columns: [String]
        public var autofilter: Bool
    }

    public struct Chart: Decodable {
        public var kind: String?
        public var direction: String?
        public var categories: [String]
        public var values: [String]
        public var title: [String]
        /// The series' colours (`66A066`).
        public var fills: [String]
        /// The data labels: whether values are shown, their number format and position.
        public var labels: [DataLabels]
    }

    public struct DataLabels: Decodable {
        public var value: Bool
        public var format: String?
        public var position: String?
    }

    public struct Properties: Decodable {
        public var title: String?
        public var creator: String?
        public var subject: String?
        public var company: String?
        public var created: String?
    }

    /// A workbook as openpyxl reads it; `values` gives formulas' cached results instead.
    public static func xlsx(_ file: URL, values: Bool = false) throws -> Workbook {
        try run("read_xlsx.py", [file.path] + (values ? ["--values"] : []), as: Workbook.self)
    }

    /// Opens `file` in headless LibreOffice with a profile that recalculates every formula
    /// on load (OOXMLRecalcMode 0), and saves it again as xlsx: its cached results are then
    /// LibreOffice's own.
    public static func libreOfficeRecalculate(_ file: URL, in directory: URL) throws -> URL {
        try writeRecalculatingProfile(directory.appendingPathComponent("lo-profile"))
        return try libreOfficeConvert(file, to: "xlsx", in: directory)
    }

    /// Converts `file` with headless LibreOffice (`--convert-to`), with a profile of its own
    /// in `directory`; `filter` is an import filter such as `CSV:59,34,76,1`.
    public static func libreOfficeConvert(_ file: URL, to format: String, filter: String? = nil, in directory: URL) throws -> URL {
        try Tool.libreOffice.require()
        let profile = directory.appendingPathComponent("lo-profile")
        var arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless"]
        if let filter { arguments.append("--infilter=\(filter)") }
        arguments += ["--convert-to", format, "--outdir", directory.appendingPathComponent("converted").path, file.path]
        let result = try ProcessRunner.run(tool: "soffice", arguments)
        // One sheet exported as CSV is named `<name>-<sheet>.csv`.
        let converted = directory.appendingPathComponent("converted")
        let stem = file.deletingPathExtension().lastPathComponent
        let suffix = "." + format.split(separator: ":")[0]
        let name = (try? FileManager.default.contentsOfDirectory(atPath: converted.path))?
            .first { $0.hasPrefix(stem) && $0.hasSuffix(suffix) }
        let output = converted.appendingPathComponent(name ?? stem + suffix)
        guard result.status == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw ReaderError(message: "soffice failed: \(result.output) \(result.standardError)")
        }
        return output
    }
}

/// A list of JSON values of mixed kinds.
public enum JSONList: Decodable, Equatable {
    case text(String)
    case list([String])

    /// Read from `[kind, value]`, the kind first: decoding never tries a type and fails
    /// (a thrown and caught error costs a backtrace in Swift Testing, and its capture has
    /// crashed the test process under load).
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(String.self) {
        case "text": self = .text(try container.decode(String.self))
        default: self = .list(try container.decode([String].self))
        }
    }
}

/// A JSON value, for what the readers print.
public enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)

    /// Read from `kind, value` in `container`, the kind first (see ``JSONList``).
    init(tagged container: inout any UnkeyedDecodingContainer) throws {
        switch try container.decode(String.self) {
        case "null":
            _ = try container.decodeNil()
            self = .null
        case "bool": self = .bool(try container.decode(Bool.self))
        case "number": self = .number(try container.decode(Double.self))
        default: self = .string(try container.decode(String.self))
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

extension IndependentReaders {
    /// Saves every one of `files` again with headless LibreOffice in one run, as a juror's
    /// program would (its own shared strings, styles and XML), recalculating every formula
    /// on load; the copies are in `directory/resaved`, under the same names.
    public static func libreOfficeResave(_ files: [URL], in directory: URL) throws -> [URL] {
        try Tool.libreOffice.require()
        let profile = directory.appendingPathComponent("lo-resave-profile")
        try writeRecalculatingProfile(profile)
        let out = directory.appendingPathComponent("resaved")
        let result = try ProcessRunner.run(
            tool: "soffice",
            ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "xlsx", "--outdir", out.path] + files.map(\.path))
        let saved = files.map { out.appendingPathComponent($0.lastPathComponent) }
        guard result.status == 0, saved.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ReaderError(message: "soffice failed: \(result.output) \(result.standardError)")
        }
        return saved
    }

    /// A Word document's text as LibreOffice Writer reads it (`--convert-to txt`).
    public static func libreOfficeWriterText(_ file: URL, in directory: URL) throws -> String {
        try Tool.libreOfficeWriter.require()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let converted = try libreOfficeConvert(file, to: "txt:Text (encoded):UTF8", in: directory)
        return try String(contentsOf: converted, encoding: .utf8)
    }

    /// `files` printed to PDF by headless LibreOffice in one run, each PDF by its workbook.
    public static func libreOfficePDF(_ files: [URL], in directory: URL) throws -> [URL: URL] {
        try Tool.libreOffice.require()
        let profile = directory.appendingPathComponent("lo-pdf-profile")
        let out = directory.appendingPathComponent("printed")
        let result = try ProcessRunner.run(
            tool: "soffice",
            ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf", "--outdir", out.path] + files.map(\.path))
        let pdfs = Dictionary(uniqueKeysWithValues: files.map {
            ($0, out.appendingPathComponent($0.deletingPathExtension().lastPathComponent + ".pdf"))
        })
        guard result.status == 0, pdfs.values.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ReaderError(message: "soffice failed: \(result.output) \(result.standardError)")
        }
        return pdfs
    }

    /// A LibreOffice profile at `profile` that recalculates every formula on load
    /// (OOXMLRecalcMode and ODFRecalcMode 0).
    static func writeRecalculatingProfile(_ profile: URL) throws {
        let user = profile.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        let settings = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """
        try Data(settings.utf8).write(to: user.appendingPathComponent("registrymodifications.xcu"))
    }

    /// What `fill_form.py` saw of a form while it filled it in.
    public struct FilledFormReport: Decodable {
        public struct Validation: Decodable {
            public var type: String?
            public var `operator`: String?
            public var min: String?
            public var max: String?
            public var ranges: String
        }

        public var validations: [Validation]
        public var protected: Bool
        public var password: String?
        public var properties: [String: String]
        /// Whether each cell written (and each formula or recused cell) is locked.
        public var locked: [String: Bool]
    }

    /// Fills the form at `form` with openpyxl, by its hidden ids, and saves it at `output`.
    /// `scores` maps nominee id → criterion id → a number or a text; `edits` is what else the
    /// juror did (see `fill_form.py`).
    public static func fillForm(_ form: URL, to output: URL, scores: [String: [String: Any]], edits: [String: Any] = [:]) throws
        -> FilledFormReport
    {
        let scoresJSON = String(decoding: try JSONSerialization.data(withJSONObject: scores, options: [.sortedKeys]), as: UTF8.self)
        let editsJSON = String(decoding: try JSONSerialization.data(withJSONObject: edits, options: [.sortedKeys]), as: UTF8.self)
        return try run("fill_form.py", [form.path, output.path, scoresJSON, editsJSON], as: FilledFormReport.self)
    }
}
