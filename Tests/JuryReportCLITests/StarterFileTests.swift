import Foundation
import JuryReportCore
import Testing
import TestSupport

@Suite("init's starter file against the one description of the fields", .onTestPool)
struct StarterFileTests {
    @Test(
        "with its commented keys uncommented, the starter validates and uses every described key",
        .requires(.python3))
    func everyKey() throws {
        let directory = try Paths.temporaryDirectory("starter")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try ProcessRunner.juryreport(["init", directory.path]).status == 0)
        let starter = try String(contentsOf: directory.appendingPathComponent("edition.yaml"), encoding: .utf8)
        // `  # key: value` lines are optional keys the starter shows without setting them.
        let commented = try Regex(#"(?m)^(\s*)# ([a-z][A-Za-z]*:)"#)
        let full = starter.replacing(commented) { match in "\(match.output[1].substring ?? "")\(match.output[2].substring ?? "")" }
        #expect(full != starter)
        let file = directory.appendingPathComponent("full.yaml")
        try Data(full.utf8).write(to: file)
        // The table `scoresFile` names, as collect writes it: no scores yet.
        try Data("juror,nominee,criterion,score\r\n".utf8).write(to: directory.appendingPathComponent("scores.csv"))
        try Data("juror,nominee,remark\r\n".utf8).write(to: directory.appendingPathComponent("remarks.csv"))
        // And the logo `branding.logo` names.
        try FileManager.default.copyItem(at: Paths.edition("branding/logo.png"), to: directory.appendingPathComponent("logo.png"))
        let json = try ProcessRunner.juryreport(["export", file.path, "--format", "json", "--stdout"])
        #expect(json.status == 0, "\(json.standardError)")
        let exported = directory.appendingPathComponent("full.json")
        try Data(json.standardOutput).write(to: exported)
        let keys = try IndependentReaders.run("read_json_keys.py", [exported.path], as: [String: [String]].self)
        // Every item of a list counts: the union of the keys of all nominees, of all jury members...
        var used: [String: Set<String>] = [:]
        for (path, names) in keys { used[Self.listless(path), default: []].formUnion(names) }
        for (object, path) in FieldInstances.all {
            // Labels: the starter shows how to give some; `juryreport labels` prints them all.
            if object.name == "labels" {
                #expect(!(used["labels"] ?? []).isEmpty, "the starter shows no label")
                continue
            }
            // The JSON holds the scores and remarks of a scoresFile and a remarksFile inline,
            // not the files' names.
            let missing = Set(object.keys).subtracting(used[Self.listless(FieldInstances.text(path))] ?? []).subtracting(
                path.isEmpty ? ["scoresFile", "remarksFile"] : [])
            #expect(missing.isEmpty, "the starter shows no \(missing.sorted()) of \(object.name)")
        }
    }

    /// `nominees[3].facts[0]` as `nominees[].facts[]`.
    static func listless(_ path: String) -> String {
        path.replacing(/\[[0-9]+\]/, with: "[]")
    }
}
