import JuryReportCore

/// The award's archive as JSON, for programs: the award, its editions newest first (winner,
/// mentions, chair, the files written for each) and every nominee of every edition with the
/// other years it stands in.
enum ArchiveJSON {
    static func encode(_ request: ArchiveRequest) -> [UInt8] {
        let archive = request.archive
        var json = JSONWriter()
        json.object { json in
            json.member("award") { $0.award(archive.award) }
            json.member("editions", objects: archive.entries) { json, entry in
                let edition = entry.edition
                json.member("year", number: Double(entry.year))
                json.member("number", number: edition.details.number.map(Double.init))
                json.member("period", edition.details.period)
                json.member("theme", edition.details.theme)
                json.member("language", edition.details.language)
                if let winner = entry.references.winner {
                    json.member("winner") { $0.nominee(edition.nominees[winner]) }
                }
                json.member("mentions", objects: entry.references.mentions) { json, index in
                    json.nomineeFields(edition.nominees[index])
                }
                json.member("chair", entry.references.chair.map { edition.jury[$0].name })
                json.member("files") { json in
                    json.array { json in
                        for name in entry.reportFiles { json.element { $0.string(name) } }
                    }
                }
            }
            json.member("nominees", objects: archive.nomineeRows) { json, row in
                json.member("year", number: Double(row.year))
                json.member("nominee", row.id)
                json.member("name", row.name)
                json.member("lead", row.lead)
                json.member("distinction", row.distinction.map { $0 == .winner ? "winner" : "mention" })
                json.member("rank", number: row.rank.map(Double.init))
                json.member("total", number: row.total)
                json.member("otherYears") { json in
                    json.array { json in
                        for year in row.otherYears { json.element { $0.number(Double(year)) } }
                    }
                }
            }
        }
        return Array((json.text + "\n").utf8)
    }
}

extension JSONWriter {
    fileprivate mutating func nominee(_ nominee: Nominee) {
        object { json in json.nomineeFields(nominee) }
    }

    fileprivate mutating func nomineeFields(_ nominee: Nominee) {
        member("id", nominee.id)
        member("name", nominee.name)
        member("lead", nominee.lead)
    }
}
