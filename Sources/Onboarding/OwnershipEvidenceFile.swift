import Foundation

/// Checks a document of the ownership proof (a carrier invoice or statement showing the numbers)
/// before anything is uploaded: Telnyx's documents service takes PDF, PNG and JPEG up to 10 MB.
public enum OwnershipEvidenceFile {
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Missing, a directory, unreadable or over `SignedLOAFile.maximumBytes`.
        case file(LocalFile.Problem)
        case empty(path: String)
        /// Neither a PDF, a PNG nor a JPEG by its first bytes.
        case unsupported(path: String)

        public var description: String {
            switch self {
            case .file(.tooLarge(let path, let bytes, let limit)):
                "\(RemoteText.sanitized(path)) is \(LocalFile.size(bytes)); the limit is \(LocalFile.size(limit)). Save it with smaller images"
            case .file(let problem): problem.description
            case .empty(let path): "\(RemoteText.sanitized(path)) is empty; give the carrier invoice or statement itself"
            case .unsupported(let path):
                "\(RemoteText.sanitized(path)) is not a PDF, PNG or JPEG; save or scan the carrier invoice or statement as one of those"
            }
        }
    }

    /// The document's bytes and the name to upload it under (its own, with the extension its
    /// content calls for, so Telnyx labels it right); `path` may start with `~`.
    /// - Throws: `Problem`.
    public static func read(_ path: String) throws(Problem) -> (bytes: Data, filename: String) {
        let data: Data
        do { data = try LocalFile.contents(path, limit: SignedLOAFile.maximumBytes) } catch { throw .file(error) }
        let expanded = LocalFile.expanded(path)
        if data.isEmpty { throw .empty(path: expanded) }
        guard let kind = kind(of: data) else { throw .unsupported(path: expanded) }
        let name = URL(fileURLWithPath: expanded).lastPathComponent
        let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        let known = ["pdf": "pdf", "png": "png", "jpg": "jpeg", "jpeg": "jpeg"][URL(fileURLWithPath: name).pathExtension.lowercased()]
        return (kind == .pdf ? SignedLOAFile.fromHeader(data) : data, known == kind.rawValue ? name : "\(stem).\(kind.rawValue)")
    }

    enum Kind: String { case pdf, png, jpeg }

    /// By the first bytes: `%PDF-` within the first 1,024 bytes, the PNG signature, or a JPEG's SOI marker.
    static func kind(of data: Data) -> Kind? {
        if SignedLOAFile.isPDF(data) { return .pdf }
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}
