import Foundation
import JuryReportCore

// The parts of a workbook's XML the reader takes in, each read as events (XMLEventReader):
// the sheet list, relationships, shared strings, custom properties and cells.

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
final class SheetListParser: XMLEventHandler {
    var sheets: [(name: String, relationship: String)] = []

    func start(_ element: String, attributes: [String: String]) -> Bool {
        guard element == "sheet" || element.hasSuffix(":sheet"), let name = attributes["name"] else { return true }
        // The relationship's attribute by its prefix, the one a file names first when it has several.
        let relationship = attributes.filter { $0.key == "r:id" || $0.key.hasSuffix(":id") }.min { $0.key < $1.key }?.value ?? ""
        sheets.append((name, relationship))
        return true
    }
}

/// Relationship id → target, from `xl/_rels/workbook.xml.rels`.
final class RelationshipParser: XMLEventHandler {
    var targets: [String: String] = [:]

    func start(_ element: String, attributes: [String: String]) -> Bool {
        if element.hasSuffix("Relationship"), let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
        return true
    }
}

/// The shared strings, each `<si>` the text of its `<t>` elements (rich runs joined, the
/// phonetic runs `<rPh>` left out).
final class SharedStringParser: XMLEventHandler {
    let limit: Int
    var strings: [String] = []
    /// More strings than the limit: parsing stopped there.
    var isOverLimit = false
    private var current = ""

    init(limit: Int) {
        self.limit = limit
    }
    private var inText = false
    private var inPhonetic = false

    func start(_ element: String, attributes: [String: String]) -> Bool {
        switch local(element) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
        return true
    }

    func end(_ element: String) -> Bool {
        switch local(element) {
        case "si":
            guard strings.count < limit else {
                isOverLimit = true
                return false
            }
            strings.append(OOXMLText.decode(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
        return true
    }

    func characters(_ text: String) -> Bool {
        if inText { current += text }
        return true
    }
}

/// The custom document properties of `docProps/custom.xml`: name → text.
final class CustomPropertyParser: XMLEventHandler {
    var properties: [String: String] = [:]
    private var name: String?
    private var value = ""
    private var inValue = false

    func start(_ element: String, attributes: [String: String]) -> Bool {
        if local(element) == "property" {
            name = attributes["name"]
            value = ""
        } else if name != nil {
            inValue = true
        }
        return true
    }

    func end(_ element: String) -> Bool {
        if local(element) == "property" {
            if let name { properties[name] = value }
            name = nil
        }
        inValue = false
        return true
    }

    func characters(_ text: String) -> Bool {
        if inValue { value += text }
        return true
    }
}

/// The non-empty cells of a worksheet's XML, with their values as saved; parsing stops at
/// the first ``fault``: a reference outside the limits, a cell twice, too many cells.
final class CellParser: XMLEventHandler {
    let sharedStrings: [String]
    let limits: WorkbookLimits
    let cellsBefore: Int
    var cells: [FilledForm.Cell] = []
    /// What made the sheet unreadable, and where (0-based), if anywhere.
    var fault: (message: String, cell: (row: Int, column: Int)?)?
    private var seen = Set<Int>()
    private var row = -1
    private var column = 0
    private var type = "n"
    private var text = ""
    private var inValue = false
    private var inInlineText = false
    private var value: String?
    private var inline: String?

    init(sharedStrings: [String], limits: WorkbookLimits, cellsBefore: Int) {
        self.sharedStrings = sharedStrings
        self.limits = limits
        self.cellsBefore = cellsBefore
    }

    /// Records the fault; false, to stop the reading.
    private func stop(_ message: String, at cell: (row: Int, column: Int)? = nil) -> Bool {
        if fault == nil { fault = (message, cell) }
        return false
    }

    func start(_ element: String, attributes: [String: String]) -> Bool {
        guard fault == nil else { return false }
        switch local(element) {
        case "row":
            // Rows without `r` follow the one before.
            if let reference = attributes["r"] {
                guard let number = Int(reference), number >= 1, number <= WorkbookLimits.worksheet.rows else {
                    return stop("the row number \(DisplayText.quoted(reference, limit: 40)) is outside a worksheet")
                }
                row = number - 1
            } else {
                row += 1
            }
            column = -1
        case "c":
            if let reference = attributes["r"] {
                guard let (cellRow, cellColumn) = Self.position(reference) else {
                    return stop("the cell reference \(DisplayText.quoted(reference, limit: 40)) is outside a worksheet")
                }
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
        return true
    }

    func end(_ element: String) -> Bool {
        guard fault == nil else { return false }
        switch local(element) {
        case "v":
            inValue = false
            value = text
        case "t":
            inInlineText = false
        case "c":
            guard let cellValue = resolved() else { return true }
            let place = (row: max(row, 0), column: max(column, 0))
            guard row < limits.rows, column < limits.columns else {
                return stop("a value outside the form (a form has at most \(limits.rows) rows and \(limits.columns) columns)", at: place)
            }
            guard seen.insert(row * limits.columns + column).inserted else {
                return stop("the cell is there twice; the file was tampered with", at: place)
            }
            guard cellsBefore + cells.count < limits.cells else {
                return stop("more than \(limits.cells) filled cells; a form has far fewer", at: place)
            }
            cells.append(FilledForm.Cell(row: row, column: column, value: cellValue))
        default: break
        }
        return true
    }

    func characters(_ string: String) -> Bool {
        if inValue {
            text += string
        } else if inInlineText {
            inline? += string
        }
        return true
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

    /// `D7` → (6, 3); nil for anything outside a worksheet (`XFD1048576`), whatever its
    /// length: at most three letters and seven digits are read.
    static func position(_ reference: String) -> (Int, Int)? {
        let scalars = Array(reference.unicodeScalars)
        let letters = scalars.prefix { ("A"..."Z").contains($0) }
        let digits = scalars.dropFirst(letters.count)
        guard (1...3).contains(letters.count), (1...7).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }) else {
            return nil
        }
        let column = letters.reduce(0) { $0 * 26 + Int($1.value - 64) }
        let row = digits.reduce(0) { $0 * 10 + Int($1.value - 48) }
        guard column <= WorkbookLimits.worksheet.columns, row >= 1, row <= WorkbookLimits.worksheet.rows else { return nil }
        return (row - 1, column - 1)
    }
}

/// An element's name without its namespace prefix.
func local(_ element: String) -> String {
    element.split(separator: ":").last.map(String.init) ?? element
}
