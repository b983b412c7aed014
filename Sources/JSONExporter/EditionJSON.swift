import JuryReportCore

/// The canonical JSON of a validated edition: the edition file's structure, keys in the
/// schema's order, every default filled in. The same bytes the external exporters receive,
/// and a valid edition file in its own right.
public enum EditionJSON {
    /// With `standings`, each ranked nominee's rank, total by the scoring method and raw
    /// total follow as `standings` (derived, never read back).
    public static func encode(_ edition: Edition, standings: Standings? = nil) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.member("format", edition.format)
            json.member("award") { $0.award(edition.award) }
            json.member("edition") { json in
                let details = edition.details
                json.object { json in
                    json.member("year", number: Double(details.year))
                    json.member("number", number: details.number.map(Double.init))
                    json.member("period", details.period)
                    json.member("theme", details.theme)
                    json.member("language", details.language)
                    json.member("place", details.place)
                    json.member("title", details.title)
                    json.member("date", details.date?.description)
                }
            }
            json.member("sections") { $0.sections(edition.sections) }
            json.member("criteria", objects: edition.criteria) { json, criterion in
                json.member("id", criterion.id)
                json.member("name", criterion.name)
                json.member("weight", number: criterion.weight)
                json.member("description", criterion.description?.source)
            }
            json.member("scale") { json in
                json.object { json in
                    json.member("min", number: edition.scale.min)
                    json.member("max", number: edition.scale.max)
                }
            }
            json.member("nominees") { json in
                json.array { json in
                    for nominee in edition.nominees {
                        json.element { $0.nominee(nominee) }
                    }
                }
            }
            json.member("analysis") { $0.sections(edition.analysis) }
            json.member("verdict") { json in
                json.object { json in
                    json.member("winner", edition.verdict.winner)
                    json.member("mentions") { $0.strings(edition.verdict.mentions) }
                    json.member("rationale", edition.verdict.rationale?.source)
                    json.member("announcement", edition.verdict.announcement)
                }
            }
            json.member("jury", objects: edition.jury) { json, member in
                json.member("id", member.id)
                json.member("name", member.name)
                json.member("role", member.role)
                json.member("chair", bool: member.chair)
                json.member("affiliation", member.affiliation)
            }
            json.member("signature", edition.signature)
            json.member("scores", objects: edition.scores) { json, score in
                json.member("juror", score.juror)
                json.member("nominee", score.nominee)
                json.member("criterion", score.criterion)
                json.member("score", number: score.score)
            }
            // The scores of a scoresFile are written above: the JSON stands on its own.
            json.member("scoring") { json in
                json.object { json in
                    json.member("method", edition.scoring.method.rawValue)
                }
            }
            json.member("recusals", objects: edition.recusals) { json, recusal in
                json.member("juror", recusal.juror)
                json.member("nominee", recusal.nominee)
                json.member("reason", recusal.reason)
            }
            // The jury's remarks (inline and of a remarksFile), for plugins and the organizer's
            // programs; left out when there are none, so that a report without stays as it was.
            if !edition.remarks.isEmpty {
                json.member("remarks", objects: edition.remarks) { json, remark in
                    json.member("juror", remark.juror)
                    json.member("nominee", remark.nominee)
                    json.member("remark", remark.text)
                }
            }
            // The edition's own labels only, so the JSON loads back to the same edition; a
            // program finds the built-in ones with `juryreport labels LANG`.
            json.member("labels") { json in
                json.object { json in
                    for key in LabelKey.allCases { json.member(key.rawValue, edition.labels[key]) }
                }
            }
            json.member("presentation") { json in
                json.object { json in
                    json.member("numbering", bool: edition.presentation.numbering)
                    json.member("decimals", number: Double(edition.presentation.decimals))
                    json.member("quotes", edition.presentation.quotes.rawValue)
                }
            }
            // The logo as the edition names it, relative to the edition file.
            json.member("branding") { json in
                json.object { json in
                    json.member("logo", edition.branding.logo?.path)
                    json.member("accent", edition.branding.accent)
                }
            }
            if let standings, !standings.isEmpty {
                json.member("standings", objects: standings.ranked) { json, entry in
                    json.member("nominee", entry.nomineeID)
                    json.member("rank", number: Double(entry.rank))
                    json.member("total", number: entry.total)
                    json.member("rawTotal", number: entry.rawTotal)
                    json.member("scores", number: Double(entry.scoreCount))
                    json.member("jurors", number: Double(entry.jurorCount))
                }
            }
        }
        return Array((json.text + "\n").utf8)
    }
}

extension JSONWriter {
    /// An award's fields, as the edition file has them.
    mutating func award(_ award: Award) {
        object { json in
            json.member("name", award.name)
            json.member("slug", award.slug)
            json.member("organizer", award.organizer)
            json.member("url", award.url)
        }
    }

    fileprivate mutating func strings(_ values: [String]) {
        array { json in
            for value in values { json.element { $0.string(value) } }
        }
    }

    fileprivate mutating func sections(_ sections: [TextSection]) {
        array { json in
            for section in sections {
                json.element { json in
                    json.object { json in
                        json.member("heading", section.heading)
                        json.member("body", section.body.source)
                    }
                }
            }
        }
    }

    fileprivate mutating func nominee(_ nominee: Nominee) {
        object { json in
            json.member("id", nominee.id)
            json.member("name", nominee.name)
            json.member("number", number: Double(nominee.number))
            json.member("lead", nominee.lead)
            json.member("location", nominee.location)
            json.member("sector", nominee.sector)
            json.member("partners") { $0.strings(nominee.partners) }
            json.member("summary", nominee.summary)
            json.member("body", nominee.body?.source)
            json.member("facts", objects: nominee.facts) { json, fact in
                json.member("label", fact.label)
                switch fact.value {
                case .number(let number): json.member("value", number: number)
                case .text(let text): json.member("value", text)
                }
            }
            json.member("url", nominee.url)
        }
    }
}
