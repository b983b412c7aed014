import Foundation
import JuryReportSource

/// Reads a CSV table an edition names (its `scoresFile`, its `remarksFile`), relative to the
/// edition file, within a size this edition can need, and tells where each row's fields
/// stand, so that a fault the validator finds in a row is reported as `TABLE:LINE:COLUMN`.
struct TableFileLoader {
    /// The folder the edition file is in.
    let directory: URL
    /// How messages name that folder: the one the user typed, "" for the current one.
    let shownDirectory: String
    /// A table that does not exist is empty, not a fault.
    var allowsMissing = false
    /// Tables larger than this are refused before they are read.
    var maximumSize = 128 * 1024 * 1024

    /// Where the table of `path` is, as a URL, for a writer of it.
    func url(of path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    /// The largest table `edition` can need, within `limit` (the edition file's own): a row
    /// of at most `rowBytes` for each jury member, nominee and (with `perCriterion`)
    /// criterion, and 64 KiB more. A table past it holds rows that cannot all be valid, so it
    /// is refused before it costs time and memory.
    static func maximumSize(of edition: Edition, rowBytes: Int, perCriterion: Bool, within limit: Int) -> Int {
        let rows = edition.jury.count.multipliedReportingOverflow(by: edition.nominees.count).partialValue
            .multipliedReportingOverflow(by: perCriterion ? max(edition.criteria.count, 1) : 1).partialValue
        let (bytes, overflow) = rows.multipliedReportingOverflow(by: rowBytes)
        return overflow ? limit : min(limit, 64 * 1024 + bytes)
    }

    /// `512 KiB`, `3 MiB`.
    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MiB" : "\(max(bytes / 1024, 1)) KiB"
    }

    /// What a table was read as: its rows' positions, for messages.
    struct Loaded {
        /// How messages call the table.
        var file: String
        /// The list of the edition the rows belong to: `scores`, `remarks`.
        var list: String
        /// The table's columns, named as the fields of the list's items.
        var columns: [String]
        var positions: [TableRowPositions]
    }

    /// The text of the table at `path` and how messages call it; a fault that keeps it from
    /// being read is a diagnostic of the edition at `field`. A missing table, where allowed,
    /// is no text and no fault. `kind` names the table in messages ("scores file").
    func text(of path: String, kind: String, editionFile: String, field: FieldPath, position: SourcePosition?)
        -> (text: String?, shown: String, diagnostics: [Diagnostic])
    {
        let url = url(of: path)
        let shown = path.hasPrefix("/") || shownDirectory.isEmpty ? path : (shownDirectory as NSString).appendingPathComponent(path)
        func fault(_ message: String) -> (String?, String, [Diagnostic]) {
            (nil, shown, [Diagnostic(.error, file: editionFile, path: field, position: position, message: message)])
        }
        let quoted = DisplayText.quoted(shown, limit: 1000)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            if allowsMissing { return (nil, shown, []) }
            return fault("no such file: \(quoted) (the path is relative to the edition file)")
        }
        if isDirectory.boolValue { return fault("\(quoted) is a directory, not a CSV table") }
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return fault("\(quoted) is not a regular file (a pipe or device is never read as a table)")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > maximumSize {
            return fault("\(quoted) is \(Self.sizeText(size)); a \(kind) of this edition (its jury, nominees and criteria) may be at most \(Self.sizeText(maximumSize))")
        }
        guard let data = try? Data(contentsOf: url) else { return fault("cannot read \(quoted)") }
        let bytes = [UInt8](data)
        if let position = TextRules.firstInvalidUTF8(in: bytes) {
            return (nil, shown, [Diagnostic(.error, file: shown, position: position, message: "the file is not valid UTF-8")])
        }
        return (String(decoding: bytes, as: UTF8.self), shown, [])
    }

    /// The diagnostic for a fault the validator found at `path`, moved into the table when
    /// `path` is that of one of its rows (`LIST[i]` with `i` past the `inlineCount` rows the
    /// edition file itself holds).
    static func relocate(_ message: String, at path: FieldPath, inlineCount: Int, loaded: Loaded?) -> Diagnostic? {
        guard let loaded, path.components.count >= 2, path.components[0] == .key(loaded.list),
            case .index(let index) = path.components[1], index >= inlineCount, index - inlineCount < loaded.positions.count
        else { return nil }
        let positions = loaded.positions[index - inlineCount]
        var position = positions.row
        if path.components.count > 2, case .key(let field) = path.components[2] {
            position = loaded.columns.firstIndex(of: field).flatMap { positions.fields[$0] } ?? positions.row
        }
        // The validator names the first of two rows by its path: in the table, by its line.
        var text = message
        let pattern = NSRegularExpression.escapedPattern(for: loaded.list) + #"\[(\d+)\]"#
        if let range = text.range(of: pattern, options: .regularExpression),
            let first = Int(text[range].dropFirst(loaded.list.count + 1).dropLast()), first >= inlineCount,
            first - inlineCount < loaded.positions.count
        {
            text.replaceSubrange(range, with: "line \(loaded.positions[first - inlineCount].row.line)")
        }
        return Diagnostic(.error, file: loaded.file, position: position, message: text)
    }
}

/// Where one row of a table stands, and each of its fields in the order of the table's
/// columns (nil for a field it lacks), for messages.
public struct TableRowPositions: Sendable, Equatable {
    public var row: SourcePosition
    public var fields: [SourcePosition?]

    public init(row: SourcePosition, fields: [SourcePosition?]) {
        self.row = row
        self.fields = fields
    }
}
