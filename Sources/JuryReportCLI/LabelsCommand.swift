import ArgumentParser
import JuryReportCore

/// `juryreport labels [LANG]`: a language's built-in labels as a `labels:` block, ready to
/// paste into an edition file and change.
struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Print a language's built-in labels as a 'labels:' block for an edition file.",
        discussion: """
            Built in: \(Labels.builtInLanguages.joined(separator: ", ")). For any other language the \
            English labels are printed, to translate. Paste the block into an edition file and keep \
            only the labels you change; {name} placeholders are filled in by juryreport.
            """
    )

    @Argument(help: "A BCP 47 language tag such as fr or de-AT (default: en).")
    var language: String = "en"

    func validate() throws {
        guard LanguageTag.isWellFormed(language) else {
            throw ValidationError("expected a BCP 47 language tag such as 'fr' or 'de-AT', found '\(language)'")
        }
    }

    func run() {
        let labels = Labels(language: language)
        var text = labels.isBuiltIn
            ? "# The built-in labels for '\(language)' (the '\(labels.language)' set of juryreport).\n"
            : "# No built-in labels for '\(language)': the English ones, to translate.\n"
        text += "# Keep the labels you change; each {name} is filled in by juryreport.\n"
        text += "labels:\n"
        for key in LabelKey.allCases {
            text += "  \(key.rawValue): \(JSONText.quoted(labels[key]))\n"
        }
        Console.output(text)
    }
}
