import JuryReportSource

extension EditionValidator {
    /// Checks that each remark names a known jury member and nominee, once per pair, not one
    /// the member is recused from, and holds text within ``Remark/maximumLength``.
    func checkRemarks(nomineeIds: IdSet, jurorIds: IdSet, recused: [String: Int]) {
        var seen: [String: Int] = [:]
        for (index, remark) in edition.remarks.enumerated() {
            checkReferences(juror: remark.juror, nominee: remark.nominee, of: "remarks", index, jurorIds: jurorIds, nomineeIds: nomineeIds)
            if remark.text.trimmingWhitespace().isEmpty {
                report("is empty; leave the remark out instead", path("remarks", index, "remark"))
            } else if remark.text.count > Remark.maximumLength {
                report("is \(remark.text.count) characters; a remark may have at most \(Remark.maximumLength)", path("remarks", index, "remark"))
            }
            let key = remark.juror + " " + remark.nominee
            if let recusal = recused[key] {
                report(
                    "\(DisplayText.quoted(remark.juror)) is recused from \(DisplayText.quoted(remark.nominee)) (\(path("recusals", recusal))) and does not judge it",
                    path("remarks", index))
            }
            if let first = seen[key] {
                report("a second remark by the same juror on the same nominee; the first is \(path("remarks", first))", path("remarks", index))
            } else {
                seen[key] = index
            }
        }
    }
}
