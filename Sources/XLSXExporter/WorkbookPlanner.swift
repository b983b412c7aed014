import JuryReportCore

/// Plans the organizers' workbook from an edition: the edition's facts, the nominees (an
/// Excel table with the winner marked), key figures, the jury, and when scores exist a
/// score sheet with live formulas and a chart.
struct WorkbookPlanner {
    let request: ExportRequest

    var edition: Edition { request.edition }
    var words: Vocabulary { request.vocabulary }

    /// Charts of more bars than this are not drawn: nobody reads them.
    static let maximumChartBars = 100
    static let maximumColumnWidth = 50.0
    /// The widest the name column of the score sheet gets.
    static let scoreNameWidth = 30.0
    /// Editions with fewer nominees have their sheets planned one after another.
    static let nomineesWorthASecondCore = 2_000

    func plan() -> WorkbookPlan {
        var names: [String] = []
        func name(_ wanted: String) -> String {
            let made = SheetName.make(wanted, taken: names)
            names.append(made)
            return made
        }
        let editionSheet = name(words.edition)
        let nomineeSheet = name(words.nominees)
        let factSheet = name(words.keyFigures)
        let jurySheet = name(words.jury)
        let criteriaSheet = edition.criteria.isEmpty ? nil : name(words.criteria)
        let layout = ScoreLayout(edition: edition, sheet: name(words.scores), criteriaSheet: criteriaSheet)
        let rankingSheet = request.standings.isEmpty ? nil : name(words.judging.ranking)
        let remarksSheet = edition.remarks.isEmpty ? nil : name(words.judging.remarks)
        // The jury at work, where there are scores to show it by.
        let jurySheets = request.standings.isEmpty ? nil : (work: name(words.labels[.juryAtWork]), differences: name(words.labels[.differences]))
        // The other members' means, hidden, for the live correlation: up to a size.
        let othersSheet = jurySheets != nil && layout.scoreColumns.count * layout.nomineeCount <= OthersSheet.mostScoreCells
            ? OthersSheet(name: name(words.labels[.correlation]), layout: layout) : nil
        // Each sheet planned on its own: a large edition's are planned at once (fitting the
        // columns reads every nominee).
        var plans: [() -> [SheetPlan]] = [
            { [self.editionSheet(editionSheet)] },
            { [nominees(nomineeSheet, scoreLayout: edition.scores.isEmpty ? nil : layout)] },
            { [keyFigures(factSheet)] },
            { [jury(jurySheet)] },
        ]
        if let criteriaSheet { plans.append { [criteria(criteriaSheet)] } }
        plans.append { [scores(layout)] }
        if let rankingSheet { plans.append { [ranking(rankingSheet, layout: layout)] } }
        if let jurySheets {
            plans.append {
                let statistics = JuryStatistics(edition)
                return [
                    juryAtWork(jurySheets.work, layout: layout, statistics: statistics, others: othersSheet),
                    differences(jurySheets.differences, layout: layout, statistics: statistics),
                ]
            }
        }
        if let remarksSheet { plans.append { [remarks(remarksSheet)] } }
        // Last, as it is hidden: a sheet only formulas read.
        if let othersSheet { plans.append { [others(othersSheet, grid: ScoreGrid(edition))] } }
        var sheets = (edition.nominees.count >= Self.nomineesWorthASecondCore
            ? ConcurrentMap.run(plans.count) { plans[$0]() } : plans.map { $0() }).flatMap { $0 }
        // presentation.numbering false: the number columns hidden (kept, for sorting back).
        if !edition.presentation.numbering {
            for index in sheets.indices {
                sheets[index].hiddenColumns += sheets[index].columns.indices.filter { sheets[index].columns[$0].header == words.number }
            }
        }
        let documentTitle = words.documentTitle(of: edition)
        for index in sheets.indices { sheets[index].printTitle = documentTitle }
        return WorkbookPlan(
            properties: DocumentProperties(
                title: documentTitle, subject: edition.details.theme, author: request.references.chair.map { edition.jury[$0].name },
                company: edition.award.organizer, created: request.timestamp),
            sheets: sheets, definedNames: layout.definedNames,
            numberFormats: NumberFormats(words: words, decimals: edition.presentation.decimals, language: edition.details.language),
            headerFill: edition.branding.accentTint(0.3).flatMap { UInt32($0.dropFirst(), radix: 16) } ?? 0xDDEBF7,
            logo: edition.branding.logo)
    }

    // MARK: Sheets

    private func editionSheet(_ name: String) -> SheetPlan {
        let details = edition.details
        var pairs: [(String, CellValue)] = [(words.award, .text(edition.award.name))]
        func add(_ label: String, _ value: String?) {
            if let value { pairs.append((label, .text(value))) }
        }
        add(words.organizer, edition.award.organizer)
        add(words.website, edition.award.url)
        if let number = details.number { pairs.append((words.edition, .number(Double(number)))) }
        pairs.append((words.year, .number(Double(details.year))))
        add(words.period, details.period)
        add(words.theme, details.theme)
        // The default title is the generic label, not a title the edition gives.
        add(words.title, details.title == words.defaultTitle ? nil : details.title)
        if let date = details.date {
            // Excel's dates start in 1900: an earlier one is text, as Excel keeps it when typed.
            let value: CellValue = date.year >= 1900 ? .date(year: date.year, month: date.month, day: date.day) : .text(date.description)
            pairs.append((words.date, value))
        }
        add(words.place, details.place)
        add(words.winner, request.references.winner.map { edition.nominees[$0].name })
        let mentions = request.references.mentions.map { edition.nominees[$0].name }
        add(words.mentions, mentions.isEmpty ? nil : mentions.joined(separator: "; "))
        add(words.chair, request.references.chair.map { edition.jury[$0].name })
        pairs.append((words.juryMembers, .number(Double(edition.jury.count))))
        pairs.append((words.nomineeCount, .number(Double(edition.nominees.count))))
        if !edition.criteria.isEmpty {
            let criteria = edition.criteria.map { "\($0.name) (\(words.shortest($0.weight)))" }
            pairs.append((words.criteria, .text(criteria.joined(separator: "; "))))
        }
        if !edition.scores.isEmpty { pairs.append((words.scores, .number(Double(edition.scores.count)))) }
        let valueTexts = pairs.map { pair -> String in
            if case .text(let text) = pair.1 { return text }
            return "0000-00-00"
        }
        return SheetPlan(
            name: name,
            columns: [fit(words.field, pairs.map(\.0)), fit(words.value, valueTexts)],
            rowCount: pairs.count,
            row: { index in
                let (label, value) = pairs[index]
                // One alignment down the column: numbers and dates set left like the text.
                var style: CellStyle
                if case .date = value { style = CellStyle(numberFormat: .date) } else { style = .wrapped }
                style.leftAligned = true
                return [Cell(value: .text(label), style: .label), Cell(value: value, style: style)]
            })
    }

    enum RowKind {
        case plain, winner, mention
    }

    func kind(ofNomineeAt index: Int) -> RowKind {
        switch request.references.distinction(ofNomineeAt: index) {
        case .winner: return .winner
        case .mention: return .mention
        case nil: return .plain
        }
    }

    static func style(_ kind: RowKind, wraps: Bool, numberFormat: CellStyle.NumberFormat = .general) -> CellStyle {
        let role: CellStyle.Role
        switch kind {
        case .plain: role = .plain
        case .winner: role = .winner
        case .mention: role = .mention
        }
        return CellStyle(role: role, wraps: wraps, numberFormat: numberFormat)
    }

    private func nominees(_ name: String, scoreLayout: ScoreLayout?) -> SheetPlan {
        let nominees = edition.nominees
        func status(_ index: Int) -> String {
            switch kind(ofNomineeAt: index) {
            case .winner: return words.winner
            case .mention: return words.mention
            case .plain: return ""
            }
        }
        // The text columns after the number, each left out when no nominee fills it (the
        // name always kept): an empty column only widens the table and its printed pages.
        typealias Field = (header: String, text: (Int) -> String)
        var all: [Field] = [(words.name, { nominees[$0].name }), (words.status, status)]
        all.append((words.lead, { nominees[$0].lead ?? "" }))
        all.append((words.location, { nominees[$0].location ?? "" }))
        all.append((words.sector, { nominees[$0].sector ?? "" }))
        all.append((words.partners, { nominees[$0].partners.joined(separator: "; ") }))
        all.append((words.summary, { nominees[$0].summary ?? "" }))
        all.append((words.website, { nominees[$0].url ?? "" }))
        let fields = all.enumerated().filter { offset, field in
            offset == 0 || nominees.indices.contains { !field.text($0).isEmpty }
        }.map(\.element)
        // By index: iterating the nominees would copy each, a retain per field.
        var columns = [fit(words.number, numbers: nominees.indices.lazy.map { nominees[$0].number })]
            + fields.map { field in fit(field.header, nominees.indices.lazy.map(field.text)) }
        if scoreLayout != nil {
            columns.append(ColumnPlan(header: words.total, width: 10))
            columns.append(ColumnPlan(header: words.rank, width: 8))
        }
        let wraps = columns.map(\.wraps)
        let standings = request.standings
        return SheetPlan(
            name: name, columns: columns, rowCount: nominees.count,
            row: { index in
                let nominee = nominees[index]
                let rowKind = kind(ofNomineeAt: index)
                var numberStyle = Self.style(rowKind, wraps: false)
                numberStyle.centred = true
                var cells = [Cell(value: .number(Double(nominee.number)), style: numberStyle)]
                for (offset, field) in fields.enumerated() {
                    let text = field.text(index)
                    cells.append(Cell(value: text.isEmpty ? .empty : .text(text), style: Self.style(rowKind, wraps: wraps[offset + 1])))
                }
                if let scoreLayout {
                    let entry = standings.entry(for: nominee.id)
                    cells.append(Cell(
                        value: .formula(
                            "=" + scoreLayout.reference(row: index, column: scoreLayout.rankedColumn),
                            result: entry.map { .number($0.total) } ?? .text("")),
                        style: Self.style(rowKind, wraps: false, numberFormat: .twoDecimals)))
                    cells.append(Cell(
                        value: .formula(
                            "=" + scoreLayout.reference(row: index, column: scoreLayout.rankColumn),
                            result: entry.map { .number(Double($0.rank)) } ?? .text("")),
                        style: Self.style(rowKind, wraps: false)))
                }
                return cells
            },
            frozenColumns: 2,
            table: TablePlan(name: "Nominees", firstDataRow: 0))
    }

    private func keyFigures(_ name: String) -> SheetPlan {
        let nominees = edition.nominees
        // Indexes, not copies: a nominee copied per row costs a retain per field. Each
        // nominee's first row, four bytes a nominee, not a pair of indexes per row.
        let rows = FactRows(nominees)
        // The nominees with a row: their numbers and names, once each.
        let shown = nominees.indices.lazy.filter { !nominees[$0].facts.isEmpty }
        return SheetPlan(
            name: name,
            columns: [
                fit(words.number, numbers: shown.map { nominees[$0].number }),
                fit(words.nominee, shown.map { nominees[$0].name }),
                fit(words.figure, rows.lazy.map { nominees[$0.0].facts[$0.1].label }),
                fit(words.value, rows.lazy.map { nominees[$0.0].facts[$0.1].value.description }),
            ],
            rowCount: rows.count,
            row: { index in
                let (nomineeIndex, factIndex) = rows.place(ofRow: index)
                let fact = nominees[nomineeIndex].facts[factIndex]
                let value: CellValue
                switch fact.value {
                case .number(let number): value = .number(number)
                case .text(let text): value = .text(text)
                }
                return [
                    Cell(value: .number(Double(nominees[nomineeIndex].number)), style: .number), Cell(value: .text(nominees[nomineeIndex].name)),
                    Cell(value: .text(fact.label), style: CellStyle(wraps: true)), Cell(value: value, style: CellStyle(wraps: true)),
                ]
            },
            frozenColumns: 2)
    }

    private func jury(_ name: String) -> SheetPlan {
        let jury = edition.jury
        return SheetPlan(
            name: name,
            columns: [
                fit(words.name, jury.map(\.name)),
                fit(words.role, jury.map { $0.role ?? "" }),
                fit(words.affiliation, jury.map { $0.affiliation ?? "" }),
                fit(words.chair, [words.yes]),
            ],
            rowCount: jury.count,
            row: { index in
                let member = jury[index]
                let style: CellStyle = member.chair ? .chair : .plain
                return [
                    Cell(value: .text(member.name), style: style),
                    Cell(value: member.role.map(CellValue.text) ?? .empty, style: style),
                    Cell(value: member.affiliation.map(CellValue.text) ?? .empty, style: style),
                    Cell(value: member.chair ? .text(words.yes) : .empty, style: style),
                ]
            })
    }

    /// A column fitted to its header and values, within bounds; long text wraps.
    func fit(_ header: String, _ values: some Sequence<String>) -> ColumnPlan { Self.fit(header, values) }

    /// A column of whole numbers fitted as their text would be, without making the text (a
    /// number column of a large edition has one per nominee or key figure).
    func fit(_ header: String, numbers: some Sequence<Int>) -> ColumnPlan {
        let longest = numbers.reduce(0) { longest, number in
            var digits = number < 0 ? 2 : 1
            var rest = number.magnitude
            while rest >= 10 {
                rest /= 10
                digits += 1
            }
            return max(longest, digits)
        }
        return Self.fit(header, [String(repeating: "0", count: longest)])
    }

    /// A column fitted to its header and values, within bounds; long text wraps.
    static func fit(_ header: String, _ values: some Sequence<String>) -> ColumnPlan {
        // Unicode scalars approximate the characters shown, at a fraction of the cost of
        // counting grapheme clusters over every cell of a large edition.
        var longest = header.unicodeScalars.count
        for value in values {
            // No line of a value has more scalars than the value has bytes.
            if value.utf8.count <= longest { continue }
            var line = 0
            for scalar in value.unicodeScalars {
                if scalar == "\n" {
                    line = 0
                } else {
                    line += 1
                    longest = max(longest, line)
                }
            }
        }
        let width = min(max(Double(longest) + 2, 6), Self.maximumColumnWidth)
        return ColumnPlan(header: header, width: width, wraps: Double(longest) + 2 > Self.maximumColumnWidth)
    }
}

/// The rows of the key-figures sheet, one per key figure, nominee by nominee: where each
/// nominee's rows begin, and a row's nominee and figure found by halving.
struct FactRows: RandomAccessCollection {
    /// The first row of each nominee, then the row count.
    private let starts: [UInt32]

    init(_ nominees: [Nominee]) {
        var starts: [UInt32] = []
        starts.reserveCapacity(nominees.count + 1)
        var row = 0
        for index in nominees.indices {
            starts.append(UInt32(row))
            row += nominees[index].facts.count
        }
        starts.append(UInt32(row))
        self.starts = starts
    }

    var startIndex: Int { 0 }
    var endIndex: Int { Int(starts[starts.count - 1]) }

    /// The nominee's index and the figure's index of row `row`.
    func place(ofRow row: Int) -> (nominee: Int, fact: Int) {
        // The last nominee whose first row is at or before `row` (and that has rows).
        var (low, high) = (0, starts.count - 1)
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= row { low = middle } else { high = middle }
        }
        return (low, row - Int(starts[low]))
    }

    subscript(row: Int) -> (Int, Int) {
        let place = place(ofRow: row)
        return (place.nominee, place.fact)
    }

    /// The rows in order, nominee by nominee: no halving for each (fitting the columns walks
    /// every row).
    struct Iterator: IteratorProtocol {
        fileprivate let starts: [UInt32]
        fileprivate var nominee = 0
        fileprivate var row = 0

        mutating func next() -> (Int, Int)? {
            guard row < Int(starts[starts.count - 1]) else { return nil }
            while Int(starts[nominee + 1]) <= row { nominee += 1 }
            defer { row += 1 }
            return (nominee, row - Int(starts[nominee]))
        }
    }

    func makeIterator() -> Iterator { Iterator(starts: starts) }
}
