import Foundation
import HTMLExporter
import JuryReportCore
import MarkdownExporter

// text-only EDITION OUTPUT-DIRECTORY: the edition as Markdown and HTML, with no workbook
// exporter (and no libxlsxwriter) in the build.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: text-only EDITION OUTPUT-DIRECTORY\n".utf8))
    exit(64)
}
let pipeline = ExportPipeline(registry: try ExporterRegistry([MarkdownExporter(), HTMLExporter()]))
let selection = try pipeline.select(formats: [], options: ExportOptions())
guard case .success(let edition) = await pipeline.load([.file(path: arguments[1])])[0] else {
    FileHandle.standardError.write(Data("cannot load \(arguments[1])\n".utf8))
    exit(65)
}
for exported in try await pipeline.run([edition], selection, to: .directory(URL(fileURLWithPath: arguments[2]))) {
    exported.files.forEach { print($0.name) }
}
