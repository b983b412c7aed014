import JuryReportCore

/// The JSON Schema (draft 2020-12) of the edition file, as `juryreport schema` prints it,
/// made from `EditionFields`.
public enum EditionSchema {
    /// The schema as JSON text, two spaces an indent.
    public static var json: String {
        var text = ""
        SchemaNode.object(document).write(to: &text, indent: 0)
        return text + "\n"
    }

    private static var document: [(String, SchemaNode)] {
        var definitions: [(String, SchemaNode)] = [
            ("id", .object([
                ("type", "string"), ("pattern", .string(Slug.pattern)),
                ("description", "Lowercase letters, digits and single hyphens"),
            ])),
            ("plainText", .object([
                ("type", .array(["string", "number", "boolean"])),
                ("description", "Literal text, no markup; a YAML or JSON scalar is read as the text written"),
            ])),
            ("richText", .object([
                ("type", .array(["string", "number", "boolean"])),
                ("description", "Paragraphs separated by a blank line, with *emphasis*, **strong**, [text](url) and backslash escapes"),
            ])),
            ("url", .object([
                ("type", "string"), ("pattern", "^(https?://|mailto:)[^\\s]+$"),
                ("description", "An absolute http, https or mailto address"),
            ])),
        ]
        definitions += EditionFields.objects.dropFirst().map { ($0.name, .object(object($0))) }
        return [
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string("https://juryreport.example/schema/\(JuryReportVersion.current)/jury-report-1.json")),
            ("title", "juryreport edition file (jury-report/1)"),
            ("description", """
                One edition of an award's jury report. YAML or JSON; keys are camelCase; unknown keys are errors. \
                Where a field is text, YAML scalars are read as the text written (NO stays "NO").
                """),
        ] + object(EditionFields.root) + [("$defs", .object(definitions))]
    }

    private static func object(_ description: ObjectDescription) -> [(String, SchemaNode)] {
        let properties = description.fields.map { field -> (String, SchemaNode) in
            var members = schema(of: field.kind)
            if !field.summary.isEmpty { members.append(("description", .string(field.summary))) }
            return (field.key, .object(members))
        }
        return [
            ("type", "object"), ("additionalProperties", .boolean(false)), ("properties", .object(properties)),
            ("required", .array(description.requiredKeys.map(SchemaNode.string))),
        ]
    }

    private static func schema(of kind: FieldKind) -> [(String, SchemaNode)] {
        switch kind {
        case .plainText: return [("$ref", "#/$defs/plainText")]
        case .richText: return [("$ref", "#/$defs/richText")]
        case .id: return [("$ref", "#/$defs/id")]
        case .url: return [("$ref", "#/$defs/url")]
        case .date: return [("type", "string"), ("format", "date"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
        case .relativePath: return [("type", "string"), ("minLength", .integer(1))]
        case .languageTag: return [("type", "string"), ("pattern", "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
        case .integer(let minimum, let maximum):
            return [("type", "integer"), ("minimum", .integer(minimum))] + (maximum.map { [("maximum", .integer($0))] } ?? [])
        case .number(let positive):
            let bound = Int(NumberSyntax.largestMagnitude)
            return [("type", "number"), positive ? ("exclusiveMinimum", .integer(0)) : ("minimum", .integer(-bound)), ("maximum", .integer(bound))]
        case .boolean: return [("type", "boolean")]
        case .constant(let value): return [("const", .string(value))]
        case .color: return [("type", "string"), ("pattern", "^#[0-9A-Fa-f]{6}$")]
        case .choice(let words): return [("enum", .array(words.map(SchemaNode.string)))]
        case .numberOrText: return [("type", .array(["number", "string", "boolean"]))]
        case .list(let item, let minimumCount, let maximumCount, let unique):
            var members: [(String, SchemaNode)] = [("type", "array"), ("items", .object(schema(of: item)))]
            if minimumCount > 0 { members.append(("minItems", .integer(minimumCount))) }
            if let maximumCount { members.append(("maxItems", .integer(maximumCount))) }
            if unique { members.append(("uniqueItems", .boolean(true))) }
            return members
        case .object(let object): return [("$ref", .string("#/$defs/\(object.name)"))]
        }
    }
}

/// A JSON value of the schema, members in the order given.
private indirect enum SchemaNode: ExpressibleByStringLiteral {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([SchemaNode])
    case object([(String, SchemaNode)])

    init(stringLiteral value: String) { self = .string(value) }

    func write(to text: inout String, indent: Int) {
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .string(let value): text += JSONText.quoted(value)
        case .integer(let value): text += String(value)
        case .boolean(let value): text += value ? "true" : "false"
        case .array(let items):
            // Short lists of scalars on one line, as people write them.
            text += "[" + items.map { item in var part = ""; item.write(to: &part, indent: 0); return part }.joined(separator: ", ") + "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (index, (key, value)) in members.enumerated() {
                text += inner + JSONText.quoted(key) + ": "
                value.write(to: &text, indent: indent + 1)
                text += index < members.count - 1 ? ",\n" : "\n"
            }
            text += String(repeating: "  ", count: indent) + "}"
        }
    }
}
