import Foundation
import JuryReportCore
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a workbook (`.xlsx`) as a spreadsheet program saved it — Excel, LibreOffice,
/// openpyxl or libxlsxwriter: shared and inline strings, numbers, numbers stored as text,
/// booleans, formulas' cached results, custom document properties — into a `FilledForm` (of JuryReportCore).
/// The zip container is ZIPFoundation's, the XML Foundation's parser.
public struct WorkbookReader: Sendable {
    /// A part larger than this, unpacked, is refused: a form is far smaller, a zip bomb not.
    public var maximumPartSize: Int64 = 256 * 1024 * 1024

    public init() {}

    /// Why a file could not be read as a workbook.
    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        /// The file is missing or unreadable (exit 66), not a workbook that is wrong (65).
        public var isMissing = false
        public var description: String { "\(file): error: \(message)" }
    }

    /// The workbook at `path`; `name` is how messages call it.
    public func read(_ path: String, name: String? = nil) throws(Failure) -> FilledForm {
        let name = name ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Failure(file: name, message: isDirectory.boolValue ? "is a directory, not a workbook" : "no such file", isMissing: true)
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Failure(file: name, message: "is not a workbook (.xlsx): it is not a zip container")
        }
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= maximumPartSize else {
                throw Failure(file: name, message: "its part \(path) unpacks to more than \(maximumPartSize / 1_048_576) MiB")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { data.append($0) }
            } catch {
                throw Failure(file: name, message: "its part \(path) cannot be unpacked (\(error))")
            }
            return data
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw Failure(file: name, message: "is not a workbook (.xlsx): it has no xl/workbook.xml")
        }
        let sheets = parsed(workbookXML, by: SheetListParser()).sheets
        let relationships = try part("xl/_rels/workbook.xml.rels").map { parsed($0, by: RelationshipParser()).targets } ?? [:]
        let strings = try part("xl/sharedStrings.xml").map { parsed($0, by: SharedStringParser()).strings } ?? []
        let properties = try part("docProps/custom.xml").map { parsed($0, by: CustomPropertyParser()).properties } ?? [:]
        var read: [FilledForm.Sheet] = []
        for sheet in sheets {
            guard let target = relationships[sheet.relationship] else { continue }
            // Targets are relative to xl/, or absolute from the package's root.
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try part(path) else { continue }
            read.append(FilledForm.Sheet(name: sheet.name, cells: parsed(xml, by: CellParser(sharedStrings: strings)).cells))
        }
        return FilledForm(file: name, properties: properties, sheets: read)
    }
}

/// `_xHHHH_` escapes of OOXML strings decoded, `_x005F_` first of all.
enum OOXMLText {
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }
}

/// The sheets of `xl/workbook.xml`, in order: name and relationship id.
private final class SheetListParser: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String)] = []

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard element == "sheet" || element.hasSuffix(":sheet"), let name = attributes["name"] else { return }
        let relationship = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append((name, relationship))
    }
}

/// Relationship id → target, from `xl/_rels/workbook.xml.rels`.
private final class RelationshipParser: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element.hasSuffix("Relationship"), let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// The shared strings, each `<si>` the text of its `<t>` elements (rich runs joined, the
/// phonetic runs `<rPh>` left out).
private final class SharedStringParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(element) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(element) {
        case "si": strings.append(OOXMLText.decode(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// The custom document properties of `docProps/custom.xml`: name → text.
private final class CustomPropertyParser: NSObject, XMLParserDelegate {
    var properties: [String: String] = [:]
    private var name: String?
    private var value = ""
    private var inValue = false

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if local(element) == "property" {
            name = attributes["name"]
            value = ""
        } else if name != nil {
            inValue = true
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if local(element) == "property" {
            if let name { properties[name] = value }
            name = nil
        }
        inValue = false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }
}

/// The non-empty cells of a worksheet's XML, with their values as saved.
private final class CellParser: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    var cells: [FilledForm.Cell] = []
    private var row = 0
    private var column = 0
    private var type = "n"
    private var text = ""
    private var inValue = false
    private var inInlineText = false
    private var value: String?
    private var inline: String?

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(element) {
        case "row":
            // Rows without `r` follow the one before.
            row = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? row + 1
            column = -1
        case "c":
            if let reference = attributes["r"], let (cellRow, cellColumn) = Self.position(reference) {
                row = cellRow
                column = cellColumn
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            value = nil
            inline = nil
        case "v":
            inValue = true
            text = ""
        case "t":
            inInlineText = true
            if inline == nil { inline = "" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(element) {
        case "v":
            inValue = false
            value = text
        case "t":
            inInlineText = false
        case "c":
            if let cellValue = resolved() { cells.append(FilledForm.Cell(row: row, column: column, value: cellValue)) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue {
            text += string
        } else if inInlineText {
            inline? += string
        }
    }

    private func resolved() -> FilledForm.Value? {
        switch type {
        case "s":
            guard let value, let index = Int(value), index >= 0, index < sharedStrings.count else { return nil }
            return .text(sharedStrings[index])
        case "inlineStr":
            return inline.map { .text(OOXMLText.decode($0)) }
        case "str":
            return value.map { .text(OOXMLText.decode($0)) }
        case "b":
            return value.map { .boolean($0 == "1" || $0.lowercased() == "true") }
        case "e":
            return value.map(FilledForm.Value.error)
        default:
            guard let value, !value.isEmpty else { return nil }
            return Double(value).map(FilledForm.Value.number) ?? .text(value)
        }
    }

    /// `D7` → (6, 3).
    static func position(_ reference: String) -> (Int, Int)? {
        var column = 0
        var digits = Substring(reference)
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            column = column * 26 + Int(scalar.value - 64)
            digits = digits.dropFirst()
        }
        guard column > 0, let row = Int(digits), row > 0 else { return nil }
        return (row - 1, column - 1)
    }
}

/// `delegate` after Foundation's XML parser has run it over `data`.
private func parsed<Delegate: XMLParserDelegate>(_ data: Data, by delegate: Delegate) -> Delegate {
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    _ = parser.parse()
    return delegate
}

/// An element's name without its namespace prefix.
private func local(_ element: String) -> String {
    element.split(separator: ":").last.map(String.init) ?? element
}
