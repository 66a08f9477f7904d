import Foundation
import Synchronization

/// Keeps a client inside Telnyx's rate limit instead of running into 429s: each answer's
/// `x-ratelimit-remaining` and `x-ratelimit-reset` say how many requests the window still
/// allows and when it starts again; once the requests already in flight would use what is
/// left, the next one waits for the reset. Shared by every copy of one `TelnyxClient`.
public final class RateLimitPacer: Sendable {
    private struct Budget {
        /// As the latest answer reported it; nil before any answer or after a reset.
        var remaining: Int?
        /// When the window starts again, on `now`'s clock.
        var resetAt: Double = 0
        /// Sent and not yet answered: each may use one of `remaining`.
        var inFlight = 0
        /// Requests waiting for an answer to learn the budget.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private enum Admission {
        case go
        case sleep(Double)
        case awaitAnswer
    }

    private let budget = Mutex(Budget())
    let now: @Sendable () -> Double
    let sleep: @Sendable (Double) async throws -> Void
    /// A reset further away than this is not waited for (the 429 and its retry take over).
    let longestWait: Double

    /// `now` is in seconds on a monotonic clock; tests inject both it and `sleep`.
    public init(
        now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
        longestWait: Double = 60
    ) {
        self.now = now
        self.sleep = sleep
        self.longestWait = longestWait
    }

    /// Waits, if the window is used up, until a request may go; then counts it as in flight.
    /// While the budget is unknown (the first request, or after a reset) one request goes
    /// alone and the others wait for its answer.
    public func acquire() async throws {
        while true {
            switch admit() {
            case .go: return
            case .sleep(let seconds): try await sleep(seconds)
            case .awaitAnswer:
                await withCheckedContinuation { continuation in
                    let answered = budget.withLock { budget in
                        guard budget.inFlight > 0 && budget.remaining == nil else { return true }
                        budget.waiters.append(continuation)
                        return false
                    }
                    if answered { continuation.resume() }
                }
            }
        }
    }

    private func admit() -> Admission {
        budget.withLock { budget in
            if let remaining = budget.remaining, remaining - budget.inFlight <= 0 {
                let wait = budget.resetAt - now()
                if wait > 0 && wait <= longestWait { return .sleep(wait) }
                // The window started again (or is too far off to wait for): unknown until the next answer.
                budget.remaining = nil
            }
            if budget.remaining == nil && budget.inFlight > 0 && longestWait > 0 { return .awaitAnswer }
            budget.inFlight += 1
            return .go
        }
    }

    /// How many requests may be in flight now: what the window still allows (the latest
    /// `x-ratelimit-remaining`), between 1 and `maximum`; `starting` while that is not known
    /// (before any answer, or once the window started again).
    public func allowance(starting: Int, maximum: Int) -> Int {
        budget.withLock { budget in
            guard let remaining = budget.remaining else { return starting }
            return Swift.min(maximum, Swift.max(1, remaining))
        }
    }

    /// A pacer that never waits: requests run into the server's limit and its 429s.
    public static func unpaced() -> RateLimitPacer { RateLimitPacer(longestWait: 0) }

    /// Reads an answer's rate-limit headers (if any) and ends one request in flight.
    public func release(remaining: Int?, resetSeconds: Int?) {
        let waiters = budget.withLock { budget in
            budget.inFlight = max(0, budget.inFlight - 1)
            if let remaining {
                let resetAt = now() + Double(resetSeconds ?? 1)
                if let known = budget.remaining, now() < budget.resetAt {
                    // Answers overtake each other: within a window, the lowest count is the
                    // latest, and the later reset is the safe one.
                    budget.remaining = min(known, remaining)
                    budget.resetAt = max(budget.resetAt, resetAt)
                } else {
                    budget.remaining = remaining
                    budget.resetAt = resetAt
                }
            }
            defer { budget.waiters = [] }
            return budget.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
