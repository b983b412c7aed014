import JuryReportCore
import Testing

@Suite("ExporterRegistry and declared options", .onTestPool)
struct ExporterRegistryTests {
    struct Named: Exporter {
        let format: ExportFormat
        func export(_ request: ExportRequest, to sink: any ExportSink) throws {}
    }

    static func exporter(_ name: String, aliases: [String] = [], options: [ExportOption] = []) -> Named {
        Named(format: ExportFormat(name: name, aliases: aliases, fileSuffixes: [".\(name)"], summary: name, options: options))
    }

    @Test("two exporters with one name or alias are an error when the registry is made")
    func clash() throws {
        #expect(throws: RegistryError.self) { try ExporterRegistry([Self.exporter("md"), Self.exporter("markdown", aliases: ["md"])]) }
        #expect(throws: RegistryError.self) { try ExporterRegistry([Self.exporter("a"), Self.exporter("a")]) }
        let registry = try ExporterRegistry([Self.exporter("a", aliases: ["b"]), Self.exporter("c")])
        #expect(registry.names == ["a", "b", "c"])
        #expect(try registry.exporters(named: ["B", "c", "a"]).map(\.format.name) == ["a", "c"])
    }

    @Test("options are checked against their declarations before anything runs")
    func optionsChecked() throws {
        let paper = ExportOption.choice("paper", ["a4", "letter"], default: "a4", summary: "the paper")
        let pdf = ExportOption.boolean("pdf", default: false, summary: "also a PDF")
        let format = Self.exporter("t", options: [paper, pdf]).format
        try ExportOptions([("paper", "letter"), ("pdf", "yes")]).check(against: [format])
        #expect(throws: ExportOptionError.self) { try ExportOptions([("paper", "a5")]).check(against: [format]) }
        #expect(throws: ExportOptionError.self) { try ExportOptions([("colour", "red")]).check(against: [format]) }
        let options = ExportOptions([("pdf", "YES")])
        #expect(try options.isOn(pdf))
        #expect(try options.value(of: paper) == "a4", "the declared default")
        let open = ExportFormat(name: "x", fileSuffixes: [], summary: "x", acceptsUndeclaredOptions: true)
        try ExportOptions([("colour", "red")]).check(against: [format, open])
    }
}
