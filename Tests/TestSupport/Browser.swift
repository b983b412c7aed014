import Foundation

/// Headless Chromium, run with no network (in a network namespace of its own when
/// `unshare` can make one), as a reader of the HTML pages.
public enum Browser {
    /// Whether pages can be opened with the network cut off.
    public static var isOffline: Bool {
        (try? ProcessRunner.run(tool: "unshare", ["-n", "true"]).status) == 0
    }

    private static func run(_ arguments: [String]) throws -> ProcessResult {
        try Tool.chromium.require()
        let chromium = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"]
        let command = (isOffline ? ["unshare", "-n"] : []) + chromium + arguments
        let result = try ProcessRunner.run(tool: command[0], Array(command.dropFirst()))
        guard result.status == 0 else { throw ReaderError(message: "chromium failed: \(result.standardError)") }
        return result
    }

    /// The document as Chromium parsed it, serialized again.
    public static func dumpDOM(_ page: URL) throws -> String {
        try run(["--dump-dom", page.absoluteString]).output
    }

    /// The page printed to PDF with its print stylesheet.
    public static func printToPDF(_ page: URL, to pdf: URL) throws {
        _ = try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
    }

    /// A PNG of the page at `width` × `height` CSS pixels.
    public static func screenshot(_ page: URL, to png: URL, width: Int, height: Int) throws {
        _ = try run(["--window-size=\(width),\(height)", "--screenshot=\(png.path)", page.absoluteString])
    }
}
