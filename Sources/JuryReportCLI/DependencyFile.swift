import JuryReportCore

/// `--depfile`: what an export wrote and every file it read, as one Makefile rule that Make
/// includes and Ninja reads as a depfile (`out/x.md out/x.pdf: editions/x.yaml logo.png`).
enum DependencyFile {
    /// The rule: every target, a colon, every prerequisite, one per continued line.
    static func rule(targets: [String], prerequisites: [String]) throws(DependencyFileError) -> String {
        var seen = Set<String>()
        let inputs = prerequisites.filter { seen.insert($0).inserted }
        let escapedTargets = try targets.map { path throws(DependencyFileError) in try escaped(path) }
        let escapedInputs = try inputs.map { path throws(DependencyFileError) in try escaped(path) }
        return escapedTargets.joined(separator: " ") + ":" + escapedInputs.map { " \\\n  " + $0 }.joined() + "\n"
    }

    /// A path as Make reads it in a rule: a space, `#`, `%` and `:` behind a backslash, `$`
    /// doubled. A line break cannot be written at all.
    static func escaped(_ path: String) throws(DependencyFileError) -> String {
        var result = ""
        for character in path {
            switch character {
            case " ", "#", "%", ":": result += "\\" + String(character)
            case "$": result += "$$"
            case "\n", "\r": throw DependencyFileError(path: path)
            default: result.append(character)
            }
        }
        return result
    }
}

/// A path that no Makefile rule can name.
struct DependencyFileError: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "cannot name \(DisplayText.quoted(path)) in a dependency file: a line break ends a Makefile rule"
    }
}
