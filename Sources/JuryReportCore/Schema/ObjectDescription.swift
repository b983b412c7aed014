/// A mapping of the edition file and its keys, in the order the canonical JSON writes them.
public struct ObjectDescription: Sendable, Equatable {
    /// A name for the object's definition, such as `nominee`.
    public let name: String
    public let fields: [FieldDescription]

    public init(_ name: String, _ fields: [FieldDescription]) {
        self.name = name
        self.fields = fields
    }

    /// Every key, in order: the keys the reader accepts.
    public var keys: [String] { fields.map(\.key) }

    /// The keys that must be present.
    public var requiredKeys: [String] { fields.filter(\.isRequired).map(\.key) }

    public func field(_ key: String) -> FieldDescription? {
        fields.first { $0.key == key }
    }
}
