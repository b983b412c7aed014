/// The one description of the edition file's fields: every object, its keys in order, what
/// each holds and which are required.
///
/// The reader takes its keys from it (unknown keys, did-you-mean), the JSON Schema is made
/// from it (`EditionSchema`, beside the canonical JSON in JSONExporter), and tests check the reader's required fields, the canonical
/// JSON's keys and the starter file against it, so that none of them can drift. A new field
/// is one line here, then the model, the reader's line that reads it and the outline or
/// exporters that show it.
public enum EditionFields {
    public static var award: ObjectDescription {
        ObjectDescription("award", [
            FieldDescription("name", .plainText, required: true, "The award's name"),
            FieldDescription("slug", .id, "Used in output file names; derived from the name when absent"),
            FieldDescription("organizer", .plainText, "The organizing body"),
            FieldDescription("url", .url, "The award's website"),
        ])
    }

    public static var edition: ObjectDescription {
        ObjectDescription("edition", [
            FieldDescription("year", .integer(minimum: 1, maximum: 9999), required: true, "The year the award is given"),
            FieldDescription("number", .integer(minimum: 1, maximum: 1_000_000), "The edition's ordinal number"),
            FieldDescription("period", .plainText, "Free text, such as 2019-2020"),
            FieldDescription("theme", .plainText, "The edition's theme"),
            FieldDescription("language", .languageTag, "BCP 47 tag; built-in labels for en, nl, fr, de, es and it (others: English ones and a warning); default en"),
            FieldDescription("place", .plainText, "Where the report is signed"),
            FieldDescription("title", .plainText, "The report's title; made from the labels when absent"),
            FieldDescription("date", .date, "The report's date, YYYY-MM-DD; stands for every timestamp in the output"),
        ])
    }

    public static var section: ObjectDescription {
        ObjectDescription("section", [
            FieldDescription("heading", .plainText, "Optional heading"),
            FieldDescription("body", .richText, required: true, "The section's text"),
        ])
    }

    public static var criterion: ObjectDescription {
        ObjectDescription("criterion", [
            FieldDescription("id", .id, required: true),
            FieldDescription("name", .plainText, required: true, "The criterion's name"),
            FieldDescription("weight", .number(positive: true), "Default 1"),
            FieldDescription("description", .richText, "What the criterion means"),
        ])
    }

    public static var scale: ObjectDescription {
        ObjectDescription("scale", [
            FieldDescription("min", .number(positive: false), required: true),
            FieldDescription("max", .number(positive: false), required: true),
        ])
    }

    public static var fact: ObjectDescription {
        ObjectDescription("fact", [
            FieldDescription("label", .plainText, required: true, "The figure's label"),
            FieldDescription("value", .numberOrText, required: true, "A number, or text"),
        ])
    }

    public static var nominee: ObjectDescription {
        ObjectDescription("nominee", [
            FieldDescription("id", .id, required: true),
            FieldDescription("name", .plainText, required: true, "The nominee's name"),
            FieldDescription("number", .integer(minimum: 0, maximum: 1_000_000_000), "Default: its 1-based position"),
            FieldDescription("lead", .plainText, "The lead institution"),
            FieldDescription("location", .plainText, "Where"),
            FieldDescription("sector", .plainText, "The sector"),
            FieldDescription("partners", .list(.plainText)),
            FieldDescription("summary", .plainText, "A one-line summary"),
            FieldDescription("body", .richText, "The nominee's text"),
            FieldDescription("facts", .list(.object(fact)), "Key figures, in order"),
            FieldDescription("url", .url, "The nominee's website"),
        ])
    }

    public static var verdict: ObjectDescription {
        ObjectDescription("verdict", [
            FieldDescription("winner", .id, required: true, "A nominee id"),
            FieldDescription("mentions", .list(.id, unique: true), "Honourable mentions: nominee ids"),
            FieldDescription("rationale", .richText, "Why this winner"),
            FieldDescription("announcement", .plainText, "The announcement line"),
        ])
    }

    public static var juryMember: ObjectDescription {
        ObjectDescription("juryMember", [
            FieldDescription("id", .id, required: true),
            FieldDescription("name", .plainText, required: true, "The member's name"),
            FieldDescription("role", .plainText, "Free text, such as chair"),
            FieldDescription("chair", .boolean, "At most one member"),
            FieldDescription("affiliation", .plainText, "Where the member comes from"),
        ])
    }

    public static var score: ObjectDescription {
        ObjectDescription("score", [
            FieldDescription("juror", .id, required: true),
            FieldDescription("nominee", .id, required: true),
            FieldDescription("criterion", .id, "Required exactly when criteria exist"),
            FieldDescription("score", .number(positive: false), required: true, "Inside the scale"),
        ])
    }

    public static var recusal: ObjectDescription {
        ObjectDescription("recusal", [
            FieldDescription("juror", .id, required: true, "A jury member id"),
            FieldDescription("nominee", .id, required: true, "A nominee id the member does not judge"),
            FieldDescription("reason", .plainText, "Why, as the report publishes it"),
        ])
    }

    public static var remark: ObjectDescription {
        ObjectDescription("remark", [
            FieldDescription("juror", .id, required: true, "A jury member id"),
            FieldDescription("nominee", .id, required: true, "A nominee id"),
            FieldDescription("remark", .plainText, required: true, "The member's remark, at most \(Remark.maximumLength) characters; never published"),
        ])
    }

    /// Every label, each overriding the built-in word of the edition's language.
    public static var labels: ObjectDescription {
        let english = Dictionary(uniqueKeysWithValues: Labels.builtIn("en"))
        return ObjectDescription("labels", LabelKey.allCases.map { key in
            let placeholders = key.placeholders.isEmpty ? "" : "; with " + key.placeholders.map { "{\($0)}" }.joined(separator: ", ")
            return FieldDescription(key.rawValue, .plainText, "English: \(english[key] ?? "")" + placeholders)
        })
    }

    public static var presentation: ObjectDescription {
        ObjectDescription("presentation", [
            FieldDescription("numbering", .boolean, "Nominee numbers shown; default true"),
            FieldDescription(
                "decimals", .integer(minimum: 0, maximum: Presentation.maximumDecimals),
                "Digits of totals in the report formats; default 2 (CSV and JSON: full precision)"),
            FieldDescription(
                "quotes", .choice(Presentation.Quotes.allCases.map(\.rawValue)),
                "typographic (default): ' and \" become curly quotes in LaTeX and HTML; as-typed: left as they are"),
        ])
    }

    public static var scoring: ObjectDescription {
        ObjectDescription("scoring", [
            FieldDescription(
                "method", .choice(Scoring.Method.allCases.map(\.rawValue)),
                "How scores become totals: mean (default: the weighted mean of all scores), trimmed (the highest and lowest "
                    + "of a criterion scored by at least \(Scoring.trimmedMinimumJurors) jurors left out), zscore (each juror's "
                    + "scores standardized, mapped back onto the raw totals' range), median (of the jurors' weighted means)"),
        ])
    }

    /// A nominee's place as the `json` format writes it: derived from the scores, so never
    /// read back (an edition's standings are always computed anew).
    public static var standing: ObjectDescription {
        ObjectDescription("standing", [
            FieldDescription("nominee", .id, "A nominee id"),
            FieldDescription("rank", .integer(minimum: 1, maximum: nil), "Competition ranking by total, 1 first"),
            FieldDescription("total", .number(positive: false), "The total by the scoring method, which ranks"),
            FieldDescription("rawTotal", .number(positive: false), "The weighted mean of all the nominee's scores"),
            FieldDescription("scores", .integer(minimum: 1, maximum: nil), "How many scores the totals are made of"),
            FieldDescription("jurors", .integer(minimum: 1, maximum: nil), "How many jury members gave them"),
        ])
    }

    public static var branding: ObjectDescription {
        ObjectDescription("branding", [
            FieldDescription("logo", .relativePath, "A PNG, JPEG or PDF file relative to this file: on the PDF's title block, the HTML page, the workbook"),
            FieldDescription("accent", .color, "#RRGGBB: headings, the winner's box, the workbook's header rows"),
        ])
    }

    /// The whole file.
    public static var root: ObjectDescription {
        ObjectDescription("edition file", [
            FieldDescription("format", .constant(Edition.currentFormat), required: true, "The schema and its version"),
            FieldDescription("award", .object(award), required: true),
            FieldDescription("edition", .object(edition), required: true),
            FieldDescription("sections", .list(.object(section)), "Free-text sections before the nominees"),
            FieldDescription("criteria", .list(.object(criterion), maximumCount: Limits.criteria), "Judging criteria"),
            FieldDescription("scale", .object(scale), "The score scale, default 1 to 10"),
            FieldDescription("nominees", .list(.object(nominee), minimumCount: 1, maximumCount: Limits.nominees), required: true, "In report order"),
            FieldDescription("analysis", .list(.object(section)), "Free-text sections after the nominees"),
            FieldDescription("verdict", .object(verdict), required: true),
            FieldDescription("jury", .list(.object(juryMember), minimumCount: 1, maximumCount: Limits.jury), required: true, "In signing order"),
            FieldDescription("signature", .plainText, "The line above the jury's names"),
            FieldDescription("scores", .list(.object(score)), "One per juror, nominee and criterion"),
            FieldDescription(
                "scoresFile", .relativePath,
                "More scores: a CSV table (juror, nominee, criterion, score) relative to this file, as juryreport collect writes it"),
            FieldDescription("scoring", .object(scoring), "How scores become the totals that rank the nominees"),
            FieldDescription("recusals", .list(.object(recusal)), "Jury members who do not judge a nominee"),
            FieldDescription(
                "remarks", .list(.object(remark)),
                "The jury's remarks on nominees, one per member and nominee: in the organizer's workbook and the JSON, never in a report"),
            FieldDescription(
                "remarksFile", .relativePath,
                "More remarks: a CSV table (juror, nominee, remark) relative to this file, as juryreport collect writes it"),
            FieldDescription("labels", .object(labels), "The edition's own words for any label (juryreport labels LANG prints them)"),
            FieldDescription("presentation", .object(presentation), "How every format shows the content"),
            FieldDescription("branding", .object(branding), "The organizer's house style: a logo and an accent colour"),
            FieldDescription(
                "standings", .list(.object(standing)),
                "Written by the json format, ranked best first, for programs: computed from the scores, never read back"),
        ])
    }

    /// Every object, each once, in the order of the file.
    public static var objects: [ObjectDescription] {
        [root, award, edition, section, criterion, scale, nominee, fact, verdict, juryMember, score, scoring, recusal, remark, labels, presentation, branding, standing]
    }

    /// The most nominees, jury members and criteria an edition may have: far beyond any
    /// award, and small enough that their product (the places of the score table) stays far
    /// within a machine integer, however the file repeats an item through YAML aliases.
    public enum Limits {
        public static let nominees = 1_000_000
        public static let jury = 10_000
        public static let criteria = 1_000
    }

    /// What the reader needs of each object, made once from its description: the reader asks
    /// for it for every item it reads. (The descriptions themselves are made when asked for:
    /// kept in globals, their enum payloads hide their pointers from the leak checker the
    /// fuzzer runs; the rules hold none.)
    public enum Rules {
        /// Every object's rules by the object's name.
        public static let byName: [String: FieldRules] = Dictionary(
            uniqueKeysWithValues: EditionFields.objects.map { ($0.name, FieldRules($0)) })
        public static let root = byName[EditionFields.root.name]!
    }
}
