import Foundation
import GRDB
import Onboarding

/// One onboarding as `list` shows it.
public struct OnboardingSummary: Sendable, Equatable {
    public var state: OnboardingState
    public var createdAt: Date
    public var updatedAt: Date
}

extension OnboardingStore {
    public func create(_ state: OnboardingState, at now: Date = Date()) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO onboarding (id, state, stateVersion, step, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [state.id, try Self.json(state), state.version, state.step.rawValue, now, now])
        }
    }

    public func load(_ id: String) throws(StoreError) -> OnboardingState {
        let json: String? = try read { db in try String.fetchOne(db, sql: "SELECT state FROM onboarding WHERE id = ?", arguments: [id]) }
        guard let json else { throw .notFound(onboardingId: id) }
        do { return try Self.value(OnboardingState.self, json) } catch {
            throw .corrupt(path: databasePath, detail: "onboarding \(id) cannot be read: \(error)")
        }
    }

    public func save(_ state: OnboardingState, at now: Date = Date()) throws(StoreError) {
        try write { db in try Self.save(state, at: now, in: db) }
    }

    static func save(_ state: OnboardingState, at now: Date, in db: Database) throws {
        try db.execute(
            sql: "UPDATE onboarding SET state = ?, stateVersion = ?, step = ?, updatedAt = ? WHERE id = ?",
            arguments: [try json(state), state.version, state.step.rawValue, now, state.id])
        if db.changesCount == 0 { throw StoreError.notFound(onboardingId: state.id) }
    }

    /// Every onboarding, most recently active first.
    public func list() throws(StoreError) -> [OnboardingSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT state, createdAt, updatedAt FROM onboarding ORDER BY updatedAt DESC").map { row in
                OnboardingSummary(
                    state: try Self.value(OnboardingState.self, row["state"]), createdAt: row["createdAt"], updatedAt: row["updatedAt"])
            }
        }
    }
}
