import Foundation

/// The signature a LOA may be rendered with: a PNG image of it and, optionally, the signer's
/// name printed beside it (Telnyx takes the name only with an image).
public struct SignatureImage: Codable, Equatable, Sendable {
    public var path: String
    public var signerName: String?

    public init(path: String, signerName: String? = nil) {
        self.path = path
        self.signerName = signerName
    }

    /// Telnyx embeds the image in the PDF; a signature needs far less than this.
    public static let maximumBytes = 1024 * 1024

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Missing, a directory, unreadable or over `maximumBytes`.
        case file(LocalFile.Problem)
        case notPNG(path: String)

        public var description: String {
            switch self {
            case .file(let problem): "\(RemoteText.sanitized(problem.path)) \(reason)"
            case .notPNG(let path): "\(RemoteText.sanitized(path)) \(reason)"
            }
        }

        /// What is wrong, without the path (shown beside it).
        public var reason: String {
            switch self {
            case .file(.tooLarge(_, let bytes, let limit)):
                "is \(LocalFile.size(bytes)); the limit is \(LocalFile.size(limit)). Crop the signature or save it smaller"
            case .file(let problem): problem.reason
            case .notPNG: "is not a PNG image; save the signature as PNG"
            }
        }
    }

    /// The image's bytes once they are a PNG of sane size.
    public static func read(_ path: String) throws(Problem) -> Data {
        let data: Data
        do { data = try LocalFile.contents(path, limit: maximumBytes) } catch { throw .file(error) }
        if !data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { throw .notPNG(path: LocalFile.expanded(path)) }
        return data
    }
}
