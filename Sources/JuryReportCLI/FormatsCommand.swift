import ArgumentParser
import Foundation
import JuryReportCore

/// `juryreport formats`: every exporter available now, with its options as declared.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the export formats: name, file extensions, description, options."
    )

    func run() throws {
        let available = try AvailableExporters(path: ProcessInfo.processInfo.environment["PATH"], pluginTimeout: 60)
        let formats = available.registry.exporters.map(\.format)
        let names = formats.map { format in
            format.aliases.isEmpty ? format.name : "\(format.name) (\(format.aliases.joined(separator: ", ")))"
        }
        let suffixes = formats.map { $0.fileSuffixes.joined(separator: " ") }
        let nameWidth = names.map(\.count).max() ?? 0
        let suffixWidth = suffixes.map(\.count).max() ?? 0
        var text = ""
        for (index, format) in formats.enumerated() {
            text += names[index].padding(nameWidth) + "  " + suffixes[index].padding(suffixWidth) + "  " + format.summary + "\n"
            for preset in format.presets {
                let options = preset.options.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                text += String(repeating: " ", count: nameWidth + 2) + "--format \(preset.name): the same with --option \(options)\n"
            }
            for option in format.options {
                let values = " (\(option.allowedValues.joined(separator: "|")))"
                let defaultValue = option.defaultValue.map { "; default \($0)" } ?? ""
                text += String(repeating: " ", count: nameWidth + 2) + "--option \(option.key)=…\(values): \(option.summary)\(defaultValue)\n"
            }
        }
        for external in available.shadowed {
            text += "(\(external.format.name): \(external.executable.path) is shadowed by the built-in format and never run)\n"
        }
        Console.output(text)
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
