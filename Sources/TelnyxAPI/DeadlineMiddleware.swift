import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Bounds the time of what comes after it in the chain: a silent server, or one that drips its
/// body, ends as an unknown outcome within the limit instead of holding the run.
struct DeadlineMiddleware: ClientMiddleware {
    /// Which of `Deadlines` this one enforces, and how its expiry is worded. (The whole call's
    /// deadline, retries included, is kept by `TelnyxClient.call`, which never waits.)
    enum Scope: Sendable {
        /// One attempt, with its whole body read (between the retries and the response check).
        case attempt
        /// Up to the answer's status line and headers (closest to the network).
        case firstByte
    }

    let scope: Scope
    let deadlines: Deadlines

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let limit: Duration
        let what: String
        switch scope {
        case .attempt:
            limit = deadlines.attempt
            what = "the answer did not arrive whole within \(Deadlines.words(limit))"
        case .firstByte:
            limit = deadlines.firstByte
            what = "no answer began within \(Deadlines.words(limit))"
        }
        let operation = "\(request.method.rawValue) \(ResponseCheckMiddleware.pathWithoutQuery(request.path))"
        let expired = TelnyxError(.outcomeUnknown(reason: what), operation: operation)
        // Structured, because `next` may not outlive this call: on expiry the attempt is
        // cancelled and its end awaited (the transport stops at once).
        return try await withoutActuallyEscaping(next) { next in
            try await withThrowingTaskGroup(of: (HTTPResponse, HTTPBody?)?.self) { group in
                group.addTask { try await next(request, body, baseURL) }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let answer = first else { throw expired }
                return answer
            }
        }
    }
}
