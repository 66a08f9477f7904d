import Foundation
import GRDB
import Onboarding

/// One onboarding as `list` shows it.
public struct OnboardingSummary: Sendable, Equatable {
    public var state: OnboardingState
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was archived; nil while it is listed.
    public var archivedAt: Date?
}

extension OnboardingStore {
    /// - Throws: `StoreError.cannotCreate` for an id that is not an onboarding id (it names a
    ///   folder here: never a path), and the database's errors.
    public func create(_ state: OnboardingState, at now: Date = Date()) throws(StoreError) {
        if let problem = OnboardingId.problem(state.id) {
            throw .cannotCreate(path: directory.path, reason: "the onboarding id \(problem)")
        }
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

    /// Every onboarding not archived (with `includingArchived`, every one), most recently active first.
    public func list(includingArchived: Bool = false) throws(StoreError) -> [OnboardingSummary] {
        try read { db in
            let filter = includingArchived ? "" : "WHERE archivedAt IS NULL "
            return try Row.fetchAll(db, sql: "SELECT state, createdAt, updatedAt, archivedAt FROM onboarding \(filter)ORDER BY updatedAt DESC").map { row in
                OnboardingSummary(
                    state: try Self.value(OnboardingState.self, row["state"]), createdAt: row["createdAt"], updatedAt: row["updatedAt"],
                    archivedAt: row["archivedAt"])
            }
        }
    }

    /// The onboardings (archived ones included) that track the enterprise `enterpriseId` at Telnyx.
    public func onboardings(enterpriseId: String) throws(StoreError) -> [OnboardingSummary] {
        try list(includingArchived: true).filter { $0.state.enterprise?.id == enterpriseId }
    }

    /// Archives onboarding `id` (or brings it back with `archived: false`): kept with its audit
    /// log, hidden from `list`. The change is written to the audit log.
    /// - Throws: `StoreError.notFound` for an unknown id.
    public func setArchived(_ id: String, _ archived: Bool, at now: Date = Date()) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE onboarding SET archivedAt = ? WHERE id = ?", arguments: [archived ? now : nil, id])
            if db.changesCount == 0 { throw StoreError.notFound(onboardingId: id) }
        }
        try appendAudit(onboardingId: id, action: archived ? "archive" : "unarchive", billable: false, cost: nil, result: "ok", at: now)
    }
}
