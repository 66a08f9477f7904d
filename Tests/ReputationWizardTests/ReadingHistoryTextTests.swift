import Foundation
import Onboarding
import OnboardingStore
import Testing

@testable import WizardRuntime

/// The wizard's history box (H at step 9) draws a number's readings in about 60 columns.
@Suite struct ReadingHistoryTextTests {
    @Test func scoresOverTimeChangesAndEachReadingWithItsCost() {
        let t0 = Date(timeIntervalSince1970: 1_798_761_900)  // 2027-01-01 00:05 UTC
        let day: TimeInterval = 86400
        func reading(_ risk: String?, _ category: String?, _ scores: [Int?], _ at: Date?) -> NumberReading {
            NumberReading(
                phoneNumber: "+13125550101", spamRisk: risk, category: category, maturity: scores[0], connection: scores[1],
                engagement: scores[2], sentiment: scores[3], lastRefreshedAt: at)
        }
        let history = NumberHistory(
            phoneNumber: "+13125550101",
            readings: [
                (reading("low", nil, [88, 76, 63, 76], t0), t0),
                (reading("low", nil, [86, 74, 60, 77], t0 + 3 * day), t0 + 3 * day),
                (reading("high", "survey", [nil, 22, 11, 19], t0 + 10 * day), t0 + 10 * day),
            ], liveCheck: Money(cents: 10))
        #expect(
            ReadingHistoryText.lines(history) == [
                "Readings: 3 kept, 2027-01-01 00:05 UTC to 2027-01-11 00:05 UTC, $0.30 (one live check each)",
                "  maturity    ▇▇                            88 → —",
                "  connection  ▇▆▂                           76 → 22",
                "  engagement  ▅▅▁                           63 → 11",
                "  sentiment   ▇▇▂                           76 → 19",
                "Changes:",
                "  2027-01-11 00:05 UTC  risk low → high, category — → survey",
                "Each reading, newest first:           Mat Con Eng Sen  Cost",
                "  2027-01-11 00:05  high    survey     —  22  11  19  $0.10",
                "  2027-01-04 00:05  low     —         86  74  60  77  $0.10",
                "  2027-01-01 00:05  low     —         88  76  63  76  $0.10",
            ])
        #expect(
            ReadingHistoryText.lines(NumberHistory(phoneNumber: "+13125550101", readings: [], liveCheck: Money(cents: 10)))
                == ["Readings: none kept yet (the first read, or `watch` after Telnyx's first check, keeps one)."])
    }
}

/// The table marks what changed since a person last looked at it (not since the last `watch`).
@Suite struct ChangedSinceLookTests {
    @Test func eachLookComparesWithTheOneBeforeAndTheFirstMarksNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("look-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try OnboardingStore(directory: directory)
        try store.create(OnboardingState(id: "onb-look"))
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        func data(_ risk: String, _ engagement: Int) -> String { #"{"spam_risk":"\#(risk)","engagement_score":\#(engagement)}"# }
        try store.recordSnapshots(
            "onb-look",
            [
                ReputationSnapshot(phoneNumber: "+13125550101", data: data("low", 70), at: t0),
                ReputationSnapshot(phoneNumber: "+13125550102", data: data("low", 70), at: t0),
            ])
        let first = try WizardWork.changedSinceLastLook(store: store, onboardingId: "onb-look", now: t0)
        #expect(first.0.isEmpty && first.1 == nil)
        // A watch between the looks saw +13125550101 turn high; +13125550102 only wobbled.
        try store.recordWatch("onb-look", at: t0 + 60, ownership: [:])
        try store.recordNewReadings(
            "onb-look",
            [
                ReputationSnapshot(phoneNumber: "+13125550101", data: data("high", 20), at: t0 + 100),
                ReputationSnapshot(phoneNumber: "+13125550102", data: data("low", 66), at: t0 + 100),
            ])
        let second = try WizardWork.changedSinceLastLook(store: store, onboardingId: "onb-look", now: t0 + 200)
        #expect(second.0 == ["+13125550101"])
        #expect(second.1 == t0)
        let third = try WizardWork.changedSinceLastLook(store: store, onboardingId: "onb-look", now: t0 + 300)
        #expect(third.0.isEmpty && third.1 == t0 + 200)
        #expect(try store.lastWatch("onb-look")?.at == t0 + 60, "watch keeps its own mark")
    }
}
