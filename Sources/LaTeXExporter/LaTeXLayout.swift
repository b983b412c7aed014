import JuryReportCore

/// Page and type settings of the document.
struct LaTeXLayout {
    /// `a4` or `letter`.
    var paper = "a4"
    /// `10pt`, `11pt` or `12pt`.
    var fontSize = "10pt"
    /// How a link shows its address on paper.
    var links = LinkStyle.footnote

    /// The measure in ems of the body type: 33 ems set about 72 characters of Latin Modern
    /// a line, inside the 60 to 75 a typographer aims for.
    static let measure = 33.0

    /// The geometry package's options: a text block ``measure`` ems wide, centred, 25 mm
    /// above and below (116 mm at 10 pt, 128 at 11, 139 at 12).
    var geometry: String {
        let points = Double(fontSize.dropLast(2)) ?? 10
        let millimetres = (Self.measure * points * 25.4 / 72.27).rounded()
        return "textwidth=\(Int(millimetres))mm,vmargin=25mm"
    }

    enum LinkStyle: String, CaseIterable {
        /// A footnote with the address, where it differs from the link's text.
        case footnote
        /// The address in brackets after the text.
        case inline
        /// The text alone (coloured, and a link on screen).
        case plain
    }
}
