import JuryReportCore

/// Excel's rules for sheet names, which libxlsxwriter does not fully check: at most 31
/// characters (UTF-16 units, as Excel counts), none of `[ ] : * ? / \`, not blank, not starting or ending with `'`, not
/// `History`, and unique without regard to case.
enum SheetName {
    static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// `wanted`, made valid and different from every name in `taken`.
    static func make(_ wanted: String, taken: [String]) -> String {
        var base = String(wanted.map { forbidden.contains($0) ? "_" : $0 })
        base = base.trimmingQuotesAndSpaces()
        if base.isEmpty || base.lowercased() == "history" { base = "Sheet" + (base.isEmpty ? "" : " " + base) }
        base = XLSXText.prefix(base, limit: maximumLength)
        let lowered = Set(taken.map { $0.lowercased() })
        var candidate = base
        var counter = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = XLSXText.prefix(base, limit: maximumLength - suffix.count) + suffix
            counter += 1
        }
        return candidate
    }

    /// Whether Excel accepts `name` (uniqueness aside).
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= maximumLength && !name.contains(where: forbidden.contains)
            && !name.hasPrefix("'") && !name.hasSuffix("'") && name.lowercased() != "history"
    }

    /// `name` as it stands in a formula: quoted, with quotes doubled.
    static func reference(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension String {
    fileprivate func trimmingQuotesAndSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == "'" || first == " " { slice.removeFirst() }
        while let last = slice.last, last == "'" || last == " " { slice.removeLast() }
        return String(slice)
    }
}

/// Column letters: 0 is A, 25 Z, 26 AA.
enum ColumnName {
    static func letters(_ index: Int) -> String {
        CellReference.letters(index)
    }

    /// An A1 reference, 0-based row and column; `absolute` adds `$`.
    static func cell(row: Int, column: Int, absoluteRow: Bool = false, absoluteColumn: Bool = false) -> String {
        (absoluteColumn ? "$" : "") + letters(column) + (absoluteRow ? "$" : "") + String(row + 1)
    }
}
