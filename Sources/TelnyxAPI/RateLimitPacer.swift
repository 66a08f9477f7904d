import Foundation
import Synchronization

/// Keeps a client inside Telnyx's rate limit instead of running into 429s. Each answer's
/// `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` say how many requests
/// the window holds, how many it still allows and how many seconds until it is whole again.
///
/// How the window fills again is not documented (inferred; README "Rate limits"): the pacer first
/// takes it as a bucket refilled continuously, at the rate the latest answer implies
/// (`(limit − remaining) / reset` requests a second, which the reset's rounding up to whole
/// seconds keeps on the safe side), so when the window runs out a request waits only for its
/// token. If a request it let through is answered 429 anyway, the server's windows start again
/// all at once, and from then on the pacer waits for each whole reset. Shared by every copy of
/// one `TelnyxClient`.
public final class RateLimitPacer: Sendable {
    private struct Budget {
        /// As the latest answers reported it (the lowest, for answers that overtook each
        /// other), at `reportedAt`; nil before any answer or after a reset.
        var remaining: Double?
        var reportedAt: Double = 0
        /// Requests a second that come back, from the latest answer; nil when not known.
        var refillPerSecond: Double?
        /// When the window is whole again, on `now`'s clock.
        var resetAt: Double = 0
        /// Learned from a 429 that the refill estimate let through: the window starts again all
        /// at once, so the pacer waits for each whole reset.
        var refillsAllAtOnce = false
        /// Sent and not yet answered: each may use one of what remains.
        var inFlight = 0
        /// Requests waiting for an answer to learn the budget.
        var waiters: [CheckedContinuation<Void, Never>] = []

        /// What the window allows at `time`: the reported remainder and, for a bucket refilled
        /// continuously, what came back since (never above the whole window).
        func available(at time: Double, limit: Double?) -> Double? {
            guard let remaining else { return nil }
            guard !refillsAllAtOnce, let refillPerSecond else { return remaining }
            let refilled = remaining + max(0, time - reportedAt) * refillPerSecond
            return min(refilled, limit ?? refilled)
        }
    }

    private enum Admission {
        case go
        case sleep(Double)
        case awaitAnswer
    }

    private let budget = Mutex(Budget())
    private let windowSize = Mutex<Double?>(nil)
    let now: @Sendable () -> Double
    let sleep: @Sendable (Double) async throws -> Void
    /// A reset further away than this is not waited for (the 429 and its retry take over).
    let longestWait: Double
    /// The shortest wait for a token, in seconds: below it, sleeping costs more than it saves.
    static let shortestWait = 0.001

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
        let limit = windowSize.withLock { $0 }
        return budget.withLock { budget in
            let time = now()
            if let available = budget.available(at: time, limit: limit), available - Double(budget.inFlight) < 1 {
                let untilReset = budget.resetAt - time
                if let rate = budget.refillPerSecond, !budget.refillsAllAtOnce, rate > 0 {
                    // One token's worth of refill, not the whole window.
                    let untilToken = max(Self.shortestWait, (1 + Double(budget.inFlight) - available) / rate)
                    if untilToken <= longestWait { return .sleep(min(untilToken, max(untilReset, Self.shortestWait))) }
                } else if untilReset > 0 && untilReset <= longestWait {
                    return .sleep(untilReset)
                }
                if untilReset <= 0 || untilReset > longestWait {
                    // The window started again (or is too far off to wait for): unknown until the next answer.
                    budget.remaining = nil
                }
            }
            if budget.remaining == nil && budget.inFlight > 0 && longestWait > 0 { return .awaitAnswer }
            budget.inFlight += 1
            return .go
        }
    }

    /// How many requests may be in flight now: what the window allows now (the latest
    /// `x-ratelimit-remaining` and, for a bucket refilled continuously, what came back since),
    /// between 1 and `maximum`; `starting` while that is not known (before any answer, or once
    /// the window started again).
    public func allowance(starting: Int, maximum: Int) -> Int {
        let limit = windowSize.withLock { $0 }
        return budget.withLock { budget in
            guard let available = budget.available(at: now(), limit: limit) else { return starting }
            return Swift.min(maximum, Swift.max(1, Int(available)))
        }
    }

    /// A pacer that never waits: requests run into the server's limit and its 429s.
    public static func unpaced() -> RateLimitPacer { RateLimitPacer(longestWait: 0) }

    /// Reads an answer's rate-limit headers (if any) and ends one request in flight.
    /// - Parameters:
    ///   - limit: `x-ratelimit-limit`, requests the whole window holds.
    ///   - remaining: `x-ratelimit-remaining`.
    ///   - resetSeconds: `x-ratelimit-reset`, seconds until the window is whole again.
    ///   - refused: the answer was a 429: if the refill estimate let it through, the server's
    ///     window starts again all at once, and the pacer waits for whole resets from now on.
    public func release(limit: Int? = nil, remaining: Int?, resetSeconds: Int?, refused: Bool = false) {
        if let limit, limit > 0 { windowSize.withLock { $0 = Double(limit) } }
        let window = windowSize.withLock { $0 }
        let waiters = budget.withLock { budget in
            budget.inFlight = max(0, budget.inFlight - 1)
            let time = now()
            if refused && budget.refillPerSecond != nil { budget.refillsAllAtOnce = true }
            if let remaining {
                let reset = Double(max(resetSeconds ?? 1, 1))
                let resetAt = time + reset
                if let window, Double(remaining) < window {
                    budget.refillPerSecond = (window - Double(remaining)) / reset
                }
                if let known = budget.available(at: time, limit: window), time < budget.resetAt {
                    // Answers overtake each other: the lowest count is the safe one, and the
                    // later reset.
                    budget.remaining = min(known, Double(remaining))
                    budget.resetAt = max(budget.resetAt, resetAt)
                } else {
                    budget.remaining = Double(remaining)
                    budget.resetAt = resetAt
                }
                budget.reportedAt = time
            }
            defer { budget.waiters = [] }
            return budget.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
