/// A label: one of the words every format puts around an edition's content. The words
/// themselves are data, one file per language (`Labels/en.yaml`, ...), in this order; an
/// edition overrides any of them under `labels:`.
public enum LabelKey: String, CaseIterable, Sendable, Hashable {
    case nominees, nominee, number, name, lead, location, sector, partners, summary, website
    case keyFigures, figure, value, winner, mention, mentions, verdict, rationale, jury, juror
    case role, chair, affiliation, criteria, criterion, description, weight, score, scores
    case standings, rank, total, award, edition, period, theme, date, place, organizer
    case juryMembers, nomineeCount, yes, no, field, status, year, title, reportTitle
    case editionNumber, placeAndDate, chartLeftOut
    case dateFormat, months, decimalSeparator, colon
    case recusals, recusalsIntroduction, reason, notJudged, recusedBecause, recused, scoreForm
    case formInstructions, handInstructions, weightedMean, mean, lowest, highest, ranking
    case validationTitle, validationMessage, signatureLine, dateLine, nameLine, missing, remarks, remarksLimit
    case notScored, fewerJurors, listSeparator
    case returnByTo, returnBy, returnTo
    case rankedByMean, rankedByTrimmed, rankedByZscore, rankedByMedian, rawTotal, totalTrimmed, totalZscore, totalMedian
    case juryAtWork, differences, spread, leniency, correlation, agreement, agreementUnknown
    case archive, report, alsoNominated, distinction, archiveIntroduction

    /// The placeholders a label's text may hold, each as `{name}`.
    public var placeholders: [String] {
        switch self {
        case .editionNumber: return ["number"]
        case .placeAndDate: return ["place", "date"]
        case .chartLeftOut: return ["count"]
        case .dateFormat: return ["day", "month", "year"]
        case .recusedBecause: return ["reason"]
        case .remarksLimit: return ["count"]
        case .fewerJurors: return ["count", "nominees"]
        case .returnByTo: return ["date", "organizer"]
        case .returnBy: return ["date"]
        case .returnTo: return ["organizer"]
        case .agreement: return ["nominees", "value"]
        case .alsoNominated: return ["years"]
        case .formInstructions, .handInstructions, .validationMessage: return ["min", "max"]
        default: return []
        }
    }

    /// Why `text` cannot stand for this label, or nil when it can: a placeholder the label
    /// does not fill, twelve months, a decimal separator every format can set.
    public func problem(with text: String) -> String? {
        for name in Self.placeholderNames(in: text) where !placeholders.contains(name) {
            let takes = placeholders.isEmpty ? "this label takes none" : "this label takes " + placeholders.map { "{\($0)}" }.joined(separator: ", ")
            return "unknown placeholder '{\(name)}'; \(takes)"
        }
        switch self {
        case .months where Labels.months(in: text).count != 12:
            return "needs the twelve months' names separated by commas, January first"
        case .decimalSeparator where !Self.decimalSeparators.contains(text):
            // Any other breaks a format: pgfplots' number parser fails on ';', and the
            // workbook's number formats know only these two.
            return "must be ',' or '.', the decimal separators every format (the workbook, the PDF's charts) can set"
        default:
            return nil
        }
    }

    /// The decimal separators every exporter can set.
    public static let decimalSeparators: Set<String> = [",", "."]

    /// The `{name}` placeholders in `text`, in order.
    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) { names.append(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }
}

extension Scoring.Method {
    /// The sentence beside the standings that says how they were ranked.
    public var rankedByLabel: LabelKey {
        switch self {
        case .mean: return .rankedByMean
        case .trimmed: return .rankedByTrimmed
        case .zscore: return .rankedByZscore
        case .median: return .rankedByMedian
        }
    }

    /// The heading of the method's totals where they stand beside the raw ones (the
    /// workbook); `mean`'s are the raw totals, headed "Total".
    public var totalLabel: LabelKey {
        switch self {
        case .mean: return .total
        case .trimmed: return .totalTrimmed
        case .zscore: return .totalZscore
        case .median: return .totalMedian
        }
    }
}
