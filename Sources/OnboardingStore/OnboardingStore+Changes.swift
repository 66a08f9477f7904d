import Foundation

extension OnboardingStore {
    /// Something that differs whenever an onboarding is made, saved or removed, or its audit
    /// log grows (every action, desk notes included, appends to it): read cheaply, compared
    /// between looks.
    public func changeStamp() throws(StoreError) -> String {
        try read { db in
            let row = try db.row(
                sql: """
                    SELECT (SELECT COALESCE(MAX(id), 0) FROM auditLog) AS audit, (SELECT COUNT(*) FROM onboarding) AS onboardings,
                      (SELECT MAX(updatedAt) FROM onboarding) AS saved
                    """, arguments: [])
            let saved = row?.optionalDate("saved").map { String($0.timeIntervalSince1970) } ?? "-"
            return "\(row?.optionalInteger("audit") ?? 0)/\(row?.optionalInteger("onboardings") ?? 0)/\(saved)"
        }
    }

    /// One element each time the store changes, by this process or any other (another desk's,
    /// on a shared store): at once on PostgreSQL's notice, else at the next look, every `poll`.
    /// A store that cannot be read counts as a change (once, until it can be read again), so the
    /// consumer reads it and hears why. Ends when the consumer stops listening.
    /// - Parameter poll: how often to look when no notice comes (the fallback: SQLite, or a
    ///   shared store whose listener was cut off).
    public func changes(poll: Duration = .seconds(1)) -> AsyncStream<Void> {
        let (looks, look) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let signals = database.changeSignals()
        return AsyncStream { continuation in
            let listening = Task {
                guard let signals else { return }
                for await _ in signals { look.yield() }
            }
            let polling = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: poll)
                    look.yield()
                }
            }
            let comparing = Task {
                var last = try? changeStamp()
                for await _ in looks {
                    let stamp = (try? changeStamp()) ?? "unreadable"
                    guard stamp != last else { continue }
                    last = stamp
                    continuation.yield()
                }
            }
            continuation.onTermination = { _ in
                listening.cancel()
                polling.cancel()
                comparing.cancel()
                look.finish()
            }
        }
    }
}
