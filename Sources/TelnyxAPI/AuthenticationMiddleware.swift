import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Adds the bearer key to every request; the only place the key's value is read.
struct AuthenticationMiddleware: ClientMiddleware {
    let apiKey: APIKey

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(apiKey.secret)"
        return try await next(request, body, baseURL)
    }
}
