extension Collection where Element: Sendable, Index: Sendable {
    /// `transform` applied to every element with at most `inFlight` running at once, the results
    /// in the elements' order: how pages, batches and lookups are sent without flooding Telnyx.
    public func concurrentMap<Result: Sendable>(
        inFlight: Int, _ transform: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        try await concurrentMap(inFlight: { inFlight }, transform)
    }

    /// The same, with the limit asked again each time one finishes: `inFlight()` follows what
    /// the server allows now (`TelnyxClient.inFlightAllowance`), so more go while its rate-limit
    /// budget is large and fewer as it runs low. At least one is always in flight.
    public func concurrentMap<Result: Sendable>(
        inFlight: @Sendable () -> Int, _ transform: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var pending = Array(self).enumerated().makeIterator()
            var running = 0
            func startWhileAllowed() {
                while running < Swift.max(1, inFlight()), let (offset, element) = pending.next() {
                    running += 1
                    group.addTask { (offset, try await transform(element)) }
                }
            }
            startWhileAllowed()
            while let (offset, result) = try await group.next() {
                running -= 1
                results[offset] = result
                startWhileAllowed()
            }
        }
        return results.map { $0! }
    }
}
