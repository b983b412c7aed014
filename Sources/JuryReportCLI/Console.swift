import Foundation

/// The process's standard streams.
struct Console {
    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes bytes to standard output.
    static func output(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func output(_ text: String) {
        output(Array(text.utf8))
    }
}
