import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Sends a request again when its `RetryPolicy` allows, a bounded number of times.
struct RetryMiddleware: ClientMiddleware {
    let policy: RetryPolicy

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var attempt = 0
        while true {
            do {
                return try await next(request, body, baseURL)
            } catch {
                guard attempt < policy.maxRetries, body?.iterationBehavior != .single,
                    let telnyx = TelnyxError.unwrapping(error),
                    policy.shouldRetry(telnyx, method: request.method, billable: BillableCall.isActive),
                    let delay = policy.delay(attempt: attempt, after: telnyx)
                else { throw error }
                try await policy.sleep(delay)
                attempt += 1
            }
        }
    }
}

extension TelnyxError {
    /// The `TelnyxError` inside whatever the OpenAPI runtime wrapped it in.
    static func unwrapping(_ error: any Error) -> TelnyxError? {
        if let telnyx = error as? TelnyxError { return telnyx }
        if let client = error as? ClientError { return unwrapping(client.underlyingError) }
        return nil
    }
}
