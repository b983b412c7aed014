import Foundation

/// Where the files an edition names (its `scoresFile`, its `remarksFile`, its logo) may lie: inside the edition
/// file's folder tree or the current directory's, or a folder the user allows
/// (`--allow-path DIR`) — links followed, so neither `../private.png`, an absolute path nor a
/// link out of the folder reaches a file elsewhere.
public struct NamedFileScope: Sendable, Equatable {
    /// Folders besides the edition's and the current directory, as given.
    public var allowedFolders: [String] = []

    public init(allowedFolders: [String] = []) {
        self.allowedFolders = allowedFolders
    }

    /// Why `file` (as resolved against the edition's `folder`) is out of bounds, or nil when
    /// it is inside one of the folders. A file that does not exist yet is judged by its folder.
    func problem(with file: URL, editionFolder folder: URL) -> String? {
        let roots = ([folder.path, FileManager.default.currentDirectoryPath] + allowedFolders).compactMap(Self.real)
        guard let target = Self.real(file.path) ?? Self.real(file.deletingLastPathComponent().path).map({ $0 + "/" + file.lastPathComponent })
        else { return nil }  // Not there at all: the loader says so.
        if roots.contains(where: { target == $0 || target.hasPrefix($0 == "/" ? "/" : $0 + "/") }) { return nil }
        return "lies outside the edition's folder and the current directory (at \(DisplayText.quoted(target, limit: 300))); "
            + "allow its folder with --allow-path DIR"
    }

    /// `path` with every link followed, if it exists.
    static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
