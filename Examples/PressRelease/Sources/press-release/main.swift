import Foundation
import JuryReportCore
import MarkdownExporter

// press-release EDITION OUTPUT-DIRECTORY: exports the edition as a press release and as
// Markdown, with a registry of this program's own.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: press-release EDITION OUTPUT-DIRECTORY\n".utf8))
    exit(64)
}
var registry = ExporterRegistry([MarkdownExporter()])
try registry.register(PressReleaseExporter())

do {
    let edition = try EditionLoader().load(contentsOf: URL(fileURLWithPath: arguments[1]))
    let request = ExportRequest(edition: edition)
    let sink = try DirectoryExportSink(directory: URL(fileURLWithPath: arguments[2]), baseName: request.baseName) {
        FileHandle.standardError.write(Data("warning: \($0)\n".utf8))
    }
    try EditionExport(request: request, exporters: registry.exporters(named: ["press", "md"])).run(into: sink)
    let written = sink.stagedPaths
    try sink.commit()
    written.forEach { print($0) }
} catch let error as EditionError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(65)
}
