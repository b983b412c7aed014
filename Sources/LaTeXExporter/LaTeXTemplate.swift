/// The LaTeX the exporter writes around the text, kept as template files
/// (`Templates/*.tex`, compiled into the binary) as pandoc keeps its templates as data:
/// TeX as TeX, with `$name$` where a value goes.
enum LaTeXTemplate {
    /// The shared setup of every document: engine, fonts, language, paper, packages, metadata.
    static let documentSetup = String(decoding: PackageResources.document_setup_tex, as: UTF8.self)
    /// The report's own preamble around the shared setup: colours, running header, spacing.
    static let reportPreamble = String(decoding: PackageResources.report_preamble_tex, as: UTF8.self)

    /// `template` with each `$name$` replaced by `values[name]`. A name without a value is a
    /// fault of this package: every test that writes a document would stop on it. Values are
    /// not read again, so a `$` in one stays as it is.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + values.values.reduce(0) { $0 + $1.utf8.count })
        var rest = template[...]
        while let open = rest.firstIndex(of: "$") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "$") else {
                preconditionFailure("an unclosed $ in a LaTeX template")
            }
            let name = String(rest[afterOpen..<close])
            guard let value = values[name] else { preconditionFailure("the LaTeX template's $\(name)$ has no value") }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
