import JuryReportCore

/// The document's styles (`word/styles.xml`): every paragraph, character and table style the
/// renderer names, in the edition's language (`w:lang`, so Word's spelling and hyphenation
/// follow it), the house colour on the report's parts and the winner.
enum DocxStyles {
    /// The language as Word names it: the edition's tag, a region added to a bare language
    /// Word knows by its region (`nl` → `nl-NL`).
    static func wordLanguage(_ tag: String) -> String {
        let regions = ["en": "en-GB", "nl": "nl-NL", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "pt": "pt-PT"]
        return tag.contains("-") ? tag : regions[tag.lowercased()] ?? tag
    }

    /// Colours as `RRGGBB`: the accent, else the reports' green and link blue.
    struct Colours {
        var winner = "006100"
        var winnerBack = "E2F4E5"
        var link = "00468C"
        var heading: String?

        init(_ branding: Branding) {
            guard let accent = branding.accent, let back = branding.accentTint(0.14) else { return }
            winner = String(accent.dropFirst())
            winnerBack = String(back.dropFirst())
            link = winner
            heading = winner
        }
    }

    static let bodyFont = "Georgia"
    static let headingFont = "Calibri"

    /// The whole part: the defaults (font, size, language) and every style.
    static func xml(language: String, branding: Branding) -> String {
        DocxXML.declaration + "<w:styles \(DocxXML.namespaces)>" + defaults(language: language)
            + styles(branding: branding).map(\.xml).joined() + "</w:styles>"
    }

    /// The document defaults: the body font and size, the edition's language.
    static func defaults(language: String) -> String {
        return "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"\(bodyFont)\" w:hAnsi=\"\(bodyFont)\" w:eastAsia=\"\(bodyFont)\" w:cs=\"\(bodyFont)\"/>"
            + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>\(languageElement(language))</w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    }

    /// `<w:lang …/>` of the edition's language, for text, East Asian and right-to-left runs alike.
    static func languageElement(_ language: String) -> String {
        let lang = DocxXML.escaped(wordLanguage(language), attribute: true)
        return "<w:lang w:val=\"\(lang)\" w:eastAsia=\"\(lang)\" w:bidi=\"\(lang)\"/>"
    }

    /// Every style the renderer names, by id.
    static func styles(branding: Branding) -> [(id: String, xml: String)] {
        let colours = Colours(branding)
        let sans = "<w:rFonts w:ascii=\"\(headingFont)\" w:hAnsi=\"\(headingFont)\" w:cs=\"\(headingFont)\"/>"
        let headingColour = colours.heading.map { "<w:color w:val=\"\($0)\"/>" } ?? ""
        let box = { (colour: String, fill: String) in
            "<w:pBdr><w:top w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"\(colour)\"/><w:left w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"\(colour)\"/>"
                + "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"\(colour)\"/><w:right w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"\(colour)\"/></w:pBdr>"
                + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>"
        }
        func paragraph(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, pPr: String = "", rPr: String = "") -> (id: String, xml: String) {
            (id, "<w:style w:type=\"paragraph\"\(id == "Normal" ? " w:default=\"1\"" : "") w:customStyle=\"\(["Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Caption", "BodyText"].contains(id) ? 0 : 1)\" w:styleId=\"\(id)\">"
                + "<w:name w:val=\"\(name)\"/>" + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
                + "<w:qFormat/>" + DocxXML.paragraphProperties(pPr) + "<w:rPr>" + DocxXML.ordered(rPr, by: DocxXML.runPropertyOrder) + "</w:rPr></w:style>")
        }
        // Each with its id, not read back out of its XML (Foundation's string splitting was a
        // third of this part's time).
        return [
            paragraph("Normal", "Normal", basedOn: nil, pPr: "<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"),
            paragraph("BodyText", "Body Text", pPr: "<w:widowControl/>"),
            paragraph("Overline", "Overline", pPr: "<w:jc w:val=\"center\"/><w:spacing w:after=\"60\"/>", rPr: "<w:smallCaps/><w:sz w:val=\"24\"/>"),
            paragraph("Title", "Title", next: "Subtitle", pPr: "<w:jc w:val=\"center\"/><w:spacing w:after=\"120\"/>", rPr: sans + "<w:b/><w:sz w:val=\"44\"/>"),
            paragraph("Subtitle", "Subtitle", pPr: "<w:jc w:val=\"center\"/><w:spacing w:after=\"80\"/>", rPr: "<w:sz w:val=\"26\"/>"),
            paragraph("TitleFact", "Title Fact", pPr: "<w:jc w:val=\"center\"/><w:spacing w:after=\"40\"/>", rPr: "<w:sz w:val=\"19\"/>"),
            paragraph("Heading1", "heading 1", next: "BodyText",
                      pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
                      rPr: sans + "<w:b/><w:sz w:val=\"30\"/>" + headingColour),
            paragraph("Heading2", "heading 2", next: "BodyText",
                      pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>",
                      rPr: sans + "<w:b/><w:sz w:val=\"25\"/>"),
            paragraph("Heading3", "heading 3", next: "BodyText",
                      pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/>",
                      rPr: sans + "<w:b/><w:sz w:val=\"22\"/>"),
            paragraph("Lead", "Lead", pPr: "<w:keepNext/>", rPr: "<w:i/>"),
            paragraph("Details", "Details",
                      pPr: "<w:tabs><w:tab w:val=\"left\" w:pos=\"2268\"/></w:tabs><w:spacing w:after=\"20\"/><w:ind w:left=\"2268\" w:hanging=\"2268\"/>"),
            paragraph("Winner", "Winner", pPr: "<w:keepNext/><w:jc w:val=\"center\"/>" + box(colours.winner, colours.winnerBack), rPr: "<w:b/><w:color w:val=\"\(colours.winner)\"/>"),
            paragraph("Mention", "Mention", pPr: "<w:keepNext/>", rPr: "<w:i/><w:color w:val=\"7F6000\"/>"),
            paragraph("Caption", "caption", pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>", rPr: sans + "<w:b/><w:sz w:val=\"19\"/>"),
            paragraph("TableText", "Table Text", pPr: "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>", rPr: "<w:sz w:val=\"19\"/>"),
            paragraph("TableNote", "Table Note", pPr: "<w:spacing w:before=\"60\"/>", rPr: "<w:i/><w:sz w:val=\"18\"/>"),
            paragraph("Announcement", "Announcement", pPr: "<w:keepNext/><w:keepLines/><w:jc w:val=\"center\"/><w:spacing w:before=\"240\" w:after=\"240\"/>" + box(colours.winner, colours.winnerBack),
                      rPr: "<w:b/><w:sz w:val=\"24\"/><w:color w:val=\"\(colours.winner)\"/>"),
            paragraph("AnnouncementLong", "Announcement Long", pPr: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"240\"/>" + box(colours.winner, colours.winnerBack)),
            paragraph("SignatureLine", "Signature Line", pPr: "<w:keepNext/>", rPr: "<w:i/>"),
            paragraph("SignatureSpace", "Signature Space",
                      pPr: "<w:spacing w:before=\"560\" w:after=\"40\"/><w:ind w:right=\"360\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>"),
            paragraph("SignatureName", "Signature Name", pPr: "<w:spacing w:after=\"0\"/>", rPr: "<w:b/>"),
            paragraph("SignatureDetail", "Signature Detail", pPr: "<w:spacing w:after=\"0\"/>", rPr: "<w:sz w:val=\"18\"/>"),
            paragraph("Header", "header", pPr: "<w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs><w:spacing w:after=\"0\"/>",
                      rPr: sans + "<w:sz w:val=\"16\"/><w:color w:val=\"5B5B57\"/>"),
            paragraph("Footer", "footer", pPr: "<w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/>", rPr: "<w:sz w:val=\"18\"/>"),
            ("WinnerHeading", "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"WinnerHeading\"><w:name w:val=\"Winner Heading\"/><w:rPr><w:color w:val=\"\(colours.winner)\"/></w:rPr></w:style>"),
            ("DefaultParagraphFont", "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"),
            ("Hyperlink", "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:color w:val=\"\(colours.link)\"/><w:u w:val=\"single\"/></w:rPr></w:style>"),
            ("TableNormal", "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
                + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"),
            // Rules above and below the table and under its header, as the PDF's booktabs tables.
            ("ReportTable", "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/><w:qFormat/>"
                + "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr>"
                + "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tcBorders></w:tcPr></w:tblStylePr></w:style>"),
        ]
    }
}
