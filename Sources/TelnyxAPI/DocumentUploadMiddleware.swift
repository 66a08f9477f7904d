import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Labels an uploaded file part by its name (`application/pdf` for an LOA, `image/png` or
/// `image/jpeg` for scanned evidence) instead of the `text/plain` the generated serializer gives
/// every binary string part.
struct DocumentUploadMiddleware: ClientMiddleware {
    static let largestUpload = 32 * 1024 * 1024

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == Operations.CreateDocument.id, let body,
            let boundary = MultipartPartHeaders.boundary(of: request.headerFields[.contentType])
        else { return try await next(request, body, baseURL) }
        let bytes = try await [UInt8](collecting: body, upTo: Self.largestUpload)
        let relabelled = MultipartPartHeaders.rewrite(bytes, boundary: boundary) { lines in
            guard lines.contains(where: { $0.lowercased().hasPrefix("content-disposition:") && $0.contains("name=\"file\"") })
            else { return lines }
            let disposition = lines.first { $0.lowercased().hasPrefix("content-disposition:") }?.lowercased() ?? ""
            let type =
                disposition.contains(".png\"")
                ? "image/png"
                : disposition.contains(".jpg\"") || disposition.contains(".jpeg\"") ? "image/jpeg" : "application/pdf"
            return lines.filter { !$0.lowercased().hasPrefix("content-type:") } + ["Content-Type: \(type)"]
        }
        var request = request
        request.headerFields[.contentLength] = String(relabelled.count)
        return try await next(request, HTTPBody(relabelled), baseURL)
    }
}
