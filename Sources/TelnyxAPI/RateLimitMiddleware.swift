import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Paces every attempt through the client's `RateLimitPacer`, and feeds it the rate-limit
/// headers of every answer, errors included.
struct RateLimitMiddleware: ClientMiddleware {
    let pacer: RateLimitPacer

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        try await pacer.acquire()
        let answer: (HTTPResponse, HTTPBody?)
        do {
            answer = try await next(request, body, baseURL)
        } catch {
            pacer.release(remaining: nil, resetSeconds: nil)
            throw error
        }
        let fields = answer.0.headerFields
        pacer.release(
            limit: fields[HTTPField.Name("x-ratelimit-limit")!].flatMap { Int($0) },
            remaining: fields[HTTPField.Name("x-ratelimit-remaining")!].flatMap { Int($0) },
            resetSeconds: fields[HTTPField.Name("x-ratelimit-reset")!].flatMap { Int($0) },
            refused: answer.0.status.code == 429)
        return answer
    }
}
