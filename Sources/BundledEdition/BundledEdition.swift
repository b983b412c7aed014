/// The bundled default edition: the jury report of the 4th Pro-motor Award (2019-2020),
/// transcribed from the Dutch original. Its file is `Fixtures/editions/`, compiled into the
/// binary so that `juryreport export` works from anywhere.
public enum BundledEdition {
    /// The name diagnostics and `init` give it.
    public static let fileName = "pro-motor-award-2019-2020.yaml"

    /// The bytes of the edition file.
    public static var bytes: [UInt8] { PackageResources.pro_motor_award_2019_2020_yaml }
}
