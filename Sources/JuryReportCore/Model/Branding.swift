/// The `branding:` block of an edition file: the organizer's house style.
public struct Branding: Sendable, Equatable {
    /// The logo on the PDF's title block, the HTML page and the workbook's first sheet.
    public var logo: Logo?
    /// `#RRGGBB`: headings, the winner's box, the workbook's header rows.
    public var accent: String?

    public init(logo: Logo? = nil, accent: String? = nil) {
        self.logo = logo
        self.accent = accent
    }

    /// The accent as red, green and blue, 0 to 255.
    public var accentComponents: (red: Int, green: Int, blue: Int)? {
        guard let accent, let value = Int(accent.dropFirst(), radix: 16), accent.count == 7 else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// The accent mixed with white, `strength` of it (0 to 1), as `#RRGGBB`: a background
    /// behind text in the accent.
    public func accentTint(_ strength: Double) -> String? {
        guard let (red, green, blue) = accentComponents else { return nil }
        func mixed(_ value: Int) -> Int { Int((Double(value) * strength + 255 * (1 - strength)).rounded()) }
        return "#" + [mixed(red), mixed(green), mixed(blue)].map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }

    /// Whether `text` is a colour as `#RRGGBB`.
    public static func isColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

/// A logo file, read when the edition is loaded.
public struct Logo: Sendable, Equatable {
    /// The kinds of image every format can place.
    public enum Kind: String, Sendable, Equatable {
        case png, jpeg, pdf

        /// `png`, `jpg`, `pdf`: the file name's extension.
        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        public var mediaType: String { self == .pdf ? "application/pdf" : "image/\(rawValue)" }

        /// The kind of the file whose first bytes these are, if it is one.
        public static func of(_ bytes: [UInt8]) -> Kind? {
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
            if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
            return nil
        }
    }

    /// The path the edition gives, relative to the edition file.
    public var path: String
    public var kind: Kind
    public var bytes: [UInt8]

    public init(path: String, kind: Kind, bytes: [UInt8]) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
    }
}
