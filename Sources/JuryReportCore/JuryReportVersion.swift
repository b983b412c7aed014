/// The version of the tool and its library, which the JSON Schema's `$id` names too.
public enum JuryReportVersion {
    public static let current = "0.1.0"
}
