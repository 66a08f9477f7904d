import CSV
import Foundation

/// CSV that spreadsheets open cleanly (RFC 4180 through CSV.swift): UTF-8 with a byte-order
/// mark (Excel reads UTF-8 only with it), CRLF line ends, phone numbers written `="+13125550134"`
/// so no spreadsheet turns them into a number and drops the `+` (the numbers-file reader undoes
/// it), and text from elsewhere that starts like a formula (`=`, `+`, `-`, `@`) led by `'` so a
/// spreadsheet shows it rather than evaluates it (OWASP's CSV injection advice).
public enum SpreadsheetCSV {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case phoneNumber(String)
        case integer(Int?)
    }

    /// The file's bytes: `header` then one line per row.
    /// - Throws: `CSVError` when CSV.swift cannot write (it writes to memory here).
    public static func bytes(header: [String], rows: [[Cell]]) throws -> [UInt8] {
        let stream = OutputStream.toMemory()
        stream.open()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row.map(field)) }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return [0xEF, 0xBB, 0xBF] + [UInt8](data) + Array("\r\n".utf8)
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let text):
            guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
            return "'" + text
        case .phoneNumber(let number): return "=\"\(number)\""
        case .integer(let value): return value.map(String.init) ?? ""
        }
    }

    /// Why a file cannot be written at `path` (its folder missing or not writable, or a folder
    /// there), checked before any work whose result it would hold; nil when it can (`-` is
    /// standard output).
    public static func problem(writingTo path: String) -> String? {
        guard path != "-" else { return nil }
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else { return "is empty; give a file's path" }
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), isDirectory.boolValue {
            return "\(path) is a folder; give a file's path"
        }
        let folder = (expanded as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "\(path) cannot be written: the folder \(parent) does not exist"
        }
        guard FileManager.default.isWritableFile(atPath: parent) else {
            return "\(path) cannot be written: the folder \(parent) is not writable for this user"
        }
        // Tried, not assumed: some folders take no new file (`/proc`).
        let probe = (parent as NSString).appendingPathComponent(".\((expanded as NSString).lastPathComponent).\(getpid()).probe")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return "\(path) cannot be written: \(String(cString: strerror(errno)))" }
        close(descriptor)
        unlink(probe)
        return nil
    }

    /// Writes `bytes` to `path` whole or not at all (a temporary file beside it, then renamed);
    /// `-` writes them to standard output.
    /// - Throws: `FileWriteProblem` naming the path and the system's reason.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteProblem) {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        // A link is followed; a device or a pipe (`/dev/stdout`, a FIFO) is written into, never
        // replaced by a file.
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath).resolvingSymlinksInPath()
        var status = stat()
        if stat(url.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            let descriptor = open(url.path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileWriteProblem(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            var written = 0
            while written < bytes.count {
                let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { throw FileWriteProblem(path: path, reason: String(cString: strerror(errno))) }
                written += count
            }
            return
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw FileWriteProblem(path: path, reason: problem(writingTo: path) ?? (error as NSError).localizedDescription)
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteProblem(path: path, reason: reason)
        }
    }
}

/// A file that could not be written: its path as given and why.
public struct FileWriteProblem: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path) cannot be written: \(reason)" }
}
