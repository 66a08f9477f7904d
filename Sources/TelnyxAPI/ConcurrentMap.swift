extension Collection where Element: Sendable, Index: Sendable {
    /// `transform` applied to every element with at most `inFlight` running at once, the results
    /// in the elements' order: how pages, batches and lookups are sent without flooding Telnyx.
    public func concurrentMap<Result: Sendable>(
        inFlight: Int, _ transform: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var pending = Array(self).enumerated().makeIterator()
            func startNext() {
                guard let (offset, element) = pending.next() else { return }
                group.addTask { (offset, try await transform(element)) }
            }
            for _ in 0..<Swift.max(1, inFlight) { startNext() }
            while let (offset, result) = try await group.next() {
                results[offset] = result
                startNext()
            }
        }
        return results.map { $0! }
    }
}
