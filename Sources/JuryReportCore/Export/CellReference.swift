/// A1 references of workbook cells, for the workbook exporter that writes them and the
/// reader of filled forms that names them in its diagnostics.
public enum CellReference {
    /// The letters of a 0-based column: `A`, … `Z`, `AA`.
    public static func letters(_ column: Int) -> String {
        var index = column
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    /// `D7` for row 6, column 3 (0-based).
    public static func a1(row: Int, column: Int) -> String {
        letters(column) + String(row + 1)
    }

    /// `Scores!D7`, the sheet name quoted when it needs to be.
    public static func named(sheet: String, row: Int, column: Int) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return name + "!" + a1(row: row, column: column)
    }
}
