import Foundation
import GRDB
import Onboarding
import StoreTestSupport
import Testing

@testable import OnboardingStore

/// Readings kept as columns, not JSON text: what Telnyx sends today fits the columns exactly,
/// anything else is kept as it came, and a store of an older version moves its readings over.
@Suite struct CompactReadingTests {
    /// A reading as the client writes Telnyx's `reputation_data` (sorted keys, the date in
    /// seconds since 2001).
    static let typical =
        #"{"connection_score":71,"engagement_score":66,"last_refreshed_at":786000000.123,"maturity_score":74,"sentiment_score":69,"spam_risk":"low"}"#

    @Test func todaysReadingsFitTheColumnsAndAnythingElseIsKeptAsText() {
        #expect(
            CompactReading(json: Self.typical)
                == CompactReading(
                    spamRisk: 1, spamCategory: nil, maturityScore: 74, connectionScore: 71, engagementScore: 66, sentimentScore: 69,
                    lastRefreshedAt: 786_000_000.123))
        let categorised = #"{"last_refreshed_at":786000000,"spam_category":"telemarketing","spam_risk":"high"}"#
        #expect(
            CompactReading(json: categorised)
                == CompactReading(
                    spamRisk: 3, spamCategory: "telemarketing", maturityScore: nil, connectionScore: nil, engagementScore: nil,
                    sentimentScore: nil, lastRefreshedAt: 786_000_000))
        #expect(CompactReading(json: "{}")?.json == "{}")
        // Kept as text: no data, a risk level or a field Telnyx adds later, keys in another
        // order, text that JSON escapes.
        for text in [
            "null", #"{"spam_risk":"in_review"}"#, #"{"spam_risk":"low","trend":"up"}"#, #"{"spam_risk":"low","maturity_score":3}"#,
            #"{"spam_category":"scam\/fraud"}"#, #"{"spam_category":"caf\u00e9"}"#,
        ] {
            #expect(CompactReading(json: text) == nil, "\(text)")
        }
    }

    @Test(arguments: StoreBackend.available)
    func everyReadingComesBackAsItWasSentWhicheverWayItIsKept(_ backend: StoreBackend) throws {
        try backend.withFreshStore { store in
            try store.create(OnboardingState(id: "onb-1"), at: t0)
            let sent = [
                ReputationSnapshot(phoneNumber: "+13125550134", data: Self.typical, at: t0),
                ReputationSnapshot(phoneNumber: "+13125550134", data: "null", at: t0.addingTimeInterval(60.25)),
                ReputationSnapshot(phoneNumber: "+13125550134", data: #"{"spam_risk":"in_review"}"#, at: t0.addingTimeInterval(120)),
            ]
            try store.recordSnapshots("onb-1", sent)
            #expect(try store.history("onb-1", phoneNumber: "+13125550134") == sent)
            let asText = try store.database.read { db in
                try db.rows(sql: "SELECT data FROM reading ORDER BY id", arguments: []).map { $0.optionalText("data") }
            }
            #expect(asText == [nil, "null", #"{"spam_risk":"in_review"}"#], "the typical reading is kept as columns")
        }
    }

    @Test func aStoreOfTheLastVersionMovesItsReadingsMarksAndRowIdsOver() throws {
        try withStateDirectory { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let old = try DatabaseQueue(path: directory.appendingPathComponent(OnboardingStore.databaseName).path)
            try Schema.migrator.migrate(old, upTo: "v7-latest-reading")
            let readings = [
                ReputationSnapshot(phoneNumber: "+13125550134", data: Self.typical, at: t0),
                ReputationSnapshot(phoneNumber: "+13125550135", data: "null", at: t0),
                ReputationSnapshot(phoneNumber: "+13125550134", data: #"{"spam_risk":"high"}"#, at: t0.addingTimeInterval(86400)),
                ReputationSnapshot(phoneNumber: "+13125550135", data: #"{"spam_risk":"in_review"}"#, at: t0.addingTimeInterval(86400)),
            ]
            try old.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO onboarding (id, state, stateVersion, step, createdAt, updatedAt) VALUES ('onb-old', '{}', 1, 9, ?, ?)",
                    arguments: [t0, t0])
                for reading in readings {
                    try db.execute(
                        sql: "INSERT INTO reputationSnapshot (onboardingId, phoneNumber, data, at) VALUES ('onb-old', ?, ?, ?)",
                        arguments: [reading.phoneNumber, reading.data, reading.at])
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO latestReading VALUES ('onb-old', ?, ?)",
                        arguments: [reading.phoneNumber, db.lastInsertedRowID])
                }
                // A fifth reading, since forgotten: its row id is never given again.
                try db.execute(
                    sql: "INSERT INTO reputationSnapshot (onboardingId, phoneNumber, data, at) VALUES ('onb-old', '+13125550136', '{}', ?)",
                    arguments: [t0])
                try db.execute(sql: "DELETE FROM reputationSnapshot WHERE id = 5")
                try db.execute(
                    sql:
                        "INSERT INTO watchRun (onboardingId, at, throughSnapshotId, ownership, viewer) VALUES ('onb-old', ?, 2, '{}', 'watch')",
                    arguments: [t0])
            }
            try old.close()

            let store = try OnboardingStore(directory: directory)
            #expect(try store.history("onb-old", phoneNumber: "+13125550134") == [readings[0], readings[2]])
            #expect(try store.history("onb-old", phoneNumber: "+13125550135") == [readings[1], readings[3]])
            #expect(try store.latestReadings("onb-old") == ["+13125550134": readings[2], "+13125550135": readings[3]])
            #expect(try store.lastWatch("onb-old")?.throughSnapshotId == 2)
            #expect(try store.readings("onb-old", throughSnapshotId: 2) == ["+13125550134": readings[0], "+13125550135": readings[1]])
            let later = ReputationSnapshot(phoneNumber: "+13125550134", data: "{}", at: t0.addingTimeInterval(2 * 86400))
            try store.recordSnapshots("onb-old", [later])
            #expect(
                try store.readings("onb-old", throughSnapshotId: 5) == ["+13125550134": readings[2], "+13125550135": readings[3]],
                "the new reading's row comes after the forgotten fifth")
            #expect(try store.latestReadings("onb-old")["+13125550134"] == later)
            let tablesLeft = try store.sqliteQueue!.read { db in
                try ["reputationSnapshot", "latestReading"].filter { try db.tableExists($0) }
            }
            #expect(tablesLeft.isEmpty)
        }
    }
}

/// A hand-over carries where `watch` and the table last looked: the other desk's next look
/// reports what changed since, not every reading again.
@Suite struct BundleMarksTests {
    /// From a desk's SQLite to another desk's store of either kind (the way `migrate --to` goes).
    @Test(arguments: StoreBackend.available)
    func theLastLooksTravelWithTheReadingsTheySaw(_ backend: StoreBackend) throws {
        try withStateDirectory { first in
            try backend.withFreshStore { there in
                let here = try OnboardingStore(directory: first)
                try here.create(OnboardingState(id: "onb-1"), at: t0)
                let day: TimeInterval = 86400
                func reading(_ risk: String, _ days: Double) -> ReputationSnapshot {
                    ReputationSnapshot(
                        phoneNumber: "+13125550134", data: #"{"spam_risk":"\#(risk)"}"#, at: t0.addingTimeInterval(days * day))
                }
                try here.recordSnapshots("onb-1", [reading("low", 0), reading("medium", 1)])
                try here.recordWatch("onb-1", at: t0.addingTimeInterval(day), ownership: ["+13125550134": "pending_confirmation"])
                try here.recordSnapshots("onb-1", [reading("high", 2)])
                try here.recordWatch("onb-1", at: t0.addingTimeInterval(2 * day), ownership: [:], by: .table)
                try here.recordSnapshots("onb-1", [reading("low", 3)])

                let bundle = try OnboardingBundle.decoded(try here.exportBundle("onb-1").encoded(), path: "onb-1.json")
                #expect(
                    bundle.marks == [
                        .init(
                            viewer: "watch", at: t0.addingTimeInterval(day), readingsSeen: 2,
                            ownership: ["+13125550134": "pending_confirmation"]),
                        .init(viewer: "table", at: t0.addingTimeInterval(2 * day), readingsSeen: 3, ownership: [:]),
                    ])
                _ = try there.importBundle(bundle, from: "onb-1.json")
                let watched = try #require(try there.lastWatch("onb-1"))
                #expect(watched.at == t0.addingTimeInterval(day))
                #expect(watched.ownership == ["+13125550134": "pending_confirmation"])
                #expect(try there.readings("onb-1", throughSnapshotId: watched.throughSnapshotId) == ["+13125550134": reading("medium", 1)])
                let looked = try #require(try there.lastWatch("onb-1", by: .table))
                #expect(try there.readings("onb-1", throughSnapshotId: looked.throughSnapshotId) == ["+13125550134": reading("high", 2)])
                #expect(try there.latestReadings("onb-1") == ["+13125550134": reading("low", 3)])
            }
        }
    }
}
