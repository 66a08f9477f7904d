import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Labels the uploaded LOA's file part `application/pdf` instead of the `text/plain` the
/// generated serializer gives every binary string part.
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
            return lines.filter { !$0.lowercased().hasPrefix("content-type:") } + ["Content-Type: application/pdf"]
        }
        var request = request
        request.headerFields[.contentLength] = String(relabelled.count)
        return try await next(request, HTTPBody(relabelled), baseURL)
    }
}
