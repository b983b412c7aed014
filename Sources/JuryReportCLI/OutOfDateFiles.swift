import Foundation
import JuryReportCore

/// `export --check`: the files an export would write, against those in the output directory.
enum OutOfDateFiles {
    /// Lists on stdout each file that is `missing:` or `differs:` from `files` in `directory`
    /// and exits 1 when any is; says "up to date" on stderr otherwise.
    static func report(_ files: [StagedFile], in directory: String) throws {
        let folder = URL(fileURLWithPath: directory)
        let outOfDate = files.compactMap { file -> String? in
            guard case .bytes(let bytes) = file.content else { return nil }
            let path = folder.appendingPathComponent(file.name).relativePath
            guard let existing = FileManager.default.contents(atPath: path) else { return "missing: \(path)" }
            return [UInt8](existing) == bytes ? nil : "differs: \(path)"
        }
        guard outOfDate.isEmpty else {
            outOfDate.forEach { Console.output($0 + "\n") }
            throw ExitStatus.failure
        }
        Console.error("up to date: \(directory)")
    }
}
