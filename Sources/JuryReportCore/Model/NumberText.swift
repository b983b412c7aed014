/// Numbers as text: full precision, in the shortest form that reads back to the same value.
public enum NumberText {
    /// `7.25`, `8`, `7.333333333333333`, `-5`.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        // Swift's description is the shortest round-trip form.
        return value.description
    }
}

extension NumberText {
    /// `value` rounded to `decimals` digits after `separator`, half away from zero:
    /// `fixed(8.291666, decimals: 2, separator: ",")` is `8,29`; `-0` is `0`.
    public static func fixed(_ value: Double, decimals: Int, separator: String = ".") -> String {
        let digits = max(0, min(decimals, 15))
        var power: Int64 = 1
        for _ in 0..<digits { power *= 10 }
        let scaled = (value * Double(power)).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, abs(scaled) < 9e15 else { return shortest(value) }
        let units = Int64(scaled)
        let whole = String(abs(units) / power)
        let sign = units < 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        let fraction = String(abs(units) % power)
        return sign + whole + separator + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
