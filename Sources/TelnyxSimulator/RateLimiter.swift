import Foundation
import Synchronization

/// A token bucket per server, refilled continuously at `limit` requests per second, in wall-clock
/// time: rate limits exist to protect the real servers' real seconds, so benchmarks meet them
/// as they would meet Telnyx's.
final class RateLimiter: Sendable {
    struct Decision: Sendable {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        /// Seconds until a full bucket, as `x-ratelimit-reset` reports it.
        var resetSeconds: Int
    }

    private struct Bucket {
        var tokens: Double
        var refilledAt: ContinuousClock.Instant
    }

    let limit: Int
    private let bucket: Mutex<Bucket>

    init(requestsPerSecond: Int) {
        limit = max(1, requestsPerSecond)
        bucket = Mutex(Bucket(tokens: Double(max(1, requestsPerSecond)), refilledAt: .now))
    }

    func take() -> Decision {
        let capacity = Double(limit)
        return bucket.withLock { bucket in
            let now = ContinuousClock.now
            let elapsed = bucket.refilledAt.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + seconds * capacity)
            bucket.refilledAt = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            let reset = Int(((capacity - bucket.tokens) / capacity).rounded(.up))
            return Decision(allowed: allowed, limit: limit, remaining: Int(bucket.tokens), resetSeconds: max(reset, allowed ? 0 : 1))
        }
    }
}
