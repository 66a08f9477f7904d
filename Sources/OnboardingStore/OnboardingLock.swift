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

    public func lock(_ onboardingId: String, pid: Int32 = getpid(), host: String = OnboardingStore.hostName, at now: Date = Date()) throws(StoreError) -> OnboardingLock {
        let holder = LockHolder(onboardingId: onboardingId, pid: pid, host: host, since: now)
        try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM onboardingLock WHERE onboardingId = ?", arguments: [onboardingId]) {
                let current = LockHolder(onboardingId: onboardingId, pid: row["pid"], host: row["host"], since: row["since"])
                let isUs = current.pid == pid && current.host == host
                let holderIsDead = current.host == host && !Self.processIsAlive(current.pid)
                if !isUs && !holderIsDead { throw StoreError.locked(current) }
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO onboardingLock (onboardingId, pid, host, since) VALUES (?, ?, ?, ?)",
                arguments: [onboardingId, pid, host, now])
        }
        return OnboardingLock(holder: holder, store: self)
    }

    /// Signal 0 checks existence without touching the process; EPERM means it exists.
    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
