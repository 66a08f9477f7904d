import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Clearing the ownership webhook sends `{"webhook_url": null}` (Telnyx's docs: JSON `null`
/// stops it). The generated client leaves a nil property out, which would send `{}`; this puts
/// the `null` back for that one call.
struct NullWebhookMiddleware: ClientMiddleware {
    static let clearing = Array(#"{"webhook_url":null}"#.utf8)

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == Operations.UpdateReputationWebhook.id, let body else { return try await next(request, body, baseURL) }
        let bytes = try await [UInt8](collecting: body, upTo: 64 * 1024)
        let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        guard let object, object.isEmpty else { return try await next(request, HTTPBody(bytes), baseURL) }
        var request = request
        request.headerFields[.contentLength] = String(Self.clearing.count)
        return try await next(request, HTTPBody(Self.clearing), baseURL)
    }
}
