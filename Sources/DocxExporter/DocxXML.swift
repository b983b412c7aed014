/// Text into the XML of a Word document: the one escaping function every part goes through.
///
/// Edition text only ever stands as character data of `<w:t>` or as an attribute's value, so
/// it can open no element and make no field: a field needs `<w:fldChar>` or
/// `<w:instrText>`, which only this exporter writes (the page number). Control characters
/// are refused when the edition is read (tab and newline become `<w:tab/>` and `<w:br/>`).
enum DocxXML {
    /// `&`, `<` and `>` escaped for character data; in an attribute `"` and `'` too, and
    /// tab, newline and carriage return as references (a parser would fold them to spaces).
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        // Most text has nothing to escape: given back as it is, not rebuilt scalar by scalar.
        let special = text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\r"): return true
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\t"), UInt8(ascii: "\n"): return attribute
            default: return false
            }
        }
        guard special else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "'" where attribute: result += "&apos;"
            case "\t" where attribute: result += "&#9;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The XML declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// WordprocessingML's namespace, and those a document with pictures and links names.
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
        """
}

extension DocxXML {
    /// The order ECMA-376 gives the children of `<w:pPr>` (CT_PPr): Word refuses a document
    /// whose properties stand in another order (LibreOffice reads them in any).
    static let paragraphPropertyOrder = [
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr",
        "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    ]

    /// The order of the children of `<w:rPr>` (CT_RPr).
    static let runPropertyOrder = [
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss",
        "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
        "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
        "specVanish", "oMath",
    ]

    /// Sibling elements (`<w:b/><w:i/>`, each empty or with its own content) in the order
    /// `order` gives their names, each name once (its first), so that properties put
    /// together from parts stand as the schema wants them.
    static func ordered(_ elements: String, by order: [String]) -> String {
        // On the UTF-8 bytes: the delimiters are ASCII, and a document calls this for every
        // paragraph, cell and run (on characters it was a third of a long report's time).
        let bytes = Array(elements.utf8)
        var pieces: [(name: String, range: Range<Int>)] = []
        var at = 0
        while let open = bytes[at...].firstIndex(of: UInt8(ascii: "<")) {
            let afterBracket = open + 1
            let nameEnd = bytes[afterBracket...].firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ">") }
                ?? bytes.count
            let qualified = bytes[afterBracket..<nameEnd]
            let local = qualified.lastIndex(of: UInt8(ascii: ":")).map { qualified[($0 + 1)...] } ?? qualified
            let tagEnd = bytes[afterBracket...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            var end = min(tagEnd + 1, bytes.count)
            // An element with content ends at its own closing tag (our properties never nest one in itself).
            if bytes[tagEnd - 1] != UInt8(ascii: "/"),
                let close = bytes[end...].firstRange(of: Array("</".utf8) + qualified + [UInt8(ascii: ">")])
            {
                end = close.upperBound
            }
            let name = String(decoding: local, as: UTF8.self)
            if !pieces.contains(where: { $0.name == name }) { pieces.append((name, open..<end)) }
            at = end
        }
        let rank = { (name: String) in order.firstIndex(of: name) ?? order.count }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for piece in pieces.enumerated().sorted(by: { (rank($0.element.name), $0.offset) < (rank($1.element.name), $1.offset) }) {
            result += bytes[piece.element.range]
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `<w:pPr>` of `properties`, in the schema's order.
    static func paragraphProperties(_ properties: String) -> String {
        "<w:pPr>" + ordered(properties, by: paragraphPropertyOrder) + "</w:pPr>"
    }

    /// `<w:rPr>` of `properties`, in the schema's order; nothing when there are none.
    static func runProperties(_ properties: String) -> String {
        properties.isEmpty ? "" : "<w:rPr>" + ordered(properties, by: runPropertyOrder) + "</w:rPr>"
    }
}
