import Foundation
import JuryReportCore
import ZIPFoundation

/// Reads a workbook (`.xlsx`) as a spreadsheet program saved it — Excel, LibreOffice,
/// openpyxl or libxlsxwriter: shared and inline strings, numbers, numbers stored as text,
/// booleans, formulas' cached results, custom document properties — into a `FilledForm` (of JuryReportCore).
/// The zip container is ZIPFoundation's; the XML is read as events by `XMLEventReader`.
public struct WorkbookReader: Sendable {
    /// What a workbook may hold (``WorkbookLimits``): a form is far smaller, a zip bomb not.
    public var limits: WorkbookLimits

    public init(limits: WorkbookLimits = .worksheet) {
        self.limits = limits
    }

    /// Why a file could not be read as a workbook.
    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        /// The file is missing or unreadable (exit 66), not a workbook that is wrong (65).
        public var isMissing = false
        public var description: String { "\(file): error: \(message)" }
    }

    /// The workbook at `path`; `name` is how messages call it. Only a regular file is read
    /// (a FIFO would never end); the container must be whole (each part's CRC, no part
    /// twice) and within ``limits``, each cell reference inside them and each cell once.
    public func read(_ path: String, name: String? = nil) throws(Failure) -> FilledForm {
        let name = name ?? path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(file: name, message: "no such file", isMissing: true)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Failure(file: name, message: "is a directory, not a workbook", isMissing: true)
        default: throw Failure(file: name, message: "is not a regular file (a pipe or device is never read as a form)")
        }
        guard Int64(info.st_size) <= limits.fileSize else {
            throw Failure(file: name, message: "is \(Int64(info.st_size) / 1_048_576) MiB; a form may be at most \(limits.fileSize / 1_048_576) MiB")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Failure(file: name, message: "is not a workbook (.xlsx): it is not a zip container")
        }
        return try read(archive, name: name)
    }

    private func read(_ archive: Archive, name: String) throws(Failure) -> FilledForm {
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < limits.parts else {
                throw Failure(file: name, message: "holds more than \(limits.parts) parts; a form has far fewer")
            }
            guard entries.updateValue(entry, forKey: entry.path) == nil else {
                throw Failure(file: name, message: "holds two parts named \(DisplayText.quoted(entry.path)); the file was tampered with")
            }
        }
        let limit = limits.partSize
        func part(_ path: String) throws(Failure) -> [UInt8]? {
            guard let entry = entries[path] else { return nil }
            func tooLarge() -> Failure { Failure(file: name, message: "its part \(path) unpacks to more than \(limit / 1_048_576) MiB") }
            // A zip64 entry may declare up to 2^64 - 1 bytes: compared unsigned, never converted.
            guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge() }
            var data: [UInt8] = []
            do {
                // The size the entry declares may lie: counted as it unpacks. The CRC is checked.
                let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard Int64(data.count + chunk.count) <= limit else { throw tooLarge() }
                    data.append(contentsOf: chunk)
                }
                // Extracting into a closure computes the CRC but leaves comparing it to us.
                guard checksum == entry.checksum else {
                    throw Failure(file: name, message: "its part \(path) cannot be unpacked (its checksum does not match: the file is damaged)")
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                let reason = "\(error)".contains("CRC") ? "its checksum does not match: the file is damaged" : "\(error)"
                throw Failure(file: name, message: "its part \(path) cannot be unpacked (\(reason))")
            }
            return data
        }
        /// `handler` after the XML of the part at `path` has been read into it, nil without the
        /// part. A part `XMLEventReader` stops on (not well-formed, a document type
        /// declaration) is refused, unless the handler stopped the reading itself (a limit, a
        /// cell twice), which the caller reports.
        func parsed<Handler: XMLEventHandler>(
            _ path: String, by handler: Handler, stoppedOnPurpose: (Handler) -> Bool = { _ in false }
        ) throws(Failure) -> Handler? {
            guard let xml = try part(path) else { return nil }
            guard XMLEventReader.read(xml, into: handler) || stoppedOnPurpose(handler) else {
                throw Failure(file: name, message: "its part \(path) is not XML as spreadsheet programs write it (not well-formed, or declaring a document type); the file was damaged or tampered with")
            }
            return handler
        }
        guard let sheets = try parsed("xl/workbook.xml", by: SheetListParser())?.sheets else {
            throw Failure(file: name, message: "is not a workbook (.xlsx): it has no xl/workbook.xml")
        }
        let relationships = try parsed("xl/_rels/workbook.xml.rels", by: RelationshipParser())?.targets ?? [:]
        let strings = try parsed("xl/sharedStrings.xml", by: SharedStringParser(limit: limits.sharedStrings)) { $0.isOverLimit }
        if let strings, strings.isOverLimit {
            throw Failure(file: name, message: "holds more than \(limits.sharedStrings) shared strings; a form has far fewer")
        }
        let properties = try parsed("docProps/custom.xml", by: CustomPropertyParser())?.properties ?? [:]
        var read: [FilledForm.Sheet] = []
        var cellCount = 0
        for sheet in sheets {
            guard let target = relationships[sheet.relationship] else { continue }
            // Targets are relative to xl/, or absolute from the package's root.
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let parser = CellParser(sharedStrings: strings?.strings ?? [], limits: limits, cellsBefore: cellCount)
            guard let cells = try parsed(path, by: parser, stoppedOnPurpose: { $0.fault != nil }) else { continue }
            if let fault = cells.fault {
                let place = fault.cell.map { ":" + CellReference.named(sheet: sheet.name, row: $0.row, column: $0.column) } ?? ""
                throw Failure(file: name + place, message: fault.message)
            }
            cellCount += cells.cells.count
            read.append(FilledForm.Sheet(name: sheet.name, cells: cells.cells))
        }
        return FilledForm(file: name, properties: properties, sheets: read)
    }
}
