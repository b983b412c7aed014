import Foundation
import Testing
import TestSupport

/// #28.6: the files an edition names stay where it lives. A logo or scoresFile reached by
/// `..`, an absolute path or a link out of the edition's folder (and out of the current
/// directory) is refused, exit 65 with the field path, its bytes never read into an export;
/// `--allow-path DIR` lets a folder in.
@Suite("Files an edition names stay in its folder, or in one --allow-path allows", .onTestPool)
struct NamedFileScopeTests {
    @Test("a logo and a scoresFile outside, by .., absolute path and link: refused by validate, export, forms and collect; --allow-path lets them in")
    func outside() throws {
        let root = try Paths.temporaryDirectory("scope")
        defer { try? FileManager.default.removeItem(at: root) }
        // The edition in root/award, a private folder beside it, the tool run from the edition's folder.
        let award = root.appendingPathComponent("award")
        let secret = root.appendingPathComponent("private")
        for folder in [award, secret] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let png = try Data(contentsOf: Paths.edition("branding/logo.png"))
        try png.write(to: secret.appendingPathComponent("private.png"))
        try Data("juror,nominee,criterion,score\r\n".utf8).write(to: secret.appendingPathComponent("scores.csv"))
        try FileManager.default.createSymbolicLink(atPath: award.appendingPathComponent("link.png").path, withDestinationPath: "../private/private.png")
        let scored = try String(contentsOf: Paths.edition("scored.yaml"), encoding: .utf8)
        let cases: [(String, String)] = [
            ("branding:\n  logo: ../private/private.png\n", "branding.logo"),
            ("branding:\n  logo: \(secret.appendingPathComponent("private.png").path)\n", "branding.logo"),
            ("branding:\n  logo: link.png\n", "branding.logo"),
            ("scoresFile: ../private/scores.csv\n", "scoresFile"),
        ]
        let file = award.appendingPathComponent("edition.yaml")
        let out = root.appendingPathComponent("out")
        for (yaml, field) in cases {
            try Data((scored + yaml).utf8).write(to: file)
            for command in [["validate", file.path], ["export", file.path, "-o", out.path], ["forms", file.path, "-o", out.path]] {
                let result = try ProcessRunner.run(Paths.juryreport, command, currentDirectory: award)
                #expect(result.status == 65, "\(command[0]) \(yaml): \(result.standardError)")
                #expect(result.standardError.contains("error: \(field): "), "\(result.standardError)")
                #expect(result.standardError.contains("lies outside the edition's folder and the current directory"), "\(result.standardError)")
                #expect(result.standardError.contains("allow its folder with --allow-path DIR"))
            }
            #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
            let allowed = try ProcessRunner.run(Paths.juryreport, ["validate", file.path, "--allow-path", secret.path], currentDirectory: award)
            #expect(allowed.status == 0, "\(yaml): \(allowed.standardError)")
        }
        // Inside the edition's folder (a link that stays inside, too) is as before.
        try png.write(to: award.appendingPathComponent("logo.png"))
        try FileManager.default.createSymbolicLink(atPath: award.appendingPathComponent("inside.png").path, withDestinationPath: "logo.png")
        try Data((scored + "branding:\n  logo: inside.png\n").utf8).write(to: file)
        let inside = try ProcessRunner.run(Paths.juryreport, ["export", file.path, "-f", "html", "-o", out.path], currentDirectory: award)
        #expect(inside.status == 0, "\(inside.standardError)")
    }
}
