/// A label and its value, such as "Lead" and a nominee's lead institution.
public struct ReportDetail: Sendable, Equatable {
    /// The label, without a colon.
    public var label: String
    /// The value; a website is a link whose text is its address.
    public var value: [Inline] {
        get { storedValue.nodes }
        set { storedValue = OutlineText(newValue) }
    }

    private var storedValue: OutlineText

    public init(label: String, value: [Inline]) {
        self.label = label
        storedValue = OutlineText(value)
    }

    /// A detail whose value is plain text.
    public init(label: String, text: String) {
        self.label = label
        storedValue = .text(text)
    }
}
