import Foundation

/// A file a person points at (a signed LOA, a signature image, a numbers file): its path as the
/// shell would read it, and its bytes, or what is wrong with it in the person's terms.
public enum LocalFile {
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// `path` is the expanded path, so the person sees where it was looked for.
        case missing(path: String)
        /// A symbolic link whose target is missing, or links that loop.
        case danglingLink(path: String)
        case directory(path: String)
        /// A device, pipe or socket: reading it could block or never end.
        case notAFile(path: String)
        case unreadable(path: String)
        /// `bytes` is the file's size, over `limit`.
        case tooLarge(path: String, bytes: Int, limit: Int)

        public var path: String {
            switch self {
            case .missing(let path), .danglingLink(let path), .directory(let path), .notAFile(let path), .unreadable(let path),
                .tooLarge(let path, _, _):
                path
            }
        }

        public var description: String { "\(RemoteText.sanitized(path)) \(reason)" }

        /// What is wrong, without the path (shown beside it).
        public var reason: String {
            switch self {
            case .missing: "does not exist; check the path"
            case .danglingLink: "is a symbolic link that leads to no file (its target is missing, or the links loop)"
            case .directory: "is a directory; give the path of a file in it"
            case .notAFile: "is not a regular file (a device, pipe or socket); save the data to a file and give its path"
            case .unreadable: "cannot be read; check its permissions"
            case .tooLarge(_, let bytes, let limit): "is \(LocalFile.size(bytes)); the limit is \(LocalFile.size(limit))"
            }
        }
    }

    /// A path as dragging a file into a terminal writes it, as the file's path: quoted
    /// (`'/tmp/my numbers.csv'`), with escaped spaces (`/tmp/my\ numbers.csv`), or a `file://`
    /// URL (percent-decoded).
    public static func dropped(_ typed: String) -> String {
        var path = typed.trimmingCharacters(in: .whitespaces)
        if path.count >= 2, let first = path.first, first == "'" || first == "\"", path.last == first {
            path = String(path.dropFirst().dropLast())
        } else if path.contains("\\ ") {
            path = path.replacingOccurrences(of: "\\ ", with: " ")
        }
        if path.lowercased().hasPrefix("file://"), let url = URL(string: path), url.isFileURL {
            path = url.path
        }
        return path
    }

    /// `path` as a shell expands it: `~` and `~/…` with `$HOME`, `~user/…` with that user's
    /// home; a relative path is taken relative to `base` (a directory) when one is given.
    public static func expanded(_ path: String, relativeTo base: String? = nil) -> String {
        let path = dropped(path)
        var result = path
        if path == "~" || path.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            result = home + path.dropFirst()
        } else if path.hasPrefix("~") {
            result = (path as NSString).expandingTildeInPath
        }
        if let base, !result.hasPrefix("/") {
            result = URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent(result).standardizedFileURL.path
        }
        return result
    }

    /// The bytes of the file at `path` (expanded), its size checked against `limit` (bytes)
    /// before it is read, so a huge file is refused unread.
    /// - Throws: `Problem`, naming the expanded path.
    public static func contents(_ path: String, limit: Int) throws(Problem) -> Data {
        let expanded = expanded(path)
        // One stat, following symbolic links as opening the file will: what it is and its size.
        var status = stat()
        guard stat(expanded, &status) == 0 else {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: expanded)) != nil { throw .danglingLink(path: expanded) }
            throw .missing(path: expanded)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .directory(path: expanded)
        default: throw .notAFile(path: expanded)
        }
        if Int(status.st_size) > limit { throw .tooLarge(path: expanded, bytes: Int(status.st_size), limit: limit) }
        guard let handle = FileHandle(forReadingAtPath: expanded) else { throw .unreadable(path: expanded) }
        defer { try? handle.close() }
        // Read one byte past the limit: a file that grew after the check is still refused.
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else { throw .unreadable(path: expanded) }
        if data.count > limit { throw .tooLarge(path: expanded, bytes: data.count, limit: limit) }
        return data
    }

    /// A size in MB (1,048,576 bytes) or KB with one decimal, rounded up so a size over a
    /// limit never reads as the limit: `10.4 MB`, `10 MB` for exactly 10 MB, `512.5 KB`.
    public static func size(_ bytes: Int) -> String {
        let (value, unit) = bytes >= 1024 * 1024 ? (Double(bytes) / 1_048_576, "MB") : (Double(bytes) / 1024, "KB")
        let tenths = (value * 10).rounded(.up) / 10
        let shown = tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
        return "\(shown) \(unit)"
    }
}
