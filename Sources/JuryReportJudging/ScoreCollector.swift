import JuryReportCore

/// Reads the scores out of filled score forms, checking each against the edition it is
/// collected for: the form's identity (edition, jury member, the fingerprint of the nominee
/// and criterion lists), its ids (every nominee and criterion found once by its hidden id,
/// so an edited layout is never misread), each value (a number inside the scale; a decimal
/// comma is read), recusals, and the same jury member twice. Empty cells are warnings. The
/// remarks column, where the form has one, gives the member's remarks: literal text, within
/// `Remark.maximumLength`.
public struct ScoreCollector: Sendable {
    public let edition: Edition
    /// Made once for every form: the places of the ids and the recusals.
    private let nominees: [String: Int]
    private let criteria: [String: Int]
    private let recusals: RecusalIndex

    public init(edition: Edition) {
        self.edition = edition
        nominees = ScoreIndex.places(edition.nominees.map { $0.id })
        criteria = ScoreIndex.places(edition.criteria.map { $0.id })
        recusals = RecusalIndex(edition)
    }

    /// What the forms came to: the scores, or the faults that refuse them; warnings either way.
    public struct Collection: Sendable {
        /// Jury member by jury member in jury order, nominee by nominee, criterion by criterion:
        /// every score of the forms except those the edition file already holds inline.
        public var scores: [Score] = []
        /// Jury member by jury member in jury order, nominee by nominee: every remark of the
        /// forms except those the edition file already holds inline.
        public var remarks: [Remark] = []
        public var errors: [Diagnostic] = []
        public var warnings: [Diagnostic] = []
    }

    public func collect(_ forms: [FilledForm]) -> Collection {
        var collection = Collection()
        var formOf: [String: String] = [:]
        var read: [(juror: Int, scores: [Score], remarks: [Remark])] = []
        let jurors = ScoreIndex.places(edition.jury.map { $0.id })
        for form in forms {
            guard let juror = check(identityOf: form, jurors: jurors, into: &collection) else { continue }
            let id = edition.jury[juror].id
            if let first = formOf[id] {
                collection.errors.append(Diagnostic(
                    .error, file: form.file, message: "a second form of the jury member '\(id)'; the first is \(first)"))
                continue
            }
            formOf[id] = form.file
            if let (scores, remarks) = scores(of: form, juror: juror, into: &collection) { read.append((juror, scores, remarks)) }
        }
        read.sort { $0.juror < $1.juror }
        collection.scores = read.flatMap(\.scores)
        collection.remarks = read.flatMap(\.remarks)
        return collection
    }

    /// The index of the form's jury member, when the form is one of this edition's.
    private func check(identityOf form: FilledForm, jurors: [String: Int], into collection: inout Collection) -> Int? {
        func refuse(_ message: String) -> Int? {
            collection.errors.append(Diagnostic(.error, file: form.file, message: message))
            return nil
        }
        guard let editionName = form.properties[FormIdentity.PropertyName.edition],
            let juror = form.properties[FormIdentity.PropertyName.juror],
            let fingerprint = form.properties[FormIdentity.PropertyName.fingerprint]
        else {
            return refuse("is not a score form of juryreport: it has no identification (make the forms with juryreport forms)")
        }
        guard editionName == edition.baseName else {
            return refuse("is a form of \(DisplayText.quoted(editionName)), not of '\(edition.baseName)'")
        }
        guard let index = jurors[juror] else {
            return refuse("is the form of \(DisplayText.quoted(juror)), who is not on the jury of '\(edition.baseName)'")
        }
        let expected = FormIdentity.fingerprint(of: edition)
        guard fingerprint == expected else {
            return refuse(
                "was made for other nominees, criteria or scale than the edition has now (fingerprint \(DisplayText.quoted(fingerprint)), "
                    + "expected '\(expected)'); make the forms again with juryreport forms")
        }
        return index
    }

    /// The form's scores and remarks, found by the ids of its key row and id column.
    private func scores(of form: FilledForm, juror: Int, into collection: inout Collection) -> ([Score], [Remark])? {
        var errors: [Diagnostic] = []
        func fault(_ message: String, sheet: String? = nil, row: Int = 0, column: Int = 0) {
            var diagnostic = Diagnostic(.error, file: form.file, message: message)
            if let sheet { diagnostic.cell = CellReference.named(sheet: sheet, row: row, column: column) }
            errors.append(diagnostic)
        }
        let corners = form.sheets.flatMap { sheet in
            sheet.cells.filter { $0.value == .text(ScoreFormKeys.corner) }.map { (sheet, $0) }
        }
        guard corners.count == 1, let (sheet, corner) = corners.first else {
            let message = corners.isEmpty
                ? "the form's hidden ids are gone (the key row or the id column was deleted); fill in a new form"
                : "the form's key row is there \(corners.count) times (was it copied?); fill in a new form"
            collection.errors.append(Diagnostic(.error, file: form.file, message: message))
            return nil
        }
        let criteria = edition.criteria
        let expectedKeys = criteria.isEmpty ? [ScoreFormKeys.scoreColumn] : criteria.map(\.id)
        let keyPlaces = ScoreIndex.places(expectedKeys)
        let nomineePlaces = nominees
        var columnOf = [Int?](repeating: nil, count: expectedKeys.count)
        var remarksColumn: Int?
        var rowOf = [Int?](repeating: nil, count: edition.nominees.count)
        var values: [Int: [Int: FilledForm.Value]] = [:]
        for cell in sheet.cells {
            if cell.row == corner.row && cell.column != corner.column {
                if cell.value == .text(ScoreFormKeys.remarks) {
                    if remarksColumn != nil {
                        fault("the remarks column is there twice (was it copied?)", sheet: sheet.name, row: cell.row, column: cell.column)
                    }
                    remarksColumn = cell.column
                    continue
                }
                guard case .text(let key) = cell.value, let place = keyPlaces[key] else {
                    fault("the form's key row holds something it did not: the row was edited; fill in a new form", sheet: sheet.name, row: cell.row, column: cell.column)
                    continue
                }
                if columnOf[place] != nil {
                    fault("the column of '\(key)' is there twice (was it copied?)", sheet: sheet.name, row: cell.row, column: cell.column)
                }
                columnOf[place] = cell.column
            } else if cell.column == corner.column && cell.row > corner.row {
                guard case .text(let id) = cell.value else { continue }
                guard let place = nomineePlaces[id] else {
                    fault("\(DisplayText.quoted(id)) is not a nominee of '\(edition.baseName)': the form's ids were edited", sheet: sheet.name, row: cell.row, column: cell.column)
                    continue
                }
                if rowOf[place] != nil {
                    fault("the row of '\(id)' is there twice (was it copied?)", sheet: sheet.name, row: cell.row, column: cell.column)
                }
                rowOf[place] = cell.row
            }
            values[cell.row, default: [:]][cell.column] = cell.value
        }
        for (place, column) in columnOf.enumerated() where column == nil {
            fault("the column of '\(expectedKeys[place])' is missing (was it deleted?)", sheet: sheet.name, row: corner.row, column: corner.column)
        }
        for (place, row) in rowOf.enumerated() where row == nil {
            fault("the row of '\(edition.nominees[place].id)' is missing (was it deleted?)", sheet: sheet.name, row: corner.row, column: corner.column)
        }
        guard errors.isEmpty else {
            collection.errors += errors
            return nil
        }
        let member = edition.jury[juror]
        let inline = inlineScores(of: juror)
        let scale = edition.scale
        let range = "\(NumberText.shortest(scale.min)) to \(NumberText.shortest(scale.max))"
        var scores: [Score] = []
        var remarks: [Remark] = []
        let inlineRemarks = Dictionary(
            edition.inlineRemarks.filter { $0.juror == member.id }.map { ($0.nominee, $0.text) }, uniquingKeysWith: { first, _ in first })
        for (nominee, row) in rowOf.enumerated() {
            guard let row else { continue }
            let nomineeID = edition.nominees[nominee].id
            let recused = recusals.isRecused(juror: juror, nominee: nominee)
            if let column = remarksColumn, let value = values[row]?[column] {
                switch RemarkCell.text(of: value) {
                case .success(nil): break
                case .success(let text?):
                    if recused {
                        fault("'\(member.id)' is recused from '\(nomineeID)' and gives it no remark; leave the cell empty", sheet: sheet.name, row: row, column: column)
                    } else if let given = inlineRemarks[nomineeID] {
                        if given != text {
                            fault("the edition file already gives a remark here, and the form another; change the remark in the edition file or remove it there", sheet: sheet.name, row: row, column: column)
                        }
                    } else {
                        remarks.append(Remark(juror: member.id, nominee: nomineeID, text: text))
                    }
                case .failure(let problem):
                    fault(problem.message, sheet: sheet.name, row: row, column: column)
                }
            }
            var missing: [String] = []
            for (place, column) in columnOf.enumerated() {
                guard let column else { continue }
                let value = values[row]?[column]
                let at = (sheet: sheet.name, row: row, column: column)
                let criterion = criteria.isEmpty ? nil : criteria[place].id
                if recused {
                    switch value {
                    case nil, .text: continue
                    default:
                        fault("'\(member.id)' is recused from '\(nomineeID)' and cannot score it; leave the cell empty", sheet: at.sheet, row: row, column: column)
                        continue
                    }
                }
                guard let value else {
                    missing.append(criterion.map { "'\($0)'" } ?? "")
                    continue
                }
                var number: Double?
                switch value {
                case .number(let written): number = written
                case .text(let written):
                    let trimmed = written.trimmingWhitespace()
                    if trimmed.isEmpty {
                        missing.append(criterion.map { "'\($0)'" } ?? "")
                        continue
                    }
                    // A number stored as text, perhaps with a decimal comma (7,5).
                    number = NumberSyntax.parse(trimmed) ?? NumberSyntax.parse(trimmed.replacingOccurrences(of: ",", with: "."))
                    if number == nil {
                        fault("expected a score from \(range), found \(DisplayText.quoted(written))", sheet: at.sheet, row: row, column: column)
                        continue
                    }
                case .boolean(let flag):
                    fault("expected a score from \(range), found \(flag ? "TRUE" : "FALSE")", sheet: at.sheet, row: row, column: column)
                    continue
                case .error(let code):
                    fault("expected a score from \(range), found the error \(DisplayText.quoted(code))", sheet: at.sheet, row: row, column: column)
                    continue
                }
                guard let score = number, score.isFinite, score >= scale.min, score <= scale.max else {
                    fault("\(number.map(NumberText.shortest) ?? "?") is outside the scale \(range)", sheet: at.sheet, row: row, column: column)
                    continue
                }
                let key = nominee * max(criteria.count, 1) + place
                if let given = inline[key] {
                    if given != score {
                        fault(
                            "the edition file already gives \(NumberText.shortest(given)) here, the form \(NumberText.shortest(score)); "
                                + "change the score in the edition file or remove it there", sheet: at.sheet, row: row, column: column)
                    }
                    continue
                }
                scores.append(Score(juror: member.id, nominee: nomineeID, criterion: criterion, score: score))
            }
            if !missing.isEmpty {
                var warning = Diagnostic(
                    .warning, file: form.file,
                    message: "no score by '\(member.id)' for '\(nomineeID)'"
                        + (criteria.isEmpty ? "" : " on \(missing.count == 1 ? "criterion" : "criteria") " + missing.joined(separator: ", ")))
                warning.cell = CellReference.named(sheet: sheet.name, row: row, column: columnOf.compactMap { $0 }.min() ?? 0)
                collection.warnings.append(warning)
            }
        }
        collection.errors += errors
        return errors.isEmpty ? (scores, remarks) : nil
    }

    /// The scores the edition file itself gives the jury member at `juror`, by
    /// `nominee * criteria + criterion`: a form shows them filled in, and they are not
    /// collected again.
    private func inlineScores(of juror: Int) -> [Int: Double] {
        let id = edition.jury[juror].id
        var scores: [Int: Double] = [:]
        for score in edition.inlineScores where score.juror == id {
            guard let nominee = nominees[score.nominee] else { continue }
            scores[nominee * max(edition.criteria.count, 1) + (score.criterion.flatMap { criteria[$0] } ?? 0)] = score.score
        }
        return scores
    }
}
