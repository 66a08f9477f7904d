import Foundation
import GRDB

/// Holds one onboarding for this process: a second process gets a refusal naming the holder.
/// A lock left by a process that died on this host is taken over.
public final class OnboardingLock: Sendable {
    public let holder: LockHolder
    let store: OnboardingStore

    init(holder: LockHolder, store: OnboardingStore) {
        self.holder = holder
        self.store = store
    }

    public func release() {
        try? store.write { db in
            try db.execute(
                sql: "DELETE FROM onboardingLock WHERE onboardingId = ? AND pid = ? AND host = ?",
                arguments: [holder.onboardingId, holder.pid, holder.host])
        }
    }
}

extension OnboardingStore {
    public static var hostName: String { ProcessInfo.processInfo.hostName }

    /// Takes onboarding `onboardingId` for process `pid`. A lock left on this host by a process
    /// that is gone, or whose pid now belongs to another process (told by its start: boot and
    /// start time, see `ProcessStart`), is taken over.
    /// - Throws: `StoreError.locked` naming the holder, or the database's errors.
    public func lock(
        _ onboardingId: String, pid: Int32 = getpid(), host: String = OnboardingStore.hostName, at now: Date = Date(),
        processStart: @Sendable (Int32) -> String? = ProcessStart.of
    ) throws(StoreError) -> OnboardingLock {
        let holder = LockHolder(onboardingId: onboardingId, pid: pid, host: host, since: now)
        try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM onboardingLock WHERE onboardingId = ?", arguments: [onboardingId]) {
                let current = LockHolder(onboardingId: onboardingId, pid: row["pid"], host: row["host"], since: row["since"])
                let started: String? = row["processStart"]
                let isUs = current.pid == pid && current.host == host
                let pidReused = started != nil && processStart(current.pid) != started
                let holderIsDead = current.host == host && (!Self.processIsAlive(current.pid) || pidReused)
                if !isUs && !holderIsDead { throw StoreError.locked(current) }
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO onboardingLock (onboardingId, pid, host, since, processStart) VALUES (?, ?, ?, ?, ?)",
                arguments: [onboardingId, pid, host, now, processStart(pid)])
        }
        return OnboardingLock(holder: holder, store: self)
    }

    /// Signal 0 checks existence without touching the process; EPERM means it exists.
    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
