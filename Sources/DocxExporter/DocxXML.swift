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
