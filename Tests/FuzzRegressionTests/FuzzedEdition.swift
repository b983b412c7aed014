import JuryReport

/// What the fuzzer checks of one input, shared by the libFuzzer target (Fuzz/, through a
/// link to this file) and the regression tests: its first byte picks what the rest is — a
/// recipe for an edition of odd structure (``FuzzedStructure``) when it is 6 modulo 8, else
/// a YAML file (even) or a JSON file (odd). Loading must not crash whatever the bytes, and a refused
/// file must say why; a file that loads must export in every text format, and its canonical
/// JSON must load back to the same edition.
enum FuzzedEdition {
    /// The built-in formats that write text only (the workbook and PDFs cost too much a run).
    static let textExporters: [any Exporter] = BuiltInExporters.all.filter { exporter in
        (try? exporter.files(for: ExportOptions()))??.allSatisfy(\.isText) ?? false
    }

    /// What went wrong, or nil.
    static func check(_ bytes: [UInt8]) -> String? {
        guard let first = bytes.first else { return nil }
        let structured = first % 8 == 6
        let syntax: EditionSyntax = structured || first % 2 == 0 ? .yaml : .json
        let file = structured ? FuzzedStructure.yaml(Array(bytes.dropFirst())) : Array(bytes.dropFirst())
        let edition: Edition
        do {
            edition = try EditionLoader().load(bytes: file, syntax: syntax, name: "fuzz")
        } catch {
            return error.diagnostics.isEmpty ? "a refused file has no diagnostic" : nil
        }
        let request = ExportRequest(edition: edition)
        do {
            for exporter in textExporters { try exporter.export(request, to: MemoryExportSink(baseName: request.baseName)) }
        } catch {
            return "a valid edition failed to export: \(error)"
        }
        do {
            let again = try EditionLoader().load(bytes: EditionJSON.encode(edition), syntax: .json, name: "canonical")
            return again == edition ? nil : "the canonical JSON loads back to another edition"
        } catch {
            return "the canonical JSON of a valid edition is refused: \(error)"
        }
    }
}
