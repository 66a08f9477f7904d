import Foundation

/// Rewrites the header block of each part of a `multipart/form-data` body. The generated code
/// fixes a part's `Content-Type` from the schema (`text/plain` for the LOA file), while a signed
/// LOA is a PDF and other clients label it so (`curl -F file=@loa.pdf` sends `application/pdf`).
public enum MultipartPartHeaders {
    /// The `boundary` parameter of a `multipart/form-data` content type.
    public static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// `transform` receives each part's header lines and returns the lines to keep.
    public static func rewrite(_ bytes: [UInt8], boundary: String, _ transform: ([String]) -> [String]) -> [UInt8] {
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while let start = firstRange(of: delimiter, in: bytes, from: index) {
            output += bytes[index..<start.upperBound]
            index = start.upperBound
            guard let headersEnd = firstRange(of: headerEnd, in: bytes, from: index) else { break }
            // The block starts with the CRLF that ends the delimiter line.
            let lines = String(decoding: bytes[index..<headersEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            output += Array(([lines[0]] + transform(Array(lines.dropFirst()))).joined(separator: "\r\n").utf8)
            index = headersEnd.lowerBound
        }
        output += bytes[index...]
        return output
    }

    static func firstRange(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var position = start
        while position <= bytes.count - pattern.count {
            if bytes[position] == pattern[0] && bytes[position..<position + pattern.count].elementsEqual(pattern) {
                return position..<position + pattern.count
            }
            position += 1
        }
        return nil
    }
}
