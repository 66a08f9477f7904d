import Foundation
import GRDB
import Onboarding
import StoreTestSupport
import Testing

@testable import OnboardingStore

/// A fresh state directory per test, removed afterwards.
func withStateDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

func permissions(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
}

let t0 = Date(timeIntervalSince1970: 1_800_000_000)

@Suite struct OnboardingStoreTests {
    @Test func theDirectoryIsPrivateAndHoldsSeveralOnboardings() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory.appendingPathComponent("nested"))
            #expect(try permissions(store.directory.path) == 0o700)
            #expect(try permissions(store.databasePath) == 0o600)
            var first = OnboardingState(id: "onb-1")
            try store.create(first, at: t0)
            try store.create(OnboardingState(id: "onb-2"), at: t0)
            first.step = .enterprise
            first.terms = .agreed(version: "v1")
            try store.save(first, at: t0.addingTimeInterval(60))
            #expect(try store.load("onb-1") == first)
            #expect(try store.list().map(\.state.id) == ["onb-1", "onb-2"])
            #expect(throws: StoreError.notFound(onboardingId: "onb-9")) { try store.load("onb-9") }
            // Reopening finds everything as it was.
            let reopened = try OnboardingStore(directory: store.directory)
            #expect(try reopened.load("onb-1") == first)
            for file in try FileManager.default.contentsOfDirectory(atPath: store.directory.path) {
                #expect(try permissions(store.directory.appendingPathComponent(file).path) == 0o600, "\(file)")
            }
        }
    }

    @Test func theStateDirectoryComesFromTheOptionTheEnvironmentOrTheCheckout() {
        #expect(OnboardingStore.directory(option: "/tmp/a", environment: ["REPUTATION_WIZARD_STATE_DIR": "/tmp/b"]).path == "/tmp/a")
        #expect(OnboardingStore.directory(option: nil, environment: ["REPUTATION_WIZARD_STATE_DIR": "/tmp/b"]).path == "/tmp/b")
        #expect(OnboardingStore.directory(option: nil, environment: [:]).lastPathComponent == "state")
    }

    @Test(arguments: StoreBackend.available)
    func theJournalKeepsIntentsUntilTheirOutcome(_ backend: StoreBackend) throws {
        try backend.withFreshStore { store in
            var state = OnboardingState(id: "onb-1")
            try store.create(state)
            let effect = Effect.enableReputation(enterpriseId: "ent-1", documentId: "doc-1", frequency: .daily)
            state.inFlight = effect
            let id = try store.recordIntent(effect, state: state, at: t0)
            #expect(try store.load("onb-1").inFlight == effect)
            let unfinished = try store.unfinishedIntents("onb-1")
            #expect(unfinished.map(\.effect) == [effect])
            #expect(unfinished.first?.billable == true)
            state.inFlight = nil
            state.step = .gates
            let outcome = Event.reputationEnabled(GateReport(status: "pending", loaStatus: "pending"))
            try store.recordOutcome(id, outcome: outcome, state: state, at: t0.addingTimeInterval(1))
            #expect(try store.unfinishedIntents("onb-1").isEmpty)
            #expect(try store.journal("onb-1").first?.outcome == outcome)
            #expect(try store.load("onb-1").step == .gates)
            #expect(throws: StoreError.self) { try store.recordOutcome(id, outcome: outcome, state: state) }
        }
    }

    @Test(arguments: StoreBackend.available)
    func theAuditLogIsAppendOnly(_ backend: StoreBackend) throws {
        try backend.withFreshStore { store in
            try store.create(OnboardingState(id: "onb-1"))
            try store.appendAudit(
                onboardingId: "onb-1", action: "enable reputation", billable: true, cost: .dollars(100), result: "ok", at: t0)
            try store.appendAudit(
                onboardingId: "onb-1", action: "check review status", billable: false, cost: nil, result: "pending", at: t0)
            let log = try store.auditLog("onb-1")
            #expect(log.map(\.action) == ["enable reputation", "check review status"])
            #expect(log.first?.cost == .dollars(100))
            #expect(log.first?.osUser == OnboardingStore.osUser)
            // Refused by the append-only triggers, by name; not by any error at all.
            for change in ["DELETE FROM auditLog", "UPDATE auditLog SET result = 'x'"] {
                let refusal = #expect(throws: StoreError.self) { try store.database.write { try $0.execute(sql: change, arguments: []) } }
                #expect(refusal?.description.contains("the audit log is append-only") == true, "\(change): \(String(describing: refusal))")
            }
            #expect(try store.auditLog().count == 2)
        }
    }

    @Test(arguments: StoreBackend.available)
    func draftsAndSnapshotsAreKept(_ backend: StoreBackend) throws {
        try backend.withFreshStore { store in
            try store.create(OnboardingState(id: "onb-1"))
            try store.saveDraft("onb-1", form: "enterprise", fields: ["legal_name": "Acme"])
            try store.saveDraft("onb-1", form: "enterprise", fields: ["legal_name": "Acme Plumbing", "fein": "12-3"])
            #expect(try store.draft("onb-1", form: "enterprise") == ["legal_name": "Acme Plumbing", "fein": "12-3"])
            try store.discardDraft("onb-1", form: "enterprise")
            #expect(try store.draft("onb-1", form: "enterprise") == nil)
            try store.recordSnapshots(
                "onb-1",
                [
                    .init(phoneNumber: "+13125550134", data: #"{"spam_risk":"low"}"#, at: t0),
                    .init(phoneNumber: "+13125550134", data: #"{"spam_risk":"high"}"#, at: t0.addingTimeInterval(86400)),
                    .init(phoneNumber: "+13125550135", data: "{}", at: t0),
                ])
            #expect(
                try store.history("onb-1", phoneNumber: "+13125550134").map(\.data) == [#"{"spam_risk":"low"}"#, #"{"spam_risk":"high"}"#])
            let latest = try store.latestReadings("onb-1")
            #expect(latest.mapValues(\.data) == ["+13125550134": #"{"spam_risk":"high"}"#, "+13125550135": "{}"])
        }
    }

    @Test func aSecondProcessIsRefusedAndADeadOnesLockTakenOver() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory)
            try store.create(OnboardingState(id: "onb-1"))
            let parent = getppid()
            let held = try store.lock("onb-1", pid: parent, at: t0)
            let refusal = #expect(throws: StoreError.self) { try store.lock("onb-1") }
            #expect(refusal == .locked(held.holder))
            #expect(refusal?.description.contains("pid \(parent) on \(OnboardingStore.hostName)") == true)
            let remote = try OnboardingStore(directory: directory)
            held.release()
            _ = try remote.lock("onb-1", pid: parent, host: "other-host", at: t0)
            #expect(throws: StoreError.self) { try store.lock("onb-1") }
            try store.sqliteQueue!.write { try $0.execute(sql: "DELETE FROM onboardingLock") }

            // A process that has exited leaves a stale lock, which is taken over.
            let finished = Process()
            finished.executableURL = URL(fileURLWithPath: "/bin/true")
            try finished.run()
            finished.waitUntilExit()
            _ = try store.lock("onb-1", pid: finished.processIdentifier, at: t0)
            let mine = try store.lock("onb-1")
            #expect(mine.holder.pid == getpid())
            #expect(try store.lock("onb-1").holder.pid == getpid(), "the holder itself may lock again")
        }
    }

    @Test func aDamagedDatabaseIsRefusedAndLeftUntouched() throws {
        try withStateDirectory { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent(OnboardingStore.databaseName).path
            let garbage = Data(repeating: 0x42, count: 8192)
            _ = FileManager.default.createFile(atPath: path, contents: garbage)
            let error = #expect(throws: StoreError.self) { try OnboardingStore(directory: directory) }
            guard case .corrupt = error else {
                Issue.record("expected corrupt, got \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("left untouched") == true)
            #expect(FileManager.default.contents(atPath: path) == garbage)
        }
    }

    @Test func aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory)
            try store.create(OnboardingState(id: "onb-1"))
            try store.sqliteQueue!.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
            let before = FileManager.default.contents(atPath: store.databasePath)
            let error = #expect(throws: StoreError.self) { try OnboardingStore(directory: directory) }
            #expect(error == .newerVersion(path: store.databasePath, unknownMigrations: ["v99"]))
            #expect(FileManager.default.contents(atPath: store.databasePath) == before)
        }
    }
}
