/// The words of the judging round, in the edition's language: recusals in the report,
/// score forms, the workbook's score statistics. English and Dutch are built in.
public struct JudgingVocabulary: Sendable, Equatable {
    public let recusals: String
    /// The line above the recusals table.
    public let recusalsIntroduction: String
    public let reason: String
    /// What a recused cell shows.
    public let notJudged: String
    /// A recused cell's comment: "%@" is the reason.
    public let recusedBecause: String
    public let recused: String
    public let scoreForm: String
    /// The instructions on a form: "%@" is the lowest, "%@" the highest score.
    public let instructions: String
    public let handInstructions: String
    public let weightedMean: String
    public let mean: String
    public let lowest: String
    public let highest: String
    public let ranking: String
    public let validationTitle: String
    /// "%@" the lowest, "%@" the highest score.
    public let validationMessage: String
    public let signatureLine: String
    public let dateLine: String
    public let nameLine: String
    public let missing: String

    /// The words for a BCP 47 tag: Dutch for `nl` and its regional forms, else English.
    public init(language tag: String) {
        if LanguageTag.primary(tag) == "nl" {
            recusals = "Onthoudingen"
            recusalsIntroduction = "Deze juryleden hebben de genoemde genomineerden niet beoordeeld."
            reason = "Reden"
            notJudged = "—"
            recusedBecause = "Niet beoordeeld: %@"
            recused = "niet beoordeeld"
            scoreForm = "Scoreformulier"
            instructions = "Vul per genomineerde en criterium een score van %@ tot en met %@ in. Grijze cellen beoordeelt u niet. Het gewogen gemiddelde rekent zichzelf uit."
            handInstructions = "Schrijf per genomineerde en criterium een score van %@ tot en met %@ in het vak. Grijze vakken beoordeelt u niet."
            weightedMean = "Gewogen gemiddelde"
            mean = "Gemiddelde"
            lowest = "Laagste"
            highest = "Hoogste"
            ranking = "Rangorde"
            validationTitle = "Score"
            validationMessage = "Een getal van %@ tot en met %@."
            signatureLine = "Handtekening"
            dateLine = "Datum"
            nameLine = "Naam"
            missing = "ontbreekt"
        } else {
            recusals = "Recusals"
            recusalsIntroduction = "These jury members did not judge the nominees named."
            reason = "Reason"
            notJudged = "—"
            recusedBecause = "Not judged: %@"
            recused = "not judged"
            scoreForm = "Score form"
            instructions = "Enter a score from %@ to %@ for each nominee and criterion. Grey cells are not yours to judge. The weighted mean works itself out."
            handInstructions = "Write a score from %@ to %@ in each box, per nominee and criterion. Grey boxes are not yours to judge."
            weightedMean = "Weighted mean"
            mean = "Mean"
            lowest = "Lowest"
            highest = "Highest"
            ranking = "Ranking"
            validationTitle = "Score"
            validationMessage = "A number from %@ to %@."
            signatureLine = "Signature"
            dateLine = "Date"
            nameLine = "Name"
            missing = "missing"
        }
    }

    /// `format` with each "%@" replaced by the next of `values`.
    public static func fill(_ format: String, _ values: String...) -> String {
        var text = format
        for value in values {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: value)
        }
        return text
    }
}

extension Vocabulary {
    /// The words of the judging round in the same language.
    public var judging: JudgingVocabulary { JudgingVocabulary(language: language) }
}
