import Foundation

/// Checks the signed LOA a person points at before anything is uploaded.
public enum SignedLOAFile {
    /// Telnyx's documents service takes files up to this size.
    public static let maximumBytes = 10 * 1024 * 1024

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case missing(path: String)
        case unreadable(path: String)
        case empty(path: String)
        case tooLarge(path: String, bytes: Int)
        case notPDF(path: String)

        public var description: String {
            switch self {
            case .missing(let path): "\(path) does not exist; check the path (Tab completes it)"
            case .unreadable(let path): "\(path) cannot be read; check its permissions"
            case .empty(let path): "\(path) is empty; save the signed LOA again"
            case .tooLarge(let path, let bytes):
                "\(path) is \(bytes / 1024 / 1024) MB; the limit is 10 MB. Save it with smaller images, or scan in black and white"
            case .notPDF(let path): "\(path) is not a PDF; export or print the signed LOA to PDF"
            }
        }
    }

    /// The file's bytes once they are a PDF of sane size.
    public static func read(_ path: String) throws(Problem) -> Data {
        let data = try LocalFile.contents(path, missing: Problem.missing(path: path), unreadable: .unreadable(path: path))
        try check(data, path: path)
        return data
    }

    public static func check(_ data: Data, path: String) throws(Problem) {
        if data.isEmpty { throw .empty(path: path) }
        if data.count > maximumBytes { throw .tooLarge(path: path, bytes: data.count) }
        if !data.starts(with: Array("%PDF-".utf8)) { throw .notPDF(path: path) }
    }
}
