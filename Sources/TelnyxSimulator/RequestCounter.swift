import Synchronization

/// How many requests the simulator answered, by method and path (`GET /v2/enterprises/…/reputation/numbers`),
/// so a benchmark can say how many a job needed.
public final class RequestCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func count(method: String, path: String) { counts.withLock { $0["\(method) \(path)", default: 0] += 1 } }

    /// Requests whose method is `method` and whose path ends with `suffix`.
    public func total(method: String, pathSuffix suffix: String) -> Int {
        counts.withLock { counts in
            counts.filter { $0.key.hasPrefix("\(method) ") && $0.key.hasSuffix(suffix) }.values.reduce(0, +)
        }
    }
}
