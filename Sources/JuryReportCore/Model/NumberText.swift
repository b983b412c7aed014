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
