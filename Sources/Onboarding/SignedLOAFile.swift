import Foundation

/// Checks the signed LOA a person points at before anything is uploaded.
public enum SignedLOAFile {
    /// Telnyx's documents service takes files up to this size.
    public static let maximumBytes = 10 * 1024 * 1024

    /// PDF readers accept a header that starts within the first 1,024 bytes (a scanner or
    /// mail gateway may put bytes before it).
    static let headerWindow = 1024

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Missing, a directory, unreadable or over `maximumBytes`.
        case file(LocalFile.Problem)
        case empty(path: String)
        case notPDF(path: String)

        public var description: String {
            switch self {
            case .file(.tooLarge(let path, let bytes, let limit)):
                "\(RemoteText.sanitized(path)) is \(LocalFile.size(bytes)); the limit is \(LocalFile.size(limit)). Save it with smaller images, or scan in black and white"
            case .file(let problem): problem.description
            case .empty(let path): "\(RemoteText.sanitized(path)) is empty; save the signed LOA again"
            case .notPDF(let path): "\(RemoteText.sanitized(path)) is not a PDF; export or print the signed LOA to PDF"
            }
        }
    }

    /// The PDF to upload, from its `%PDF-` header on (bytes a scanner or gateway put before it
    /// are left out: readers ignore them, Telnyx's check may not), once it is a PDF of sane size;
    /// `path` may start with `~`.
    public static func read(_ path: String) throws(Problem) -> Data {
        let data: Data
        do { data = try LocalFile.contents(path, limit: maximumBytes) } catch { throw .file(error) }
        try check(data, path: LocalFile.expanded(path))
        return fromHeader(data)
    }

    /// `data` from its `%PDF-` header on (all of it when the header is first or absent).
    static func fromHeader(_ data: Data) -> Data {
        guard let start = headerOffset(data), start > 0 else { return data }
        return Data(data.dropFirst(start))
    }

    public static func check(_ data: Data, path: String) throws(Problem) {
        if data.isEmpty { throw .empty(path: path) }
        if data.count > maximumBytes { throw .file(.tooLarge(path: path, bytes: data.count, limit: maximumBytes)) }
        if !isPDF(data) { throw .notPDF(path: path) }
    }

    /// `%PDF-` starts within the first 1,024 bytes.
    static func isPDF(_ data: Data) -> Bool { headerOffset(data) != nil }

    /// Where `%PDF-` starts, when within the first 1,024 bytes.
    static func headerOffset(_ data: Data) -> Int? {
        let window = [UInt8](data.prefix(headerWindow + 4))
        let header = Array("%PDF-".utf8)
        guard window.count >= header.count else { return nil }
        return (0...min(headerWindow - 1, window.count - header.count)).first { window[$0..<($0 + header.count)].elementsEqual(header) }
    }
}
