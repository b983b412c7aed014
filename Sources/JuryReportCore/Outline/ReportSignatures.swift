/// The jury's closing block: the signature line and each member, in signing order.
public struct ReportSignatures: Sendable, Equatable {
    /// A member who signs.
    public struct Signer: Sendable, Equatable {
        public var name: String
        /// Role and affiliation, as far as given.
        public var details: [String]
        public var isChair: Bool

        public init(name: String, details: [String], isChair: Bool) {
            self.name = name
            self.details = details
            self.isChair = isChair
        }
    }

    /// The edition's signature line ("On behalf of the jury"), if it has one.
    public var line: String?
    /// "Jury" in the edition's language, for formats that give the block a heading.
    public var heading: String
    public var signers: [Signer]
    /// Where and when the report is signed ("Utrecht, 30 June 2020"), as far as the edition
    /// says.
    public var placeAndDate: String?

    public init(line: String?, heading: String, signers: [Signer], placeAndDate: String? = nil) {
        self.line = line
        self.heading = heading
        self.signers = signers
        self.placeAndDate = placeAndDate
    }
}
