import Foundation

/// The process's resident memory now and at its peak so far, as Linux reports them in
/// `/proc/self/status` (`VmRSS`, `VmHWM`), for `--timings`; empty where that file is missing.
enum MemoryUse {
    static func now() -> String {
        // A few hundred bytes; the read stops at 64 KiB whatever the file.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/status"),
            let data = try? handle.read(upToCount: 65_536)
        else { return "" }
        try? handle.close()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        func mebibytes(_ field: String) -> String? {
            guard let line = lines.first(where: { $0.hasPrefix(field + ":") }),
                let kibibytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
            else { return nil }
            return "\(kibibytes / 1024) MiB"
        }
        guard let current = mebibytes("VmRSS"), let peak = mebibytes("VmHWM") else { return "" }
        return "in use \(current), peak \(peak)"
    }
}
