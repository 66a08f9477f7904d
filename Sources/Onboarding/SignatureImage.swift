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
        case missing(path: String)
        case unreadable(path: String)
        case tooLarge(path: String, bytes: Int)
        case notPNG(path: String)

        public var description: String {
            switch self {
            case .missing(let path), .unreadable(let path), .tooLarge(let path, _), .notPNG(let path): "\(path) \(reason)"
            }
        }

        /// What is wrong, without the path (shown beside it).
        public var reason: String {
            switch self {
            case .missing: "does not exist; check the path (→ completes it)"
            case .unreadable: "cannot be read; check its permissions"
            case .tooLarge(_, let bytes): "is \(bytes / 1024) KB; the limit is 1 MB. Crop the signature or save it smaller"
            case .notPNG: "is not a PNG image; save the signature as PNG"
            }
        }
    }

    /// The image's bytes once they are a PNG of sane size.
    public static func read(_ path: String) throws(Problem) -> Data {
        let data = try LocalFile.contents(path, missing: Problem.missing(path: path), unreadable: .unreadable(path: path))
        if data.count > maximumBytes { throw .tooLarge(path: path, bytes: data.count) }
        if !data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { throw .notPNG(path: path) }
        return data
    }
}
