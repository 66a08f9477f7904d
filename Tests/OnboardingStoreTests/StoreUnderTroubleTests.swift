import Foundation
import GRDB
import Onboarding
import Testing

@testable import OnboardingStore

/// The store when things go wrong around it: one bad row, a busy or full disk, a read-only
/// directory, a pid reused after a reboot.
@Suite struct StoreUnderTroubleTests {
    @Test func oneUnreadableRowIsNamedAndSkippedAndTheOthersStillWork() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory)
            for id in ["onb-good", "onb-newer", "onb-damaged"] { try store.create(OnboardingState(id: id), at: t0) }
            try store.sqliteQueue!.write { db in
                try db.execute(sql: "UPDATE onboarding SET stateVersion = 2 WHERE id = 'onb-newer'")
                try db.execute(sql: "UPDATE onboarding SET state = '{\"version\": 1, \"id\": ' WHERE id = 'onb-damaged'")
            }
            #expect(try store.list(includingArchived: true).map(\.state.id) == ["onb-good"])
            let unreadable = try store.unreadable(includingArchived: true)
            #expect(Set(unreadable.compactMap(\.unreadableId)) == ["onb-newer", "onb-damaged"])
            let newer = #expect(throws: StoreError.self) { try store.load("onb-newer") }
            #expect(
                newer
                    == .unreadable(
                        onboardingId: "onb-newer",
                        reason:
                            "it was saved by a newer reputation-wizard (state version 2; this one reads up to 1); open it with the newer version"
                    ))
            #expect(newer?.description.hasSuffix("The other onboardings are not affected.") == true)
            let damaged = #expect(throws: StoreError.self) { try store.load("onb-damaged") }
            #expect(damaged?.description.hasPrefix("Onboarding onb-damaged cannot be read here: its saved state is damaged") == true)
            #expect(try store.load("onb-good").id == "onb-good")
        }
    }

    @Test func aDirectoryKeptBusyPastTheWaitIsSaidBusyNotDamaged() throws {
        try withStateDirectory { directory in
            _ = try OnboardingStore(directory: directory)
            let holder = try ProcessFileLock(path: directory.appendingPathComponent(ProcessFileLock.openingFileName).path, wait: 1)
            defer { holder.release() }
            let error = #expect(throws: StoreError.self) { try OnboardingStore(directory: directory, openingWait: 0.2) }
            #expect(error == .busy(path: directory.path))
            #expect(
                error?.description
                    == "\(directory.path) is busy: another reputation-wizard is opening or writing it. Try again in a moment.")
        }
    }

    @Test func busyAndFullAreNotDamage() {
        #expect(OnboardingStore.diagnosed(DatabaseError(resultCode: .SQLITE_BUSY), path: "/s") == .busy(path: "/s"))
        #expect(OnboardingStore.diagnosed(DatabaseError(resultCode: .SQLITE_FULL), path: "/s") == .diskFull(path: "/s"))
        #expect(OnboardingStore.diagnosed(DatabaseError(resultCode: .SQLITE_READONLY), path: "/s") == .readOnly(path: "/s"))
        #expect(
            OnboardingStore.diagnosed(DatabaseError(resultCode: .SQLITE_NOTADB, message: "file is not a database"), path: "/s")
                == .corrupt(path: "/s", detail: "file is not a database"))
        let full = NSError(domain: NSCocoaErrorDomain, code: NSFileWriteOutOfSpaceError)
        #expect(OnboardingStore.diagnosed(full, creating: "/s") == .diskFull(path: "/s"))
    }

    @Test func aReadOnlyDirectoryIsReadAndNeverChanged() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory)
            try store.create(OnboardingState(id: "onb-1"), at: t0)
            try store.appendAudit(onboardingId: "onb-1", action: "check terms", billable: false, cost: nil, result: "ok", at: t0)
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: store.databasePath)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path) }
            let contents = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

            let reader = try OnboardingStore(directory: directory, readOnly: true)
            #expect(try reader.list().map(\.state.id) == ["onb-1"])
            #expect(try reader.auditLog("onb-1").map(\.action) == ["check terms"])
            #expect(throws: StoreError.readOnly(path: store.databasePath)) { try reader.save(OnboardingState(id: "onb-1")) }
            #expect(try permissions(directory.path) == 0o500)
            #expect(try permissions(store.databasePath) == 0o400)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == contents)
        }
    }

    /// After a reboot the pid in a lock may belong to another process: its start tells them apart.
    @Test func aLockWhosePidWasReusedIsStale() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory)
            try store.create(OnboardingState(id: "onb-1"))
            let parent = getppid()
            _ = try store.lock("onb-1", pid: parent, at: t0, processStart: { _ in "boot-a:100" })
            // The same process (same start): refused.
            #expect(throws: StoreError.self) { try store.lock("onb-1", processStart: { $0 == parent ? "boot-a:100" : "boot-a:200" }) }
            // Its pid now belongs to a process started later: taken over.
            let mine = try store.lock("onb-1", processStart: { $0 == parent ? "boot-b:7" : "boot-b:8" })
            #expect(mine.holder.pid == getpid())
        }
    }

    /// Opening a store tightens what group and others may do, and never widens the owner's bits.
    @Test func modesAreOnlyEverTightened() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory)
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: store.databasePath)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path) }
            _ = try? OnboardingStore(directory: directory)
            #expect(try permissions(store.databasePath) == 0o400)
            #expect(try permissions(directory.path) == 0o500)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store.databasePath)
            _ = try OnboardingStore(directory: directory)
            #expect(try permissions(store.databasePath) == 0o600)
            #expect(try permissions(directory.path) == 0o700)
        }
    }
}

/// A lock's holder is another process's (another desk's) word: said on one line.
@Suite struct LockHolderWordingTests {
    @Test func aHolderNamedWithLineBreaksIsSaidOnOneLine() {
        let holder = LockHolder(
            onboardingId: "onb-1", pid: 42, host: "evilhost\nFAKE LINE", since: Date(timeIntervalSince1970: 1_800_000_000),
            user: "ana\r\u{1B}")
        #expect(
            StoreError.locked(holder).description
                == "Onboarding onb-1 is open in another process: ana  , pid 42 on evilhost FAKE LINE, since 2027-01-15 08:00:00 +0000. Close it there first."
        )
    }
}
