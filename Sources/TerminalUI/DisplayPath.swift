import Foundation

/// A path as short as it can be said and still be typed back: relative to the working directory
/// when under it, else with the home directory as `~`.
enum DisplayPath {
    static func shown(
        _ path: String, workingDirectory: String = FileManager.default.currentDirectoryPath,
        home: String = NSHomeDirectory()
    ) -> String {
        let cwd = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        if path.hasPrefix(cwd) { return String(path.dropFirst(cwd.count)) }
        if !home.isEmpty, home != "/", path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }

    /// `path` shortened to `width` columns on one line: the file name stays whole, the folders
    /// before it give way in the middle (`state/…/Acme-LOA-2026-11-29.pdf`).
    static func oneLine(_ path: String, width: Int) -> String {
        let shown = shown(path)
        guard DisplayWidth.of(shown) > width else { return shown }
        let name = (shown as NSString).lastPathComponent
        let folder = (shown as NSString).deletingLastPathComponent
        let room = width - DisplayWidth.of(name) - 2  // "…/"
        guard room > 0 else { return "…" + String(name.suffix(max(1, width - 1))) }
        return String(folder.prefix(room)) + "…/" + name
    }
}
