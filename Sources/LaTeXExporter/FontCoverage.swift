import Foundation
import JuryReportCore
import JuryReportProcess

/// The machine's OpenType fonts and the characters each family has, as fontconfig
/// (`fc-list`) reports them, read in one call: which characters lualatex will find in the
/// fallback fonts a document asks for, and which other installed fonts set the rest.
struct FontCoverage {
    /// A font family and the characters its fonts have (all styles together).
    struct Family {
        let name: String
        fileprivate(set) var ranges: [ClosedRange<UInt32>]

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            ranges.contains { $0.contains(scalar.value) }
        }
    }

    /// By name, in the order of their names (so a choice between equals is the same on every run).
    private(set) var families: [Family] = []

    /// fontconfig's families of TrueType and CFF fonts (what luaotfload loads by name); none when fc-list is not found.
    static func installed(path: String?, environment: [String: String], observer: TemporaryResourceObserver?) -> FontCoverage {
        guard let fcList = LaTeXEngine.executable(named: "fc-list", path: path),
            let output = try? run(
                fcList, arguments: ["--format", "%{family[0]}\\t%{fontformat}\\t%{charset}\\n"], environment: environment,
                observer: observer)
        else { return FontCoverage() }
        return FontCoverage(listing: output)
    }

    init() {}

    /// From `fc-list --format '%{family[0]}\t%{fontformat}\t%{charset}\n'`.
    init(listing: String) {
        var byName: [String: [ClosedRange<UInt32>]] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[1] == "TrueType" || fields[1] == "CFF", Self.isPlainName(fields[0]) else { continue }
            byName[String(fields[0]), default: []] += Self.parse(fields[2])
        }
        families = byName.map { Family(name: $0.key, ranges: $0.value) }.sorted { $0.name < $1.name }
    }

    /// A name the preamble can hold as it is, inside a Lua string in TeX: letters, digits,
    /// spaces and `- _ . +` (a machine's font names are input too).
    static func isPlainName(_ name: Substring) -> Bool {
        !name.isEmpty && name.count <= 100 && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || " -_.+".unicodeScalars.contains($0)
        }
    }

    /// Whether one of the families named `fonts` has `scalar`.
    func contains(_ scalar: Unicode.Scalar, inAnyOf fonts: Set<String>) -> Bool {
        families.contains { fonts.contains($0.name) && $0.contains(scalar) }
    }

    /// Installed families that set `scalars`, in the order lualatex should try them: each
    /// time the family that has most of those still without a font (by name between
    /// equals), until none has any of the rest. (`scalars`: those the document's own
    /// fallbacks lack.)
    func fallbacks(for scalars: Set<Unicode.Scalar>) -> [String] {
        var rest = scalars
        var chosen: [String] = []
        while !rest.isEmpty {
            var best: (family: Family, covered: Set<Unicode.Scalar>)?
            for family in families where !chosen.contains(family.name) {
                let covered = rest.filter(family.contains)
                if covered.count > (best?.covered.count ?? 0) { best = (family, covered) }
            }
            guard let best else { break }
            chosen.append(best.family.name)
            rest.subtract(best.covered)
        }
        return chosen
    }

    /// fontconfig's charset: hexadecimal code points and ranges, `20-7e a0 100-17f`.
    static func parse(_ text: Substring) -> [ClosedRange<UInt32>] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { part in
            let bounds = part.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            switch bounds.count {
            case 1: return bounds[0]...bounds[0]
            case 2 where bounds[0] <= bounds[1]: return bounds[0]...bounds[1]
            default: return nil
            }
        }
    }

    /// What `executable` writes to standard output, run in a private folder with
    /// `environment` (the process's own when empty); empty when it fails.
    private static func run(
        _ executable: URL, arguments: [String], environment: [String: String], observer: TemporaryResourceObserver?
    ) throws -> String {
        try TemporaryWorkspace.with(label: "fc", observer: observer) { workspace in
            let output = workspace.url.appendingPathComponent("charset")
            var process = ChildProcess(
                executable: executable, arguments: arguments,
                environment: environment.isEmpty ? ProcessInfo.processInfo.environment : environment,
                directory: workspace.url, timeout: 60, observer: observer)
            process.standardOutput = output
            guard case .exited(0) = try process.run() else { return "" }
            return String(decoding: try Data(contentsOf: output), as: UTF8.self)
        }
    }
}
