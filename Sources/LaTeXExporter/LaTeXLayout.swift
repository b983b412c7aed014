import JuryReportCore

/// Page and type settings of the document.
struct LaTeXLayout {
    /// `a4` or `letter`.
    var paper = "a4"
    /// `10pt`, `11pt` or `12pt`.
    var fontSize = "11pt"
    /// How a link shows its address on paper.
    var links = LinkStyle.footnote

    enum LinkStyle: String, CaseIterable {
        /// A footnote with the address, where it differs from the link's text.
        case footnote
        /// The address in brackets after the text.
        case inline
        /// The text alone (coloured, and a link on screen).
        case plain
    }
}
