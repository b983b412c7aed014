/// The description of an exporter's format: its names, files, summary and options.
public struct ExportFormat: Sendable {
    /// The name `--format` takes, such as `markdown`.
    public let name: String
    /// Other names for it, such as `md`.
    public let aliases: [String]
    /// What is appended to `<slug>-<year>` for each file it may write, such as `.md`.
    public let fileSuffixes: [String]
    /// One line for `juryreport formats`.
    public let summary: String
    /// The `--option` keys it reads, each declared once.
    public let options: [ExportOption]
    /// Whether it renders ``ExportRequest/outline``, so the pipeline makes that once.
    public let rendersOutline: Bool
    /// Whether it takes `--option` keys it does not declare (an external program's own).
    public let acceptsUndeclaredOptions: Bool
    /// Names that mean this format with options set, such as `pdf` for `latex` with
    /// `pdf=true`: `--format pdf` selects it so.
    public let presets: [FormatPreset]

    public init(
        name: String, aliases: [String] = [], fileSuffixes: [String], summary: String,
        options: [ExportOption] = [], rendersOutline: Bool = false, acceptsUndeclaredOptions: Bool = false,
        presets: [FormatPreset] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.fileSuffixes = fileSuffixes
        self.summary = summary
        self.options = options
        self.rendersOutline = rendersOutline
        self.acceptsUndeclaredOptions = acceptsUndeclaredOptions
        self.presets = presets
    }

    /// The name and aliases.
    public var allNames: [String] { [name] + aliases }

    /// The declared option with this key.
    public func option(_ key: String) -> ExportOption? {
        options.first { $0.key == key }
    }
}

/// A name for a format with some of its options set (see ``ExportFormat/presets``).
public struct FormatPreset: Sendable {
    public let name: String
    /// The options the name sets, each a key the format declares.
    public let options: [ExportOptions.Pair]

    public init(name: String, options: [ExportOptions.Pair]) {
        self.name = name
        self.options = options
    }
}
