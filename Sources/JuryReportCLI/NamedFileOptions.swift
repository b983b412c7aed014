import ArgumentParser
import JuryReportCore

/// `--allow-path DIR`: a folder outside the edition's and the current directory that the
/// files an edition names (its scoresFile, remarksFile, logo) may lie in.
struct NamedFileOptions: ParsableArguments {
    @Option(
        name: .customLong("allow-path"),
        help: ArgumentHelp(
            "Let the edition's scoresFile, remarksFile and logo lie in DIR, besides its own folder and the current directory (repeatable).",
            valueName: "DIR"),
        completion: .directory)
    var allowedFolders: [String] = []

    /// `pipeline`, its loader allowing the folders.
    func applied(to pipeline: ExportPipeline) -> ExportPipeline {
        var pipeline = pipeline
        pipeline.loader.namedFileScope = NamedFileScope(allowedFolders: allowedFolders)
        return pipeline
    }
}
