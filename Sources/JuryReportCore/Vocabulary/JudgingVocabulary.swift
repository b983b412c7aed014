/// The words of the judging round, in the edition's language: recusals in the report,
/// score forms, the workbook's score statistics. Part of ``Vocabulary``, made from the same
/// ``Labels``.
public struct JudgingVocabulary: Sendable, Equatable {
    private let labels: Labels
    public let recusals: String
    /// The line above the recusals table.
    public let recusalsIntroduction: String
    public let reason: String
    /// What a recused cell shows.
    public let notJudged: String
    public let recused: String
    public let scoreForm: String
    public let weightedMean: String
    public let mean: String
    public let lowest: String
    public let highest: String
    public let ranking: String
    public let validationTitle: String
    public let signatureLine: String
    public let dateLine: String
    public let nameLine: String
    public let missing: String
    /// A form's remarks column and the organizer's sheet of remarks.
    public let remarks: String

    public init(labels: Labels) {
        self.labels = labels
        recusals = labels[.recusals]
        recusalsIntroduction = labels[.recusalsIntroduction]
        reason = labels[.reason]
        notJudged = labels[.notJudged]
        recused = labels[.recused]
        scoreForm = labels[.scoreForm]
        weightedMean = labels[.weightedMean]
        mean = labels[.mean]
        lowest = labels[.lowest]
        highest = labels[.highest]
        ranking = labels[.ranking]
        validationTitle = labels[.validationTitle]
        signatureLine = labels[.signatureLine]
        dateLine = labels[.dateLine]
        nameLine = labels[.nameLine]
        missing = labels[.missing]
        remarks = labels[.remarks]
    }

    /// A recused cell's note: "Not judged: REASON".
    public func recusedBecause(_ reason: String) -> String { labels.fill(.recusedBecause, ["reason": reason]) }

    /// Where and by when a form goes back ("Please return this form by 15 May 2026 to
    /// Civic Data Foundation."): nil when neither is known.
    public func returnLine(by date: String?, to organizer: String?) -> String? {
        switch (date, organizer) {
        case let (date?, organizer?): return labels.fill(.returnByTo, ["date": date, "organizer": organizer])
        case let (date?, nil): return labels.fill(.returnBy, ["date": date])
        case let (nil, organizer?): return labels.fill(.returnTo, ["organizer": organizer])
        case (nil, nil): return nil
        }
    }

    /// The instructions on a workbook form, with the scale.
    public func formInstructions(min: String, max: String) -> String {
        labels.fill(.formInstructions, ["min": min, "max": max])
    }

    /// The instructions on a printed form, with the scale.
    public func handInstructions(min: String, max: String) -> String {
        labels.fill(.handInstructions, ["min": min, "max": max])
    }

    /// The message of a remark cell's validation: at most `count` characters.
    public func remarksLimit(_ count: Int) -> String { labels.fill(.remarksLimit, ["count": String(count)]) }

    /// The message of a score cell's validation, with the scale.
    public func validationMessage(min: String, max: String) -> String {
        labels.fill(.validationMessage, ["min": min, "max": max])
    }
}
