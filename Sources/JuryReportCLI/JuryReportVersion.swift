/// The tool's version.
public enum JuryReportVersion {
    public static let current = "0.1.0"
}
