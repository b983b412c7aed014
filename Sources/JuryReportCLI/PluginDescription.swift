import Foundation
import JuryReportCore
import JuryReportProcess

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
    /// answer it. Only a plugin whose file holds the text `--describe` is asked (a script
    /// that handles it names it, and so does a program's binary): one that knows nothing of
    /// it would run its whole export, side effects and all. Its `--output` is the private
    /// folder, so even then nothing lands elsewhere.
    static func ask(_ executable: URL, environment: [String: String], observer: TemporaryResourceObserver?) -> PluginDescription? {
        guard mentionsHandshake(executable) else { return nil }
        return try? TemporaryWorkspace.with(label: "describe", observer: observer) { workspace in
            let answer = workspace.url.appendingPathComponent("answer")
            var child = ChildProcess(
                executable: executable,
                arguments: ["--describe", "--output", workspace.url.path, "--basename", "describe"],
                environment: environment, directory: workspace.url, timeout: timeout, observer: observer)
            child.standardOutput = answer
            guard try child.run() == .exited(0) else { return nil }
            let handle = try FileHandle(forReadingFrom: answer)
            defer { try? handle.close() }
            // A description is small: a plugin that prints megabytes does not describe itself.
            guard let data = try handle.read(upToCount: 256 * 1024) else { return nil }
            return PluginDescription(json: data)
        }
    }

    /// Whether the file holds the bytes `--describe` (read in parts, up to 64 MiB).
    static func mentionsHandshake(_ executable: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: executable) else { return false }
        defer { try? handle.close() }
        let needle = Data("--describe".utf8)
        var carried = Data()
        var read = 0
        while read < 64 << 20, let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let window = carried + chunk
            if window.range(of: needle) != nil { return true }
            carried = window.suffix(needle.count - 1)
            read += chunk.count
        }
        return false
    }

    init?(json data: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let summary = object["summary"] as? String,
            let files = object["files"] as? [[String: Any]]
        else { return nil }
        var planned: [PlannedFile] = []
        for file in files {
            guard let suffix = file["suffix"] as? String, FileSuffix.isValid(suffix), !FileSuffix.namesEditionFile(suffix) else { return nil }
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
