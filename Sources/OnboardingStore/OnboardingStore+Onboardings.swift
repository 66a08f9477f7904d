import Foundation
import Onboarding

/// One onboarding as `list` shows it.
public struct OnboardingSummary: Sendable, Equatable {
    public var state: OnboardingState
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was archived; nil while it is listed.
    public var archivedAt: Date?
    /// Who handles it at the desk, the hand-off note and the follow-up day.
    public var deskCase = DeskCase()
}

extension OnboardingStore {
    /// - Throws: `StoreError.cannotCreate` for an id that is not an onboarding id (it names a
    ///   folder here: never a path), and the database's errors.
    public func create(_ state: OnboardingState, at now: Date = Date()) throws(StoreError) {
        if let problem = OnboardingId.problem(state.id) {
            throw .cannotCreate(path: directory.path, reason: "the onboarding id \(problem)")
        }
        try write { db in
            try Self.refuseDuplicate(of: state, in: db)
            try db.execute(
                sql: "INSERT INTO onboarding (id, state, stateVersion, step, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [state.id, try Self.json(state), state.version, state.step.rawValue, now, now])
        }
    }

    /// Refuses `state` when the store has its id, or another onboarding tracking its enterprise.
    /// Run inside the transaction that writes it: on a shared store writers take turns, so two
    /// desks adopting, importing or migrating the same enterprise at once cannot both get in.
    /// - Throws: `StoreError.exists` or `.alreadyTracked`.
    static func refuseDuplicate(of state: OnboardingState, in db: any StoreSQL) throws {
        if try db.row(sql: "SELECT id FROM onboarding WHERE id = ?", arguments: [state.id]) != nil {
            throw StoreError.exists(onboardingId: state.id)
        }
        guard let enterpriseId = state.enterprise?.id, !enterpriseId.isEmpty else { return }
        // Only rows whose text names the enterprise can track it: the rest are not decoded (a
        // migrate of many onboardings would otherwise decode every row for each one it adds).
        for row in try db.rows(sql: "SELECT id, state FROM onboarding WHERE state LIKE ?", arguments: ["%\"\(enterpriseId)\"%"]) {
            guard let json = row.optionalText("state") else { continue }
            // A row that cannot be read is searched as text: damage must not let a second tracker in.
            let tracks =
                (try? value(OnboardingState.self, json)).map { $0.enterprise?.id == enterpriseId } ?? json.contains("\"\(enterpriseId)\"")
            if tracks { throw StoreError.alreadyTracked(enterpriseId: enterpriseId, onboardingId: try row.text("id")) }
        }
    }

    /// - Throws: `StoreError.notFound`, or `.unreadable` for a row of a newer state version or
    ///   damaged JSON (named; the other onboardings stay usable).
    /// On a shared store, LOA files written at another desk are brought to this one first
    /// (`withLocalFiles`).
    public func load(_ id: String) throws(StoreError) -> OnboardingState {
        try withLocalFiles(summary(id).state)
    }

    /// One row's state, or why it cannot be read: its stored version first (a newer one is
    /// never guessed at), then its JSON.
    static func decode(id: String, json: String?, version: Int?) -> Result<OnboardingState, StoreError> {
        if let version, version > OnboardingState.currentVersion {
            return .failure(
                .unreadable(
                    onboardingId: id,
                    reason:
                        "it was saved by a newer reputation-wizard (state version \(version); this one reads up to \(OnboardingState.currentVersion)); open it with the newer version"
                ))
        }
        guard let json else { return .failure(.unreadable(onboardingId: id, reason: "its state is missing")) }
        do {
            let state = try value(OnboardingState.self, json)
            if state.version > OnboardingState.currentVersion {
                return .failure(
                    .unreadable(
                        onboardingId: id, reason: "its state says version \(state.version), newer than this reputation-wizard reads"))
            }
            return .success(state)
        } catch {
            return .failure(.unreadable(onboardingId: id, reason: "its saved state is damaged (\(String(describing: error).prefix(160)))"))
        }
    }

    /// What a summary is read from.
    static let summaryColumns = "id, state, stateVersion, createdAt, updatedAt, archivedAt, assignee, handOffNote, followUpOn"

    /// A row of `summaryColumns` as a summary, or why its state cannot be read.
    static func summary(_ row: any StoreRow) throws -> Result<OnboardingSummary, StoreError> {
        let id = try row.text("id")
        let (createdAt, updatedAt) = (try row.date("createdAt"), try row.date("updatedAt"))
        // Another desk (or a hand in the database) wrote these: each read back on one line.
        let deskCase = DeskCase(
            assignee: row.optionalText("assignee").map(StoreError.oneLine),
            handOffNote: row.optionalText("handOffNote").map(StoreError.oneLine),
            followUpOn: row.optionalText("followUpOn").map(StoreError.oneLine))
        return decode(id: id, json: row.optionalText("state"), version: row.optionalInteger("stateVersion").map { Int($0) }).map { state in
            OnboardingSummary(
                state: state, createdAt: createdAt, updatedAt: updatedAt, archivedAt: row.optionalDate("archivedAt"), deskCase: deskCase)
        }
    }

    public func save(_ state: OnboardingState, at now: Date = Date()) throws(StoreError) {
        try write { db in try Self.save(state, at: now, in: db) }
    }

    static func save(_ state: OnboardingState, at now: Date, in db: any StoreSQL) throws {
        let saved = try db.execute(
            sql: "UPDATE onboarding SET state = ?, stateVersion = ?, step = ?, updatedAt = ? WHERE id = ?",
            arguments: [try json(state), state.version, state.step.rawValue, now, state.id])
        if saved == 0 { throw StoreError.notFound(onboardingId: state.id) }
    }

    /// Every readable onboarding not archived (with `includingArchived`, every one), most
    /// recently active first. Rows that cannot be read are left out: `unreadable` names them.
    public func list(includingArchived: Bool = false) throws(StoreError) -> [OnboardingSummary] {
        try listing(includingArchived: includingArchived).readable
    }

    /// One onboarding as `list` shows it, read alone.
    /// - Throws: `StoreError.notFound`, or `.unreadable` for a row that cannot be read.
    public func summary(_ id: String) throws(StoreError) -> OnboardingSummary {
        let row = try read { db in
            try db.row(
                sql: "SELECT \(Self.summaryColumns) FROM onboarding WHERE id = ?", arguments: [id]
            ).map(Self.summary)
        }
        guard let row else { throw .notFound(onboardingId: id) }
        return try row.get()
    }

    /// The onboardings `list` leaves out, each with why (`StoreError.unreadable`).
    public func unreadable(includingArchived: Bool = false) throws(StoreError) -> [StoreError] {
        try listing(includingArchived: includingArchived).unreadable
    }

    /// `list` and `unreadable` in one reading of the rows.
    public func listing(includingArchived: Bool = false) throws(StoreError) -> (readable: [OnboardingSummary], unreadable: [StoreError]) {
        try read { db in
            let filter = includingArchived ? "" : "WHERE archivedAt IS NULL "
            var readable: [OnboardingSummary] = []
            var unreadable: [StoreError] = []
            let rows = try db.rows(
                sql: "SELECT \(Self.summaryColumns) FROM onboarding \(filter)ORDER BY updatedAt DESC"
            )
            for row in rows {
                switch try Self.summary(row) {
                case .success(let summary): readable.append(summary)
                case .failure(let problem): unreadable.append(problem)
                }
            }
            return (readable, unreadable)
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
            let changed = try db.execute(sql: "UPDATE onboarding SET archivedAt = ? WHERE id = ?", arguments: [archived ? now : nil, id])
            if changed == 0 { throw StoreError.notFound(onboardingId: id) }
        }
        try appendAudit(onboardingId: id, action: archived ? "archive" : "unarchive", billable: false, cost: nil, result: "ok", at: now)
    }
}
