import Foundation
import JuryReportCore
import ZIPFoundation

/// A Word document's parts (Office Open XML, ECMA-376 transitional) and their ZIP package:
/// the body the renderer made, its styles, settings, running header and footer, the logo in
/// the first page's header, the document's properties. The same outline gives the same
/// bytes: parts in a fixed order, every entry dated 1980-01-01 (ZIP's first day).
struct DocxPackage {
    let outline: ReportOutline
    /// Seconds since 1970 (UTC): the document's created and modified dates.
    let created: Int64
    /// The house template, whose styles, page, header, footer and theme the document takes.
    var template: DocxTemplate?

    /// Twentieths of a point across the text block: the template's page less its margins,
    /// else A4 less 20 mm on each side.
    var textWidth: Int {
        guard let template, let size = template.pageSize, let margins = template.pageMargins,
            let width = Self.number("w:w", in: size), let left = Self.number("w:left", in: margins), let right = Self.number("w:right", in: margins),
            width - left - right > 1_000
        else { return 11_906 - 2 * 1_134 }
        return width - left - right
    }

    /// An attribute's whole-number value in an element.
    static func number(_ attribute: String, in element: String) -> Int? {
        element.components(separatedBy: " \(attribute)=\"").dropFirst().first?.components(separatedBy: "\"").first.flatMap { Int($0) }
    }

    /// The parts, name and bytes, in the order they are written.
    func parts() -> [(name: String, bytes: [UInt8])] {
        var renderer = DocxRenderer(outline: outline, textWidth: textWidth)
        renderer.render()
        let logo = outline.style.branding.logo.flatMap { $0.kind == .pdf ? nil : $0 }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(logo: logo)),
            ("_rels/.rels", Self.packageRelationships),
            ("docProps/core.xml", coreProperties()),
            ("docProps/app.xml", appProperties()),
            ("word/document.xml", document(renderer.body)),
            ("word/_rels/document.xml.rels", documentRelationships(links: renderer.links)),
            ("word/styles.xml", styles()),
            ("word/settings.xml", settings()),
            ("word/header1.xml", template?.header?.xml ?? runningHeader()),
            ("word/header2.xml", logo == nil ? (template?.header?.xml ?? firstHeader(logo: nil)) : firstHeader(logo: logo)),
            ("word/footer1.xml", template?.footer?.xml ?? Self.footer),
        ]
        var binary: [(String, [UInt8])] = []
        if let theme = template?.theme { parts.append(("word/theme/theme1.xml", theme)) }
        // A template's header and footer bring the relationships and pictures they name.
        for (name, part) in [("header1", template?.header), ("footer1", template?.footer)] {
            guard let part else { continue }
            if let relationships = part.relationships { parts.append(("word/_rels/\(name).xml.rels", relationships)) }
            binary += part.media.map { ("word/" + $0.name, $0.bytes) }
        }
        if logo == nil, let header = template?.header, let relationships = header.relationships {
            parts.append(("word/_rels/header2.xml.rels", relationships))
        }
        if let logo {
            parts.append(("word/_rels/header2.xml.rels", Self.relationships([("rIdLogo", Self.imageType, "media/logo.\(logo.kind.fileExtension)", false)])))
            binary.append(("word/media/logo.\(logo.kind.fileExtension)", logo.bytes))
        }
        return parts.map { ($0.0, Array($0.1.utf8)) } + binary
    }

    /// The parts as a ZIP package.
    func bytes() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        // ZIP dates are local-time fields; ZIPFoundation fills them from UTC, so this is 1980-01-01 00:00 everywhere.
        let date = Date(timeIntervalSince1970: 315_532_800)
        for (name, bytes) in parts() {
            let data = Data(bytes)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date, permissions: 0o644,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw DocxError(reason: "the package could not be assembled") }
        return [UInt8](data)
    }

    // MARK: Parts

    private func contentTypes(logo: Logo?) -> String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var xml = DocxXML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        var extensions: [String: String] = [:]
        if let logo { extensions[logo.kind.fileExtension] = logo.kind.mediaType }
        for media in (template?.header?.media ?? []) + (template?.footer?.media ?? []) {
            let fileExtension = String(media.name.split(separator: ".").last ?? "").lowercased()
            let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "emf": "image/x-emf", "wmf": "image/x-wmf", "svg": "image/svg+xml"]
            if let type = types[fileExtension] { extensions[fileExtension] = type }
        }
        for (fileExtension, type) in extensions.sorted(by: { $0.key < $1.key }) {
            xml += "<Default Extension=\"\(DocxXML.escaped(fileExtension, attribute: true))\" ContentType=\"\(type)\"/>"
        }
        if template?.theme != nil {
            xml += "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
        }
        for (part, type) in [
            ("/word/document.xml", "\(main).document.main+xml"), ("/word/styles.xml", "\(main).styles+xml"),
            ("/word/settings.xml", "\(main).settings+xml"), ("/word/header1.xml", "\(main).header+xml"),
            ("/word/header2.xml", "\(main).header+xml"), ("/word/footer1.xml", "\(main).footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ] {
            xml += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>"
        }
        return xml + "</Types>"
    }

    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let imageType = officeRelationships + "/image"

    /// A relationships part: id, type, target, and whether the target is outside the package.
    static func relationships(_ items: [(id: String, type: String, target: String, external: Bool)]) -> String {
        DocxXML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map { item in
                "<Relationship Id=\"\(item.id)\" Type=\"\(item.type)\" Target=\"\(DocxXML.escaped(item.target, attribute: true))\""
                    + (item.external ? " TargetMode=\"External\"" : "") + "/>"
            }.joined() + "</Relationships>"
    }

    static let packageRelationships = relationships([
        ("rId1", officeRelationships + "/officeDocument", "word/document.xml", false),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", false),
        ("rId3", officeRelationships + "/extended-properties", "docProps/app.xml", false),
    ])

    private func documentRelationships(links: [String]) -> String {
        var items: [(String, String, String, Bool)] = [
            ("rIdStyles", Self.officeRelationships + "/styles", "styles.xml", false),
            ("rIdSettings", Self.officeRelationships + "/settings", "settings.xml", false),
            ("rIdHeader", Self.officeRelationships + "/header", "header1.xml", false),
            ("rIdFirstHeader", Self.officeRelationships + "/header", "header2.xml", false),
            ("rIdFooter", Self.officeRelationships + "/footer", "footer1.xml", false),
        ]
        if template?.theme != nil { items.append(("rIdTheme", Self.officeRelationships + "/theme", "theme/theme1.xml", false)) }
        for (index, link) in links.enumerated() {
            items.append(("rIdLink\(index + 1)", Self.officeRelationships + "/hyperlink", Self.target(link), true))
        }
        return Self.relationships(items)
    }

    /// An address as a relationship's target: bytes outside what a URI holds percent-encoded.
    static func target(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<")
                && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}") && byte != UInt8(ascii: "|")
                && byte != UInt8(ascii: "^") && byte != UInt8(ascii: "`") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    private func document(_ body: [String]) -> String {
        DocxXML.declaration + "<w:document \(DocxXML.namespaces)><w:body>" + body.joined(separator: "\n")
            + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdFirstHeader\"/>"
            + "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:footerReference w:type=\"first\" r:id=\"rIdFooter\"/>"
            + (template?.pageSize ?? "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
            + (template?.pageMargins ?? "<w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>")
            + "<w:titlePg/></w:sectPr></w:body></w:document>"
    }

    /// Ours, or the template's with ours added where it lacks them.
    private func styles() -> String {
        let language = outline.metadata.language
        return template?.mergedStyles(ours: DocxStyles.styles(branding: outline.style.branding), language: language)
            ?? DocxStyles.xml(language: language, branding: outline.style.branding)
    }

    private func settings() -> String {
        let lang = DocxXML.escaped(DocxStyles.wordLanguage(outline.metadata.language), attribute: true)
        // In CT_Settings' order: the tab stop, hyphenation, spacing control, compatibility, the theme's language.
        return DocxXML.declaration + "<w:settings \(DocxXML.namespaces)><w:defaultTabStop w:val=\"709\"/><w:autoHyphenation/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:themeFontLang w:val=\"\(lang)\"/>"
            + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
    }

    /// From the second page: the award left, the edition right.
    private func runningHeader() -> String {
        let title = outline.title
        let edition = title.runningEdition.joined(separator: " · ")
        return DocxXML.declaration + "<w:hdr \(DocxXML.namespaces)><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
            + DocxRenderer.runs(title.award) + "<w:r><w:tab/></w:r>" + DocxRenderer.runs(edition) + "</w:p></w:hdr>"
    }

    /// The first page's header: the logo, 15 mm high, or nothing.
    private func firstHeader(logo: Logo?) -> String {
        var content = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>"
        if let logo, let size = logo.pixelSize, size.width > 0, size.height > 0 {
            let height = 540_000
            let width = Int((Double(height) * Double(size.width) / Double(size.height)).rounded())
            let description = DocxXML.escaped(outline.style.logoDescription, attribute: true)
            content = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                + "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:docPr id=\"1\" name=\"Logo\" descr=\"\(description)\"/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                + "<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"Logo\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
                + "<pic:blipFill><a:blip r:embed=\"rIdLogo\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
                + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        }
        return DocxXML.declaration + "<w:hdr \(DocxXML.namespaces)>\(content)</w:hdr>"
    }

    /// The page number, centred: the one field of the document, written here, never from text.
    static let footer = DocxXML.declaration + "<w:ftr \(DocxXML.namespaces)><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
        + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"

    private func coreProperties() -> String {
        let metadata = outline.metadata
        let time = ReproducibleTime.components(created)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let stamp = "\(time.date)T\(two(time.hour)):\(two(time.minute)):\(two(time.second))Z"
        var xml = DocxXML.declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        xml += "<dc:title>\(DocxXML.escaped(metadata.title))</dc:title>"
        if let subject = metadata.subject { xml += "<dc:subject>\(DocxXML.escaped(subject))</dc:subject>" }
        if let author = metadata.author { xml += "<dc:creator>\(DocxXML.escaped(author))</dc:creator>" }
        xml += "<dc:language>\(DocxXML.escaped(metadata.language))</dc:language>"
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>"
        xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified>"
        return xml + "</cp:coreProperties>"
    }

    /// The application, and the company as in the workbook: the award's organizer.
    private func appProperties() -> String {
        let company = outline.title.organizer.map { "<Company>\(DocxXML.escaped($0))</Company>" } ?? ""
        return DocxXML.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>juryreport</Application>\(company)</Properties>"
    }
}

/// The package could not be written.
struct DocxError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "docx: \(reason)" }
}
