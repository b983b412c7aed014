/// The JSON Schema (draft 2020-12) of the edition file, as `juryreport schema` prints it.
public enum EditionSchema {
    public static var json: String { String(decoding: PackageResources.edition_schema_json, as: UTF8.self) }
}
