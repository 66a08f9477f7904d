import Foundation
import Onboarding

/// One effect as the journal remembers it: the intent, and once known, its outcome.
public struct JournalEntry: Sendable, Equatable {
    public var id: Int64
    public var onboardingId: String
    public var effect: Effect
    public var billable: Bool
    public var intentAt: Date
    /// The event the effect ended with; nil while its outcome is unknown.
    public var outcome: Event?
    public var outcomeAt: Date?
}

extension OnboardingStore {
    /// Commits the intent before the effect is sent, with the state that says it is in flight.
    public func recordIntent(_ effect: Effect, state: OnboardingState, at now: Date = Date()) throws(StoreError) -> Int64 {
        try write { db in
            try Self.save(state, at: now, in: db)
            return try db.insert(
                sql: "INSERT INTO effectJournal (onboardingId, effect, billable, intentAt) VALUES (?, ?, ?, ?)",
                arguments: [state.id, try Self.json(effect), effect.isBillable, now], returning: "id")
        }
    }

    /// Commits the outcome and the state it led to, together.
    public func recordOutcome(_ journalId: Int64, outcome: Event, state: OnboardingState, at now: Date = Date()) throws(StoreError) {
        try write { db in
            let closed = try db.execute(
                sql: "UPDATE effectJournal SET outcome = ?, outcomeAt = ? WHERE id = ? AND outcomeAt IS NULL",
                arguments: [try Self.json(outcome), now, journalId])
            guard closed == 1 else { throw StoreError.database("journal entry \(journalId) is already closed") }
            try Self.save(state, at: now, in: db)
        }
    }

    /// Intents without an outcome: sent (or about to be) when the process stopped. The engine
    /// reconciles each by reading remote state, never by sending it again.
    public func unfinishedIntents(_ onboardingId: String) throws(StoreError) -> [JournalEntry] {
        try journal(onboardingId).filter { $0.outcomeAt == nil }
    }

    public func journal(_ onboardingId: String) throws(StoreError) -> [JournalEntry] {
        try read { db in
            try db.rows(sql: "SELECT * FROM effectJournal WHERE onboardingId = ? ORDER BY id", arguments: [onboardingId]).map {
                row in
                JournalEntry(
                    id: try row.integer("id"), onboardingId: try row.text("onboardingId"),
                    effect: try Self.value(Effect.self, try row.text("effect")), billable: try row.bool("billable"),
                    intentAt: try row.date("intentAt"), outcome: try row.optionalText("outcome").map { try Self.value(Event.self, $0) },
                    outcomeAt: row.optionalDate("outcomeAt"))
            }
        }
    }
}
