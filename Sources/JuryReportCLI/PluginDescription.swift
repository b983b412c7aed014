import Foundation
import JuryReportCore

/// What an external exporter says of itself when run as `juryreport-export-NAME
/// --describe`: one JSON object on standard output,
///
///     {"summary": "a press release",
///      "files": [{"suffix": ".txt", "text": true}],
///      "options": [{"key": "style", "values": ["plain", "fancy"], "default": "plain",
///                   "summary": "the house style"}]}
///
/// With it, `formats` lists the plugin fully, its options are checked like a built-in
/// format's, `--stdout` works when it writes one text file, and a file it did not announce
/// is refused. A plugin that exits non-zero or prints something else is run as before:
/// any option passed through, any suffix taken.
struct PluginDescription: Equatable {
    var summary: String
    var files: [PlannedFile]
    var options: [ExportOption]

    /// How long the handshake may take.
    static let timeout: TimeInterval = 5

    /// Runs the handshake in a private folder, with no input; nil when the plugin does not
    /// answer it.
    static func ask(_ executable: URL, environment: [String: String], observer: TemporaryResourceObserver?) -> PluginDescription? {
        try? TemporaryWorkspace.with(label: "describe", observer: observer) { workspace in
            let answer = workspace.url.appendingPathComponent("answer")
            var child = ChildProcess(
                executable: executable, arguments: ["--describe"], environment: environment, directory: workspace.url,
                timeout: timeout, observer: observer)
            child.standardOutput = answer
            guard try child.run() == .exited(0) else { return nil }
            let handle = try FileHandle(forReadingFrom: answer)
            defer { try? handle.close() }
            // A description is small: a plugin that prints megabytes does not describe itself.
            guard let data = try handle.read(upToCount: 256 * 1024) else { return nil }
            return PluginDescription(json: data)
        }
    }

    init?(json data: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let summary = object["summary"] as? String,
            let files = object["files"] as? [[String: Any]]
        else { return nil }
        var planned: [PlannedFile] = []
        for file in files {
            guard let suffix = file["suffix"] as? String, FileSuffix.isValid(suffix) else { return nil }
            planned.append(PlannedFile(suffix: suffix, isText: file["text"] as? Bool ?? false))
        }
        var options: [ExportOption] = []
        for option in object["options"] as? [[String: Any]] ?? [] {
            guard let key = option["key"] as? String, let values = option["values"] as? [String], !values.isEmpty else { return nil }
            let defaultValue = option["default"] as? String
            if let defaultValue, !values.contains(defaultValue) { return nil }
            options.append(.choice(key, values, default: defaultValue, summary: option["summary"] as? String ?? ""))
        }
        self.summary = PluginMessages.shown(Data(summary.utf8)).replacingOccurrences(of: "\n", with: " ")
        self.files = planned
        self.options = options
    }
}
