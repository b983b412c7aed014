import Foundation
import JuryReportCore
import ZIPFoundation

/// An organizer's own Word file as the house template (`--option template=FILE.docx`, as
/// pandoc's reference document): its styles, theme (and so its theme fonts), page size and
/// margins, and its default header and footer. Styles it lacks fall back to ours; nothing of
/// its body is ever copied into the report.
struct DocxTemplate {
    /// `word/styles.xml`, if the template has one.
    var styles: String?
    /// `word/theme/theme1.xml` (or the theme part the document names).
    var theme: String?
    /// The last section's `<w:pgSz …/>` and `<w:pgMar …/>`.
    var pageSize: String?
    var pageMargins: String?
    /// The default header and footer, with their relationships and the media they name
    /// (part names under `word/`, renamed to keep apart from ours).
    var header: Part?
    var footer: Part?

    struct Part {
        var xml: String
        var relationships: String?
        var media: [(name: String, bytes: [UInt8])]
    }

    /// The largest template read, and the largest part taken from it.
    static let largestFile = 50_000_000
    static let largestPart = 20_000_000

    /// Reads `path`; a file that is not a Word document, is encrypted or holds macros is an
    /// ``InputFileError`` (exit 65), a missing one too (exit 66).
    static func read(_ path: String) throws -> DocxTemplate {
        let url = URL(fileURLWithPath: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw InputFileError(path: path, reason: "no such template", isMissing: true)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw InputFileError(path: path, reason: "the template is not a file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= largestFile else {
            throw InputFileError(path: path, reason: "the template is \(size) bytes, over the \(largestFile) a Word template may have")
        }
        let head = [UInt8]((try? FileHandle(forReadingFrom: url).read(upToCount: 8)) ?? Data())
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            // Word saves a document with a password (and the old .doc) as a compound file, not a ZIP package.
            throw InputFileError(path: path, reason: "the template is encrypted or an old .doc: save it as a Word document (.docx) without a password")
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]), let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else {
            throw InputFileError(path: path, reason: "the template is not a Word document (.docx)")
        }
        func part(_ name: String) throws -> [UInt8]? {
            guard let entry = archive[name] else { return nil }
            guard entry.uncompressedSize <= largestPart else {
                throw InputFileError(path: path, reason: "the template's \(name) is over \(largestPart) bytes")
            }
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(entry, skipCRC32: false) { bytes.append(contentsOf: $0) }
            } catch {
                throw InputFileError(path: path, reason: "the template's \(name) cannot be read: \(error)")
            }
            return bytes
        }
        func text(_ name: String) throws -> String? { try part(name).map { String(decoding: $0, as: UTF8.self) } }

        guard let types = try text("[Content_Types].xml"), let document = try text("word/document.xml") else {
            throw InputFileError(path: path, reason: "the template is not a Word document (.docx): it has no word/document.xml")
        }
        if archive["word/vbaProject.bin"] != nil || types.contains("macroEnabled") {
            throw InputFileError(path: path, reason: "the template holds macros (.docm): save it as a Word document (.docx) without them")
        }
        var template = DocxTemplate()
        template.styles = try text("word/styles.xml")
        let relationships = try text("word/_rels/document.xml.rels") ?? ""
        let targets = Self.relationshipTargets(relationships)
        let themeTarget = targets.first { $0.type.hasSuffix("/theme") }?.target ?? "theme/theme1.xml"
        template.theme = try text("word/" + themeTarget)
        // The last section's properties: the document's own page.
        if let section = document.components(separatedBy: "<w:sectPr").last, document.contains("<w:sectPr") {
            template.pageSize = Self.element("w:pgSz", in: section)
            template.pageMargins = Self.element("w:pgMar", in: section)
            for (kind, reference) in [("header", "w:headerReference"), ("footer", "w:footerReference")] {
                guard let id = Self.defaultReference(reference, in: section), let target = targets.first(where: { $0.id == id })?.target,
                    let xml = try text("word/" + target)
                else { continue }
                let partRelationships = try text("word/_rels/\(target).rels")
                var media: [(String, [UInt8])] = []
                var renamed = partRelationships
                for item in Self.relationshipTargets(partRelationships ?? "") where item.type.hasSuffix("/image") && !item.external {
                    guard let bytes = try part("word/" + item.target) else { continue }
                    let name = "media/template-\(kind)-" + (item.target.split(separator: "/").last.map(String.init) ?? "image")
                    media.append((name, bytes))
                    renamed = renamed?.replacingOccurrences(of: "Target=\"\(item.target)\"", with: "Target=\"\(name)\"")
                }
                let copied = Part(xml: xml, relationships: renamed, media: media)
                if kind == "header" { template.header = copied } else { template.footer = copied }
            }
        }
        return template
    }

    /// The styles part: the template's, with each of `ours` it lacks added and the edition's
    /// language on its defaults.
    func mergedStyles(ours: [(id: String, xml: String)], language: String) -> String? {
        guard var styles else { return nil }
        guard let close = styles.range(of: "</w:styles>", options: .backwards) else { return nil }
        let present = Set(styles.components(separatedBy: "w:styleId=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first })
        styles.insert(contentsOf: ours.filter { !present.contains($0.id) }.map(\.xml).joined(), at: close.lowerBound)
        let lang = DocxStyles.languageElement(language)
        if let defaults = styles.range(of: "<w:rPrDefault>"), let end = styles.range(of: "</w:rPrDefault>", range: defaults.upperBound..<styles.endIndex) {
            var block = String(styles[defaults.upperBound..<end.lowerBound])
            if let old = Self.element("w:lang", in: block) {
                block = block.replacingOccurrences(of: old, with: lang)
            } else if let rPr = block.range(of: "</w:rPr>") {
                block.insert(contentsOf: lang, at: rPr.lowerBound)
            } else {
                block = "<w:rPr>\(lang)</w:rPr>"
            }
            styles.replaceSubrange(defaults.upperBound..<end.lowerBound, with: block)
        } else if let open = styles.range(of: "<w:styles"), let tagEnd = styles.range(of: ">", range: open.upperBound..<styles.endIndex) {
            styles.insert(contentsOf: "<w:docDefaults><w:rPrDefault><w:rPr>\(lang)</w:rPr></w:rPrDefault></w:docDefaults>", at: tagEnd.upperBound)
        }
        return styles
    }

    /// `<name …/>` as it stands in `xml`, the first one.
    static func element(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "<\(name) ") ?? xml.range(of: "<\(name)/"), let end = xml.range(of: "/>", range: start.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[start.lowerBound..<end.upperBound])
    }

    /// The relationship id of the default header or footer reference in a section.
    static func defaultReference(_ name: String, in section: String) -> String? {
        for piece in section.components(separatedBy: "<\(name) ").dropFirst() {
            let tag = piece.components(separatedBy: "/>").first ?? ""
            guard tag.contains("w:type=\"default\"") else { continue }
            return tag.components(separatedBy: "r:id=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
        return nil
    }

    /// Each relationship's id, type, target and whether it leaves the package.
    static func relationshipTargets(_ xml: String) -> [(id: String, type: String, target: String, external: Bool)] {
        xml.components(separatedBy: "<Relationship ").dropFirst().map { piece in
            let tag = piece.components(separatedBy: ">").first ?? ""
            func attribute(_ name: String) -> String {
                tag.components(separatedBy: "\(name)=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
            }
            return (attribute("Id"), attribute("Type"), attribute("Target"), attribute("TargetMode") == "External")
        }
    }
}
