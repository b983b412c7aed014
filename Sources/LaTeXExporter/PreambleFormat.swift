import Foundation
import JuryReportCore
import JuryReportProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The packages part of a document's preamble (from `\\documentclass` to the line that
/// ``marker`` begins, see `Templates/document-setup.tex`) as a pdflatex format file: the
/// engine's state after loading them, dumped once and loaded by later builds instead of
/// reading the packages again (hyperref above all: a third of a run for the bundled report).
///
/// A format is kept per user in `$XDG_CACHE_HOME/juryreport` (else `~/.cache/juryreport`),
/// a folder of mode 0700 that must be the user's own, under a name made of the packages
/// part and the identity of the engine, inflated (it loads in a third of the time, see
/// ``GzipFile``). Beside it, a list of every file the engine read to make it (TeX Live's
/// own `pdflatex.fmt`, which TeX Live remakes whenever a package is updated, `texmf.cnf`,
/// each package) with its identity: when one has changed, the format is made anew. The
/// newest ``kept`` stay.
///
/// A build without the format compiles the whole source, as before, and meanwhile dumps
/// the format on the other core for the next build; without a usable cache folder it only
/// compiles. The PDF has the same bytes either way, as the tests check: what the packages do
/// to the engine's own state (not TeX's, which the format keeps) is done again, or stays
/// after the packages part (the glyph names, the trailer id). xcolor sets the colour black
/// as it loads, a colour-stack node on the page to come that a format does not keep: the
/// body sets it again (``colourAtLoad``) in a line left empty.
struct PreambleFormat {
    /// The first line after the packages part, in the document setup template.
    static let marker = "% The preloaded packages end here"
    /// The job name of the format, in the build's folder: not a slug (it has `_`), so no
    /// report's job name.
    static let jobName = "juryreport_preamble"
    /// Formats kept in the cache folder (about 20 MB each).
    static let kept = 6

    /// `\documentclass` to the end of the line before ``marker``.
    let packages: [UInt8]
    /// The source without its packages part: what the engine reads after loading the format.
    let body: [UInt8]

    /// What xcolor does as it loads that a format loses: `\color{black}`, a colour-stack
    /// node on the main list (the first page's content starts with it).
    static let colourAtLoad = "\\makeatletter\\set@color\\makeatother"

    /// Splits `source` at its packages part; nil for a source without one.
    init?(source: [UInt8]) {
        guard let start = source.firstRange(of: Array("\\documentclass".utf8))?.lowerBound,
            let end = source[start...].firstRange(of: Array(("\n" + Self.marker).utf8))?.lowerBound
        else { return nil }
        packages = Array(source[start...end])
        // Its lines left empty, so that the engine's messages name the .tex file's lines; the
        // last one redoes what xcolor did as it loaded.
        let lines = packages.lazy.filter { $0 == UInt8(ascii: "\n") }.count
        let redo = packages.firstRange(of: Array("\\usepackage{xcolor}".utf8)) == nil ? [] : Array(Self.colourAtLoad.utf8)
        body = Array(source[..<start]) + [UInt8](repeating: UInt8(ascii: "\n"), count: lines - 1) + redo + [UInt8(ascii: "\n")]
            + source[(end + 1)...]
    }

    /// The cache file of this packages part for `engine`, or nil without a usable cache folder.
    func cacheFile(engine: LaTeXEngine, environment: [String: String]) -> URL? {
        Self.cacheDirectory(environment).map { $0.appendingPathComponent("pdflatex-\(key(engine: engine)).fmt") }
    }

    /// The list of the files a cached format was made from, beside it.
    static func inputsFile(of cached: URL) -> URL { cached.deletingPathExtension().appendingPathExtension("inputs") }

    /// Links the cached format into `directory` as `<jobName>.fmt`, marking it used;
    /// false when it is not there, or a file it was made from has changed since.
    static func link(_ cached: URL, into directory: URL) -> Bool {
        guard let inputs = try? Data(contentsOf: inputsFile(of: cached)), FileManager.default.fileExists(atPath: cached.path) else { return false }
        // Each line is a file's identity then; about 60 of them, a few microseconds.
        let lines = String(decoding: inputs, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1, lines.last == "", lines.dropLast().allSatisfy({ line in
            line.split(separator: "\t").first.map { identity(of: String($0)) == line + "\n" } == true
        }) else { return false }
        // Its time tells which formats were used last (see `prune`).
        utimes(cached.path, nil)
        return symlink(cached.path, directory.appendingPathComponent(jobName + ".fmt").path) == 0
    }

    /// Removes a cached format and its list of inputs.
    static func remove(_ cached: URL) {
        unlink(cached.path)
        unlink(inputsFile(of: cached).path)
    }

    /// Dumps the format in a folder of its own and puts it in the cache as `cached`, inflated,
    /// with the list of the files it was made from, whole or not at all; a format that
    /// cannot be made is left for the next build to try.
    func makeCached(_ cached: URL, engine: LaTeXEngine, environment: [String: String], observer: TemporaryResourceObserver?) {
        try? TemporaryWorkspace.with(label: "texformat", observer: observer) { workspace in
            guard make(in: workspace.url, engine: engine, environment: environment, observer: observer),
                let dumped = try? [UInt8](Data(contentsOf: workspace.url.appendingPathComponent(Self.jobName + ".fmt"))),
                let format = GzipFile.contents(of: dumped),
                let recorded = try? Data(contentsOf: workspace.url.appendingPathComponent(Self.jobName + ".fls"))
            else { return }
            // The recorder's absolute INPUT lines: TeX Live's configuration and format, and
            // every package file (the source itself is relative).
            let inputs = Set(String(decoding: recorded, as: UTF8.self).split(separator: "\n").compactMap { line in
                line.hasPrefix("INPUT /") ? String(line.dropFirst(6)) : nil
            })
            // Without them nothing would tell when the format is out of date: not kept.
            guard !inputs.isEmpty else { return }
            let list = inputs.sorted().map(Self.identity(of:)).joined()
            // A cache: lost in a crash, it is made again; damaged, it is found and removed.
            try? OutputFile.write(
                [(format, cached.path), (Array(list.utf8), Self.inputsFile(of: cached).path)], durable: false, observer: observer)
            Self.prune(cached.deletingLastPathComponent())
        }
    }

    /// Dumps the packages part into `<jobName>.fmt` in `directory`.
    private func make(in directory: URL, engine: LaTeXEngine, environment base: [String: String], observer: TemporaryResourceObserver?) -> Bool {
        let source = directory.appendingPathComponent(Self.jobName + ".tex")
        guard (try? Data(packages + Array("\\dump\n".utf8)).write(to: source)) != nil else { return false }
        var environment = base
        // The format is the same whatever edition made it: no date of one goes into it.
        environment["SOURCE_DATE_EPOCH"] = "0"
        environment["FORCE_SOURCE_DATE"] = "1"
        let dump = ChildProcess(
            executable: engine.executable,
            arguments: [
                "-ini", "-recorder", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-jobname=\(Self.jobName)", "&pdflatex",
                "\(Self.jobName).tex",
            ],
            environment: environment, directory: directory, timeout: LaTeXEngine.timeout, observer: observer)
        guard case .exited(0) = try? dump.run() else { return false }
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent(Self.jobName + ".fmt").path)
    }

    /// What names the format: the packages part and the engine. (What the engine reads to
    /// make it is checked by ``link(_:into:)``.)
    private func key(engine: LaTeXEngine) -> String {
        var hash = SHA256()
        hash.update(Array("juryreport preamble format 3\n".utf8))
        hash.update(Array(Self.identity(of: engine.executable.resolvingSymlinksInPath().path).utf8))
        hash.update(packages)
        return String(hash.hexDigest().prefix(32))
    }

    /// `path<tab>size inode seconds.nanoseconds` of a file (a package update replaces a
    /// file: another inode), or the path alone.
    private static func identity(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return path + "\n" }
        return "\(path)\t\(info.st_size) \(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
    }

    /// The user's cache folder for formats, made 0700 if missing; nil when there is no home,
    /// or the folder is not a directory of this user's that only they can write to.
    static func cacheDirectory(_ environment: [String: String]) -> URL? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        let folder = base + "/juryreport"
        mkdir(base, 0o700)
        mkdir(folder, 0o700)
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(),
            info.st_mode & 0o022 == 0
        else { return nil }
        return URL(fileURLWithPath: folder, isDirectory: true)
    }

    /// Removes all but the ``kept`` formats used last.
    private static func prune(_ cache: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cache.path) else { return }
        let formats: [(path: String, time: Int)] = names.filter { $0.hasPrefix("pdflatex-") && $0.hasSuffix(".fmt") }.map { name in
            let path = cache.appendingPathComponent(name).path
            var info = stat()
            return (path, stat(path, &info) == 0 ? info.st_mtim.tv_sec : 0)
        }
        for old in formats.sorted(by: { $0.time > $1.time }).dropFirst(kept) { remove(URL(fileURLWithPath: old.path)) }
    }
}
