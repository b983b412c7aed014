import Foundation
import JuryReportCore

/// `export --check`: the files an export would write, against those in the output directory;
/// and with `--prune`, the reports there that no edition of the call writes.
enum OutOfDateFiles {
    /// Lists on stdout each file that is `missing:` or `differs:` from `files` in `directory`,
    /// and each `stale:` one, and exits 1 when any is, saying on stderr the command that
    /// brings the directory up to date; says "up to date" on stderr otherwise.
    static func report(_ files: [StagedFile], in directory: String, stale: [String], fix: String) throws {
        let folder = URL(fileURLWithPath: directory)
        let outOfDate = files.compactMap { file -> String? in
            guard case .bytes(let bytes) = file.content else { return nil }
            let path = folder.appendingPathComponent(file.name).relativePath
            guard let existing = FileManager.default.contents(atPath: path) else { return "missing: \(path)" }
            return [UInt8](existing) == bytes ? nil : "differs: \(path)"
        } + stale.map { "stale: " + folder.appendingPathComponent($0).relativePath }
        guard outOfDate.isEmpty else {
            outOfDate.forEach { Console.output($0 + "\n") }
            Console.error("not up to date: \(directory); to bring it up to date, run:\n  \(fix)")
            throw ExitStatus.failure
        }
        Console.error("up to date: \(directory)")
    }

    /// The reports in `directory` that the call does not write: named `SLUG-YEAR` plus a
    /// suffix of one of `suffixes` (the selected formats'), not hidden, not in `written`.
    /// Other files (notes, images, a `.gitkeep`) are never counted.
    static func stale(in directory: String, suffixes: [String], written: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            guard !name.hasPrefix("."), !written.contains(name) else { return false }
            // The longest suffix first: `.nominees.csv` before `.csv`.
            guard let suffix = suffixes.sorted(by: { $0.count > $1.count }).first(where: { name.hasSuffix($0) }) else { return false }
            return isReportBaseName(name.dropLast(suffix.count))
        }.sorted()
    }

    /// `SLUG-YEAR`: a slug, a hyphen and a year of one to four digits.
    private static func isReportBaseName(_ base: Substring) -> Bool {
        guard let hyphen = base.lastIndex(of: "-") else { return false }
        let year = base[base.index(after: hyphen)...]
        return (1...4).contains(year.count) && year.allSatisfy { $0.isASCII && $0.isNumber } && Slug.isValid(String(base[..<hyphen]))
    }

    /// The command line of this run without `--check`, quoted for a POSIX shell.
    static func commandWithoutCheck(_ arguments: [String]) -> String {
        (["juryreport"] + arguments.dropFirst().filter { $0 != "--check" }).map(shellQuoted).joined(separator: " ")
    }

    private static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_./=,:@+".unicodeScalars.contains($0)) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
