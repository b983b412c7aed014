/// One message about an edition file or an export: an error or a warning, with where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file the message is about, as the user named it.
    public var file: String
    /// The field the message is about, if any.
    public var path: FieldPath?
    /// Where in the file, when the parser knows it.
    public var position: SourcePosition?
    /// The cell of a workbook the message is about, such as `Scores!D7`, in place of a position.
    public var cell: String?
    public var message: String
    /// The line of the file shown under the message, with a caret (see `SourceExcerpt`).
    public var excerpt: String?

    public init(
        _ severity: Severity, file: String, path: FieldPath? = nil,
        position: SourcePosition? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.path = path
        self.position = position
        self.message = message
    }

    /// GCC style: `FILE:LINE:COLUMN: error: PATH: MESSAGE` (`FILE:SHEET!CELL: error: ...` for
    /// a workbook), or `FILE: error: ...` without a position; then the excerpt, if any, on
    /// lines of its own.
    public var description: String {
        var text = file
        if let position { text += ":\(position.line):\(position.column)" }
        if let cell { text += ":" + cell }
        text += ": \(severity.rawValue): "
        if let path, !path.components.isEmpty { text += "\(path): " }
        return text + message + (excerpt.map { "\n" + $0 } ?? "")
    }
}
