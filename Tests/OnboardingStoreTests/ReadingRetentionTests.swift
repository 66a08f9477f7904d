import Foundation
import Onboarding
import OnboardingStore
import StoreTestSupport
import Testing

/// Readings are history: kept once each (not once per look), forgotten after the retention
/// period except what the next look needs.
@Suite struct ReadingRetentionTests {
    static let day: TimeInterval = 86400
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func reading(_ number: String, _ text: String, day: Double) -> ReputationSnapshot {
        ReputationSnapshot(phoneNumber: number, data: text, at: t0.addingTimeInterval(day * Self.day))
    }

    @Test(arguments: StoreBackend.available)
    func aReadingSeenTwiceIsKeptOnceAndOldOnesAreForgottenButTheLatest(_ backend: StoreBackend) throws {
        try backend.withFreshStore { store in
            try store.create(OnboardingState(id: "onb-keep"), at: Self.t0)
            let a = "+13125550101"
            let b = "+13125550102"
            #expect(try store.recordNewReadings("onb-keep", [Self.reading(a, #"{"s":1}"#, day: 0), Self.reading(b, "null", day: 0)]) == 2)
            #expect(try store.recordNewReadings("onb-keep", [Self.reading(a, #"{"s":1}"#, day: 1), Self.reading(b, "null", day: 1)]) == 0)
            #expect(try store.recordNewReadings("onb-keep", [Self.reading(a, #"{"s":2}"#, day: 2)]) == 1)
            try store.recordWatch("onb-keep", at: Self.t0.addingTimeInterval(2 * Self.day), ownership: [:])
            #expect(try store.recordNewReadings("onb-keep", [Self.reading(a, #"{"s":3}"#, day: 3)]) == 1)
            #expect(try store.history("onb-keep", phoneNumber: a).map(\.data) == [#"{"s":1}"#, #"{"s":2}"#, #"{"s":3}"#])

            // Everything before day 10 may go: a's latest (s3), the one the last watch saw (s2)
            // and b's only reading stay.
            #expect(try store.forgetReadings("onb-keep", before: Self.t0.addingTimeInterval(10 * Self.day)) == 1)
            #expect(try store.history("onb-keep", phoneNumber: a).map(\.data) == [#"{"s":2}"#, #"{"s":3}"#])
            #expect(try store.history("onb-keep", phoneNumber: b).map(\.data) == ["null"])
            let mark = try #require(try store.lastWatch("onb-keep"))
            #expect(
                try store.readings("onb-keep", throughSnapshotId: mark.throughSnapshotId).mapValues(\.data) == [a: #"{"s":2}"#, b: "null"])
            // A cutoff past what a column holds (a retention of 2e11 days) forgets nothing and does not trap.
            #expect(try store.forgetReadings("onb-keep", before: Self.t0.addingTimeInterval(-2e11 * Self.day)) == 0)
            #expect(try store.forgetReadings("onb-keep", before: Date(timeIntervalSince1970: .infinity)) == 0, "only kept ones are left")
            #expect(try store.history("onb-keep", phoneNumber: a).map(\.data) == [#"{"s":2}"#, #"{"s":3}"#])
        }
    }
}

@Suite struct LatestReadingTests {
    /// The latest reading is the one kept last (as Telnyx sent it), kept on insert: not found
    /// by grouping every reading, and not by date (a lost answer reconciled later keeps an older one).
    @Test(arguments: StoreBackend.available)
    func theLatestIsTheOneKeptLastAndSurvivesForgetting(_ backend: StoreBackend) throws {
        try backend.withFreshStore { store in
            try store.create(OnboardingState(id: "onb-latest"))
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            try store.recordSnapshots("onb-latest", [ReputationSnapshot(phoneNumber: "+13125550101", data: "a", at: t0 + 100)])
            try store.recordSnapshots("onb-latest", [ReputationSnapshot(phoneNumber: "+13125550101", data: "b", at: t0)])
            try store.recordSnapshots("onb-latest", [ReputationSnapshot(phoneNumber: "+13125550102", data: "c", at: t0)])
            #expect(try store.latestReadings("onb-latest").mapValues(\.data) == ["+13125550101": "b", "+13125550102": "c"])
            #expect(try store.forgetReadings("onb-latest", before: t0 + 1000) == 1, "a is forgotten; b and c are latest")
            #expect(try store.latestReadings("onb-latest").mapValues(\.data) == ["+13125550101": "b", "+13125550102": "c"])

        }
    }
}

/// One watch of an onboarding at a time: a second waits, and is refused once its wait is over.
@Suite struct WatchLockTests {
    @Test func aSecondWatchOfTheSameOnboardingWaitsButAnotherOnboardingDoesNot() throws {
        try withStateDirectory { directory in
            let store = try OnboardingStore(directory: directory)
            let first = try store.watchLock("onb-a", wait: 0)
            var told = 0
            #expect(throws: StoreError.busy(path: directory.path)) {
                _ = try store.watchLock("onb-a", wait: 0.05) { told += 1 }
            }
            #expect(told == 1, "the wait is said once")
            let other = try store.watchLock("onb-b", wait: 0)
            other.release()
            first.release()
            try store.watchLock("onb-a", wait: 0).release()
        }
    }
}
