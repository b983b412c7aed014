import Foundation
import Testing
import TestSupport

/// Whether a process with this pid exists (and is not a zombie of ours).
private func isAlive(_ pid: Int32) -> Bool {
    // A signal is delivered, and its process ended, a moment after it is sent: a process
    // still running after two seconds is alive.
    let deadline = Date().addingTimeInterval(2)
    repeat {
        guard kill(pid, 0) == 0 else { return false }
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        if state == "Z" { return false }
        Thread.sleep(forTimeInterval: 0.05)
    } while Date() < deadline
    return true
}

/// Waits up to `seconds` for `file` to hold a line, and returns its lines.
private func awaitLines(_ file: URL, seconds: Double = 30) -> [String] {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if let text = try? String(contentsOf: file, encoding: .utf8), text.hasSuffix("\n") {
            return text.split(separator: "\n").map(String.init)
        }
        usleep(20_000)
    }
    return []
}

/// #16.3, #16.14, #16.15: child programs are ended, their folders private and removed, and
/// what they write is bounded and refused where it is not a file of their own.
@Suite("Plugins and engines that misbehave", .onTestPool, .serialized)
struct RedTeamProcessTests {
    @Test("#16.3: a shell plugin stuck in sleep is stopped at --plugin-timeout, its sleep with it")
    func stuckShell() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        let marker = plugins.root.appendingPathComponent("pid")
        try plugins.add("stuck", "sleep 1000 &\necho $! > \(marker.path)\nwait\n")
        let start = Date()
        let result = try plugins.run(["export", "-f", "stuck", "-o", plugins.out.path, "--plugin-timeout", "2"])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.status == 1)
        #expect(result.standardError.contains("external exporter 'stuck' stopped after 2 seconds"), "\(result.standardError)")
        let sleeper = try #require(Int32(awaitLines(marker, seconds: 1).first ?? ""))
        #expect(!isAlive(sleeper), "the plugin's sleep \(sleeper) still runs")
    }

    @Test("#15.5: a plugin that starts a sleep 30 child is stopped at a 1-second timeout within 3 seconds")
    func timeoutWithChild() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("sleepy", "sleep 30 &\nsleep 30\n")
        let start = Date()
        let result = try plugins.run(["export", "-f", "sleepy", "-o", plugins.out.path, "--plugin-timeout", "1"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 1)
        #expect(elapsed < 3, "\(elapsed) s")
    }

    @Test("#28.7: descendants that left the plugin's process group (setsid, a double fork) are ended when it exits")
    func escapedDescendants() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        let marker = plugins.root.appendingPathComponent("pids")
        try plugins.add("escapes", #"""
            while [ $# -gt 0 ]; do case "$1" in --output) out="$2";; --basename) base="$2";; esac; shift; done
            setsid sleep 300 > /dev/null 2>&1 < /dev/null &
            first=$!
            ( ( sleep 301 > /dev/null 2>&1 < /dev/null & echo $! > \#(marker.path).double ) & )
            while [ ! -s \#(marker.path).double ]; do sleep 0.01; done
            printf '%s\n%s\n' "$first" "$(cat \#(marker.path).double)" > \#(marker.path)
            printf 'page\n' > "$out/$base.html"
            """#)
        let result = try plugins.run(["export", "-f", "escapes", "-o", plugins.out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let pids = awaitLines(marker, seconds: 1).compactMap { Int32($0) }
        try #require(pids.count == 2, "the plugin wrote its descendants' pids")
        // Both left the group: setsid's is a session leader, the double fork's was orphaned.
        for pid in pids { #expect(!isAlive(pid), "the escaped descendant \(pid) still runs") }
    }

    @Test("#16.3: a plugin that exits leaving a child on its output does not hold the export")
    func leftoverChild() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        let marker = plugins.root.appendingPathComponent("pid")
        try plugins.add("leaves", #"""
            while [ $# -gt 0 ]; do case "$1" in --output) out="$2";; --basename) base="$2";; esac; shift; done
            (sleep 30) &
            echo $! > \#(marker.path)
            printf 'page\n' > "$out/$base.html"
            """#)
        let start = Date()
        let result = try plugins.run(["export", "-f", "leaves", "-o", plugins.out.path])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(plugins.files() == ["pro-motor-award-2020.html"])
        let child = try #require(Int32(awaitLines(marker, seconds: 1).first ?? ""))
        #expect(!isAlive(child))
    }

    /// Starts `juryreport` with `arguments`, waits for `marker` (written by the child program
    /// with its pid and folder), sends SIGTERM, and returns the marker's lines.
    func terminate(_ arguments: [String], path: String, marker: URL) throws -> (Process, [String]) {
        let process = Process()
        process.executableURL = Paths.juryreport
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let lines = awaitLines(marker)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return (process, lines)
    }

    @Test("#16.14: SIGTERM during a plugin ends it and removes its folder, which was 0700")
    func terminatedDuringPlugin() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        let marker = plugins.root.appendingPathComponent("marker")
        try plugins.add("busy", "sleep 1000 &\nprintf '%s\\n%s\\n%s\\n' $! \"$PWD\" \"$(stat -c %a \"$PWD\")\" > \(marker.path)\nwait\n")
        let (process, lines) = try terminate(["export", "-f", "busy", "-o", plugins.out.path], path: plugins.path, marker: marker)
        try #require(lines.count == 3, "\(lines)")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(lines[2] == "700", "the plugin's folder was \(lines[2])")
        #expect(!isAlive(Int32(lines[0]) ?? 0), "the plugin's child still runs")
        #expect(!FileManager.default.fileExists(atPath: lines[1]), "\(lines[1]) is left behind")
        #expect(plugins.files().isEmpty)
    }

    @Test("#16.14: SIGTERM during a PDF build ends the engine and removes its folder, which was 0700")
    func terminatedDuringEngine() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        let marker = plugins.root.appendingPathComponent("marker")
        // A stand-in engine that reports its pid, folder and mode, and hangs.
        let engine = plugins.bin.appendingPathComponent("lualatex")
        try Data("#!/bin/sh\nprintf '%s\\n%s\\n%s\\n' $$ \"$PWD\" \"$(stat -c %a \"$PWD\")\" > \(marker.path)\nexec sleep 1000\n".utf8).write(to: engine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        let (process, lines) = try terminate(
            ["export", "-f", "latex", "--option", "pdf=true", "--option", "engine=lualatex", "-o", plugins.out.path],
            path: plugins.path, marker: marker)
        try #require(lines.count == 3, "\(lines)")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(lines[2] == "700")
        #expect(!isAlive(Int32(lines[0]) ?? 0), "the engine still runs")
        #expect(!FileManager.default.fileExists(atPath: lines[1]), "\(lines[1]) is left behind")
        #expect(plugins.files().isEmpty)
    }

    @Test("#16.15: 64 MB of output is not kept or shown whole; escapes and CI annotations are defused")
    func noisyPlugin() throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("noisy", #"""
            printf '\033[2J\033[31mred\033[0m\n::error::fake annotation\n\342\200\256reversed\n'
            head -c 67108864 /dev/zero | tr '\0' 'x' >&2
            printf '\nlast line\n' >&2
            """#)
        let result = try plugins.run(["export", "-f", "noisy,md", "-o", plugins.out.path])
        #expect(result.status == 0, "\(result.standardError.prefix(500))")
        let shown = result.standardError
        try #require(shown.utf8.count < 64 * 1024, "\(shown.utf8.count) bytes shown")
        #expect(!shown.utf8.contains(0x1B), "an escape reached the terminal")
        #expect(shown.contains(#"\u{1B}[31mred"#))
        #expect(shown.contains(#"\u{202E}reversed"#))
        #expect(shown.contains("bytes left out"))
        #expect(shown.contains("noisy: last line"))
        let lines = shown.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("::") }, "a line starts a CI annotation")
        #expect(lines.contains { $0.hasSuffix("noisy: ::error::fake annotation") })
    }

    @Test("#16.15: a link, a pipe or a folder written by a plugin is refused, never followed", arguments: [
        #"ln -s /etc/passwd "$out/$base.txt""#, #"mkfifo "$out/$base.txt""#, #"mkdir "$out/$base.d""#,
    ])
    func notAFile(command: String) throws {
        let plugins = try PluginDirectory()
        defer { plugins.remove() }
        try plugins.add("links", #"""
            while [ $# -gt 0 ]; do case "$1" in --output) out="$2";; --basename) base="$2";; esac; shift; done
            \#(command)
            """#)
        let result = try plugins.run(["export", "-f", "links,md", "-o", plugins.out.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("not a regular file of its own") || result.standardError.contains("files must be named"),
                "\(result.standardError)")
        #expect(plugins.files().isEmpty)
    }
}
