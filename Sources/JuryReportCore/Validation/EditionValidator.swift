/// The rules of an edition that span fields: ids well-formed and unique, references that
/// resolve, scores inside the scale and consistent with the criteria, one chair at most.
struct EditionValidator {
    let edition: Edition
    /// Lists that lost items while reading: references into them are not checked.
    let incompleteLists: Set<String>
    /// Where each kept item of a list stood in the file, when some were dropped.
    let sourceIndexes: [FieldPath: [Int]]
    /// Reports one fault at a path.
    let report: (String, FieldPath) -> Void

    func validate() {
        if !Slug.isValid(edition.award.slug) {
            report("\(DisplayText.quoted(edition.award.slug)) \(Self.idRule)", FieldPath.root.appending("award").appending("slug"))
        } else if edition.award.slug.utf8.count > Slug.maximumLength {
            // Checked here, not at export: what validates must export (a longer name does not fit).
            report(
                "is \(edition.award.slug.utf8.count) characters; a slug may have at most \(Slug.maximumLength), so that file names fit",
                FieldPath.root.appending("award").appending("slug"))
        }
        let edition = self.edition
        let criterionIds = checkIds(edition.criteria.count, list: "criteria") { edition.criteria[$0].id }
        let nomineeIds = checkIds(edition.nominees.count, list: "nominees") { edition.nominees[$0].id }
        let jurorIds = checkIds(edition.jury.count, list: "jury") { edition.jury[$0].id }
        checkNomineeNumbers()
        checkVerdict(nomineeIds: nomineeIds)
        checkChair()
        let recused = checkRecusals(nomineeIds: nomineeIds, jurorIds: jurorIds)
        checkScores(criterionIds: criterionIds, nomineeIds: nomineeIds, jurorIds: jurorIds, recused: recused)
        checkRemarks(nomineeIds: nomineeIds, jurorIds: jurorIds, recused: recused)
    }

    /// Checks that each recusal names a known juror and nominee, once; returns the index of
    /// each recusal by "juror nominee".
    private func checkRecusals(nomineeIds: IdSet, jurorIds: IdSet) -> [String: Int] {
        var seen: [String: Int] = [:]
        for (index, recusal) in edition.recusals.enumerated() {
            checkReferences(juror: recusal.juror, nominee: recusal.nominee, of: "recusals", index, jurorIds: jurorIds, nomineeIds: nomineeIds)
            let key = recusal.juror + " " + recusal.nominee
            if let first = seen[key] {
                report("\(DisplayText.quoted(recusal.juror)) is already recused from \(DisplayText.quoted(recusal.nominee)) by \(path("recusals", first))", path("recusals", index))
            } else {
                seen[key] = index
            }
        }
        return seen
    }

    /// Checks that the item at `index` of `list` names a known jury member and nominee (unless
    /// the list it refers to lost items while reading).
    func checkReferences(juror: String, nominee: String, of list: String, _ index: Int, jurorIds: IdSet, nomineeIds: IdSet) {
        if !jurorIds.contains(juror) && !incompleteLists.contains("jury") {
            report("refers to no jury member: \(DisplayText.quoted(juror)) \(Self.known(jurorIds))", path(list, index, "juror"))
        }
        if !nomineeIds.contains(nominee) && !incompleteLists.contains("nominees") {
            report("refers to no nominee: \(DisplayText.quoted(nominee)) \(Self.known(nomineeIds))", path(list, index, "nominee"))
        }
    }

    static let idRule = "is not a valid id: use lowercase letters a-z, digits and single hyphens, like 'cleantech-center'"

    func path(_ list: String, _ index: Int, _ field: String? = nil) -> FieldPath {
        let listPath = FieldPath.root.appending(list)
        let sourceIndex = sourceIndexes[listPath]?[index] ?? index
        let itemPath = listPath.appending(index: sourceIndex)
        return field.map { itemPath.appending($0) } ?? itemPath
    }

    /// Checks the ids of a list of `count` items, `id` giving the one at a place, and
    /// returns them as a set (which names the first place of a repeated id at once).
    private func checkIds(_ count: Int, list: String, id: @escaping (Int) -> String) -> IdSet {
        var seen = IdSet(count: count, id: id)
        for index in 0..<count {
            let id = id(index)
            if !Slug.isValid(id) {
                report("\(DisplayText.quoted(id)) \(Self.idRule)", path(list, index, "id"))
            }
            if let first = seen.insert(place: index) {
                report("duplicate id \(DisplayText.quoted(id)), already used by \(path(list, first))", path(list, index, "id"))
            }
        }
        return seen
    }

    private func checkNomineeNumbers() {
        // Numbers that rise, as the default ones (positions) do, hold no duplicate. By index:
        // a nominee taken whole (as `lazy.map(\.number)` does) is copied, a retain per field.
        let nominees = edition.nominees
        guard nominees.indices.dropFirst().contains(where: { nominees[$0 - 1].number >= nominees[$0].number }) else { return }
        var seen: [Int: Int] = [:]
        seen.reserveCapacity(edition.nominees.count)
        for index in edition.nominees.indices {
            let number = edition.nominees[index].number
            if let first = seen[number] {
                report("duplicate number \(number), already used by \(path("nominees", first))", path("nominees", index, "number"))
            } else {
                seen[number] = index
            }
        }
    }

    private func checkVerdict(nomineeIds: IdSet) {
        let verdict = FieldPath.root.appending("verdict")
        let nomineesComplete = !incompleteLists.contains("nominees")
        if nomineesComplete && !nomineeIds.contains(edition.verdict.winner) {
            report("refers to no nominee: \(DisplayText.quoted(edition.verdict.winner)) \(Self.known(nomineeIds))", verdict.appending("winner"))
        }
        var seen = Set<String>()
        for (index, mention) in edition.verdict.mentions.enumerated() {
            let mentionPath = verdict.appending("mentions").appending(index: index)
            if nomineesComplete && !nomineeIds.contains(mention) {
                report("refers to no nominee: \(DisplayText.quoted(mention)) \(Self.known(nomineeIds))", mentionPath)
            }
            if mention == edition.verdict.winner {
                report("the winner \(DisplayText.quoted(mention)) cannot also be a mention", mentionPath)
            }
            if !seen.insert(mention).inserted {
                report("\(DisplayText.quoted(mention)) is mentioned twice", mentionPath)
            }
        }
    }

    private func checkChair() {
        let chairs = edition.jury.indices.filter { edition.jury[$0].chair }
        for index in chairs.dropFirst() {
            report("only one jury member can be the chair; \(path("jury", chairs[0])) already is", path("jury", index, "chair"))
        }
    }

    private func checkScores(criterionIds: IdSet, nomineeIds: IdSet, jurorIds: IdSet, recused: [String: Int]) {
        // No scores, nothing to check: and no index of a long list of nominees made for none.
        guard !edition.scores.isEmpty else { return }
        let hasCriteria = !edition.criteria.isEmpty || incompleteLists.contains("criteria")
        let scale = edition.scale
        // A score's three ids make one number: a second score by the same juror is then found
        // in a flat table, not by hashing three strings per score.
        let places = ScoreIndex(edition)
        var firstByKey = ScoreTable<Int>(places, scores: edition.scores.count)
        for (index, score) in edition.scores.enumerated() {
            let juror = places.jurors[score.juror]
            let nominee = places.nominees[score.nominee]
            if juror == nil && !incompleteLists.contains("jury") {
                report("refers to no jury member: \(DisplayText.quoted(score.juror)) \(Self.known(jurorIds))", path("scores", index, "juror"))
            }
            if nominee == nil && !incompleteLists.contains("nominees") {
                report("refers to no nominee: \(DisplayText.quoted(score.nominee)) \(Self.known(nomineeIds))", path("scores", index, "nominee"))
            }
            // The criterion's place, nil for none. A score with a criterion that is not
            // known (and reported) is not compared with others.
            var criterion: Int?
            var comparable = true
            switch (score.criterion, hasCriteria) {
            case (nil, true):
                report("is required, because the edition has criteria", path("scores", index, "criterion"))
            case (let id?, false):
                report("\(DisplayText.quoted(id)) given, but the edition has no criteria", path("scores", index, "criterion"))
                comparable = false
            case (let id?, true):
                criterion = places.criteria[id]
                comparable = criterion != nil
                if criterion == nil && !incompleteLists.contains("criteria") {
                    report("refers to no criterion: \(DisplayText.quoted(id)) \(Self.known(criterionIds))", path("scores", index, "criterion"))
                }
            default:
                break
            }
            if score.score < scale.min || score.score > scale.max {
                report(
                    "\(NumberText.shortest(score.score)) is outside the scale \(NumberText.shortest(scale.min)) to \(NumberText.shortest(scale.max))",
                    path("scores", index, "score"))
            }
            if !recused.isEmpty, let recusal = recused[score.juror + " " + score.nominee] {
                report(
                    "\(DisplayText.quoted(score.juror)) is recused from \(DisplayText.quoted(score.nominee)) (\(path("recusals", recusal))) and cannot score it",
                    path("scores", index))
            }
            // A score whose ids are not all known has been reported; it cannot be a second one.
            guard comparable, let juror, let nominee else { continue }
            let key = places.key(nominee: nominee, juror: juror, criterion: criterion)
            let first = firstByKey[key]
            if first == nil { firstByKey[key] = index }
            if let first {
                report("a second score by the same juror for the same nominee\(score.criterion == nil ? "" : " and criterion"); the first is \(path("scores", first))", path("scores", index))
            }
        }
    }

    static func known(_ ids: IdSet) -> String {
        let sorted = ids.all.sorted()
        let shown = sorted.prefix(8).joined(separator: ", ")
        return "(known: \(shown)\(sorted.count > 8 ? ", …" : ""))"
    }
}
