import Foundation

/// A small valid edition written as JSON, for tests that put one hostile value in one place.
public enum TestEdition {
    /// The document: an award, an edition of 2024, the given nominees (each needs at least a
    /// `name`; ids `n1`, `n2`, … are added), the first one the winner, and one juror.
    public static func document(nominees: [[String: Any]]) -> [String: Any] {
        [
            "format": "jury-report/1",
            "award": ["name": "Red Team Award", "slug": "red-team"],
            "edition": ["year": 2024, "title": "Jury report", "date": "2024-05-17"],
            "nominees": nominees.enumerated().map { index, fields in
                fields.merging(["id": "n\(index + 1)"]) { old, _ in old }
            },
            "verdict": ["winner": "n1"],
            "jury": [["id": "j1", "name": "Juror One"]],
        ]
    }

    /// Nominees with these names and nothing else.
    public static func document(names: [String]) -> [String: Any] {
        document(nominees: names.map { ["name": $0] })
    }

    /// Writes `document` as `name` in `directory` and returns where.
    public static func write(_ document: [String: Any], as name: String = "edition.json", in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(to: url)
        return url
    }
}
