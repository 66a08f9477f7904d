import Foundation
import HTTPTypes

/// When and how long to wait before sending a request again. Reads and idempotent writes are
/// retried on 408, 429, 5xx and lost connections; a POST (which may create or bill) and a read
/// that bills (`BillableCall`) only when it provably did not happen: a 429, which Telnyx answers
/// before doing anything, or a connection that never opened. Everything else about them
/// surfaces to the caller, as an outcome to reconcile.
public struct RetryPolicy: Sendable {
    public var maxRetries: Int
    public var initialDelay: Double
    public var maxDelay: Double
    /// Server hints (`Retry-After`…) longer than this are not waited for; the error surfaces.
    public var longestHonouredHint: Double
    /// Sleeps between attempts; tests inject one that records instead of waiting.
    public var sleep: @Sendable (Double) async throws -> Void
    /// A number in 0..<1 for jitter; injectable for tests.
    public var random: @Sendable () -> Double

    public init(
        maxRetries: Int = 3, initialDelay: Double = 0.5, maxDelay: Double = 8, longestHonouredHint: Double = 60,
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.longestHonouredHint = longestHonouredHint
        self.sleep = sleep
        self.random = random
    }

    public static let standard = RetryPolicy()
    public static let never = RetryPolicy(maxRetries: 0)

    static let idempotentMethods: Set<HTTPRequest.Method> = [.get, .head, .put, .patch, .delete, .options]

    /// Whether `error` of a call with `method` may be sent again; `billable` (a read that
    /// bills) is treated as a POST.
    public func shouldRetry(_ error: TelnyxError, method: HTTPRequest.Method, billable: Bool = false) -> Bool {
        let resendable = Self.idempotentMethods.contains(method) && !billable
        switch error.kind {
        case .notSent: return true
        case .api(429, _): return true
        case .api(let status, _): return (status == 408 || status >= 500) && resendable
        case .malformedResponse(let status, _, _): return status >= 500 && resendable
        case .outcomeUnknown: return resendable
        case .invalidRequest: return false
        }
    }

    /// Seconds to wait before retry number `attempt` (0-based): the server's hint when it gave a
    /// usable one, else exponential backoff with up to 25% jitter.
    public func delay(attempt: Int, after error: TelnyxError) -> Double? {
        if let hint = error.retryAfterSeconds ?? (error.status == 429 ? error.rateLimit?.resetSeconds.map(Double.init) : nil) {
            return hint <= longestHonouredHint ? max(0, hint) : nil
        }
        let exponential = min(maxDelay, initialDelay * pow(2, Double(attempt)))
        return exponential * (1 - 0.25 * random())
    }
}
