import Foundation

/// Holds one onboarding for this process: a second process, on this machine or (shared store)
/// another desk's, gets a refusal naming the holder. A lock left by a process that died is
/// taken over: on SQLite, one that died on this host; on a shared store, any whose session with
/// the database ended (PostgreSQL lets go of a dead session's advisory locks).
public final class OnboardingLock: Sendable {
    public let holder: LockHolder
    let store: OnboardingStore

    init(holder: LockHolder, store: OnboardingStore) {
        self.holder = holder
        self.store = store
    }

    public func release() {
        _ = try? store.write { db in
            try db.execute(
                sql: "DELETE FROM onboardingLock WHERE onboardingId = ? AND pid = ? AND host = ?",
                arguments: [holder.onboardingId, holder.pid, holder.host])
        }
        store.database.sessionLocks?.unlock(OnboardingStore.sessionLockName(holder.onboardingId))
    }
}

extension OnboardingStore {
    public static var hostName: String { ProcessInfo.processInfo.hostName }

    /// Takes onboarding `onboardingId` for process `pid`. On SQLite, a lock left on this host by
    /// a process that is gone, or whose pid now belongs to another process (told by its start:
    /// boot and start time, see `ProcessStart`), is taken over. On a shared store the database
    /// session's lock decides (`StoreSessionLocks`): the row only names the holder.
    /// - Throws: `StoreError.locked` naming the holder (user, host, pid, since), or the
    ///   database's errors.
    public func lock(
        _ onboardingId: String, pid: Int32 = getpid(), host: String = OnboardingStore.hostName, at now: Date = Date(),
        processStart: @Sendable (Int32) -> String? = ProcessStart.of
    ) throws(StoreError) -> OnboardingLock {
        let holder = LockHolder(onboardingId: onboardingId, pid: pid, host: host, since: now, user: Self.osUser)
        let sessionLocks = database.sessionLocks
        let session = try sessionLocks?.tryLock(Self.sessionLockName(onboardingId))
        if session == .heldElsewhere {
            // The holder writes its row just after taking the session's lock: a row missing, or
            // naming a process of this host that is gone, is the last holder's; read again a
            // moment later (at most a second) to name the one that holds it now.
            var current: LockHolder?
            for attempt in 0..<10 {
                current = try read { db in
                    try db.row(sql: "SELECT * FROM onboardingLock WHERE onboardingId = ?", arguments: [onboardingId]).map(Self.holder)
                }
                if let holder = current, holder.host != host || Self.processIsAlive(holder.pid) { break }
                if attempt < 9 { usleep(100_000) }
            }
            throw .locked(current ?? LockHolder(onboardingId: onboardingId, pid: 0, host: "another desk", since: now, user: nil))
        }
        do {
            try write { db in
                // A session lock just taken makes any row stale (its session ended); without
                // session locks, or with one this process held already, the row decides.
                if session != .taken,
                    let row = try db.row(sql: "SELECT * FROM onboardingLock WHERE onboardingId = ?", arguments: [onboardingId])
                {
                    let current = try Self.holder(row)
                    let started = row.optionalText("processStart")
                    let isUs = current.pid == pid && current.host == host
                    let pidReused = started != nil && processStart(current.pid) != started
                    let holderIsDead = current.host == host && (!Self.processIsAlive(current.pid) || pidReused)
                    if !isUs && (session == .alreadyHeld || !holderIsDead) { throw StoreError.locked(current) }
                }
                try db.execute(
                    sql: """
                        INSERT INTO onboardingLock (onboardingId, pid, host, since, processStart, osUser) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (onboardingId) DO UPDATE SET pid = excluded.pid, host = excluded.host, since = excluded.since,
                          processStart = excluded.processStart, osUser = excluded.osUser
                        """,
                    arguments: [onboardingId, pid, host, now, processStart(pid), holder.user])
            }
        } catch {
            if session == .taken { sessionLocks?.unlock(Self.sessionLockName(onboardingId)) }
            throw error
        }
        return OnboardingLock(holder: holder, store: self)
    }

    /// The session lock that stands for onboarding `onboardingId` on a shared store.
    static func sessionLockName(_ onboardingId: String) -> String { "onboarding:\(onboardingId)" }

    /// A row of `onboardingLock` as the holder it names.
    static func holder(_ row: any StoreRow) throws -> LockHolder {
        LockHolder(
            onboardingId: try row.text("onboardingId"), pid: Int32(clamping: try row.integer("pid")), host: try row.text("host"),
            since: try row.date("since"), user: row.optionalText("osUser"))
    }

    /// Signal 0 checks existence without touching the process; EPERM means it exists.
    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
