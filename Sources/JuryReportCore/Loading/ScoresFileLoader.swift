import Foundation
import JuryReportSource

/// Reads the table an edition's `scoresFile` names, relative to the edition file, and
/// tells where each of its scores stands, so that a fault the validator finds in one is
/// reported as `scores.csv:LINE:COLUMN`.
struct ScoresFileLoader {
    /// Where the table of `path` is, as a URL, for a writer of it.
    func url(of path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    /// The folder the edition file is in.
    let directory: URL
    /// How messages name that folder: the one the user typed, "" for the current one.
    let shownDirectory: String
    /// A table that does not exist is empty, not a fault.
    var allowsMissing = false

    /// Tables larger than this are refused before they are read.
    var maximumSize = 128 * 1024 * 1024

    /// The largest table `edition` can need, within `limit` (the edition file's own): one row
    /// for each jury member, nominee and criterion, each row of at most 512 bytes (three ids
    /// and a number), and 64 KiB more. A table past it holds rows that cannot all be valid,
    /// so it is refused before it costs time and memory.
    static func maximumSize(of edition: Edition, within limit: Int) -> Int {
        let rows = edition.jury.count * edition.nominees.count * max(edition.criteria.count, 1)
        return min(limit, 64 * 1024 + rows.multipliedReportingOverflow(by: 512).partialValue)
    }

    /// `512 KiB`, `3 MiB`.
    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MiB" : "\(max(bytes / 1024, 1)) KiB"
    }

    struct Loaded {
        /// How messages call the table.
        var file: String
        var scores: [Score]
        var positions: [ScoresTable.Positions]
    }

    /// The table at `path`; a fault is a diagnostic, of the edition at `field` when the
    /// table cannot be read, of the table otherwise.
    func load(_ path: String, editionFile: String, field: FieldPath, position: SourcePosition?) -> (Loaded?, [Diagnostic]) {
        let url = url(of: path)
        let shown = path.hasPrefix("/") || shownDirectory.isEmpty ? path : (shownDirectory as NSString).appendingPathComponent(path)
        func fault(_ message: String) -> (Loaded?, [Diagnostic]) {
            (nil, [Diagnostic(.error, file: editionFile, path: field, position: position, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            if allowsMissing { return (Loaded(file: shown, scores: [], positions: []), []) }
            return fault("no such file: \(DisplayText.quoted(shown, limit: 1000)) (the path is relative to the edition file)")
        }
        if isDirectory.boolValue { return fault("\(DisplayText.quoted(shown, limit: 1000)) is a directory, not a CSV table") }
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return fault("\(DisplayText.quoted(shown, limit: 1000)) is not a regular file (a pipe or device is never read as a table)")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > maximumSize {
            return fault("\(DisplayText.quoted(shown, limit: 1000)) is \(Self.sizeText(size)); a scores file of this edition (its jury, nominees and criteria) may be at most \(Self.sizeText(maximumSize))")
        }
        guard let data = try? Data(contentsOf: url) else { return fault("cannot read \(DisplayText.quoted(shown, limit: 1000))") }
        let bytes = [UInt8](data)
        if let position = TextRules.firstInvalidUTF8(in: bytes) {
            return (nil, [Diagnostic(.error, file: shown, position: position, message: "the file is not valid UTF-8")])
        }
        let (scores, positions, diagnostics) = ScoresTable.read(String(decoding: bytes, as: UTF8.self), file: shown)
        return (Loaded(file: shown, scores: scores, positions: positions), diagnostics)
    }

    /// The diagnostic for a fault the validator found at `path`, moved into the table when
    /// `path` is that of one of its scores (`scores[i]` with `i` past the inline ones).
    static func relocate(
        _ message: String, at path: FieldPath, inlineCount: Int, loaded: Loaded?
    ) -> Diagnostic? {
        guard let loaded, path.components.count >= 2, path.components[0] == .key("scores"),
            case .index(let index) = path.components[1], index >= inlineCount, index - inlineCount < loaded.positions.count
        else { return nil }
        let positions = loaded.positions[index - inlineCount]
        var position = positions.row
        if path.components.count > 2, case .key(let field) = path.components[2] {
            switch field {
            case "juror": position = positions.juror
            case "nominee": position = positions.nominee
            case "criterion": position = positions.criterion ?? positions.row
            case "score": position = positions.score
            default: break
            }
        }
        // The validator names the first of two scores by its path: in the table, by its line.
        var text = message
        if let range = text.range(of: #"scores\[(\d+)\]"#, options: .regularExpression),
            let first = Int(text[range].dropFirst(7).dropLast()), first >= inlineCount, first - inlineCount < loaded.positions.count
        {
            text.replaceSubrange(range, with: "line \(loaded.positions[first - inlineCount].row.line)")
        }
        return Diagnostic(.error, file: loaded.file, position: position, message: text)
    }
}
