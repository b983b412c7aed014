import Foundation
import JuryReportCore

/// A private folder for one run of a child program (a TeX engine, a plugin): created with
/// mode 0700 under the system's temporary directory, so other local users cannot read an
/// unpublished report while it is built, and removed with everything in it.
public struct TemporaryWorkspace: Sendable {
    public let url: URL
    private let observer: TemporaryResourceObserver?

    /// Creates `juryreport-LABEL-UUID` and tells `observer`.
    public init(label: String, observer: TemporaryResourceObserver?) throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("juryreport-\(label)-\(UUID().uuidString)", isDirectory: true)
        // Created 0700 from the start (not chmod-ed after), so there is no moment it is open.
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        observer?(.directory(url.path), true)
        self.url = url
        self.observer = observer
    }

    /// Removes the folder and what is in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
        observer?(.directory(url.path), false)
    }

    /// Runs `body` in a new workspace and removes it afterwards, whatever happens.
    public static func with<T>(label: String, observer: TemporaryResourceObserver?, _ body: (TemporaryWorkspace) throws -> T) throws -> T {
        let workspace = try TemporaryWorkspace(label: label, observer: observer)
        defer { workspace.remove() }
        return try body(workspace)
    }
}
