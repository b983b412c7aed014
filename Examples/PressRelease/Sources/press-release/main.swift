import Foundation
import JuryReport
import PressRelease

// press-release EDITION OUTPUT-DIRECTORY: exports the edition as a press release and as
// Markdown, through the library's pipeline, with the built-in formats and one of its own.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: press-release EDITION OUTPUT-DIRECTORY\n".utf8))
    exit(64)
}
let pipeline = ExportPipeline(registry: try BuiltInExporters.registry(adding: [PressReleaseExporter()]))
let selection = try pipeline.select(formats: ["press", "md"], options: ExportOptions())
switch await pipeline.load([.file(path: arguments[1])])[0] {
case .success(let edition):
    let directory = URL(fileURLWithPath: arguments[2])
    for edition in try await pipeline.run([edition], selection, to: .directory(directory)) {
        edition.warnings.forEach { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }
        edition.files.forEach { print(directory.appendingPathComponent($0.name).path) }
    }
case .failure(.invalid(let error)):
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(65)
case .failure(.unreadable(let error)):
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(66)
}
