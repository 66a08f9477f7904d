import Foundation
import Onboarding
import TelnyxAPI
import Testing

@testable import OnboardingEngine
@testable import OnboardingStore

/// What the client keeps of Telnyx's `reputation_data` fits the store's columns exactly (a
/// change to how the client writes it would otherwise silently keep every reading as text,
/// five times the size).
@Suite struct KeptReadingFormTests {
    @Test func telnyxsReadingsAsTheClientKeepsThemFitTheStoresColumns() {
        let refreshed = Date(timeIntervalSince1970: 1_796_000_000.123)
        for (risk, category) in [("low", nil), ("medium", "political"), ("high", "telemarketing")] as [(String, String?)] {
            let data = ReputationData(
                connectionScore: 71, engagementScore: 66, lastRefreshedAt: refreshed, maturityScore: 74, sentimentScore: 69,
                spamCategory: category, spamRisk: .init(rawValue: risk))
            let json = TelnyxMapping.json(data)
            #expect(CompactReading(json: json)?.json == json, "\(json)")
        }
        // Kept from the list as columns straight away, the same JSON as written.
        let data = ReputationData(
            connectionScore: 71, engagementScore: 66, lastRefreshedAt: refreshed, maturityScore: 74, sentimentScore: 69,
            spamCategory: "political", spamRisk: .init(rawValue: "medium"))
        let odd = ReputationData(spamCategory: "scam/fraud", spamRisk: .init(rawValue: "in_review"))
        let listed = ReadingDecoding.snapshots(
            [
                ReputationNumber(phoneNumber: "+13125550134", reputationData: data),
                ReputationNumber(phoneNumber: "+13125550135", reputationData: odd),
                ReputationNumber(phoneNumber: "+13125550136", reputationData: nil),
            ], at: refreshed)
        #expect(listed.map(\.data) == [TelnyxMapping.json(data), TelnyxMapping.json(odd), "null"])
        #expect(listed.map { $0.columnReading != nil } == [true, false, false])
        let empty = ReputationData()
        #expect(CompactReading(json: TelnyxMapping.json(empty))?.json == "{}")
    }
}

/// A reading read back from the store's columns is the reading its JSON decodes to.
@Suite struct ColumnReadingTests {
    @Test func aReadingFromColumnsIsTheReadingItsJSONDecodesTo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try OnboardingStore(directory: directory)
        try store.create(OnboardingState(id: "onb-1"))
        let data = ReputationData(
            connectionScore: 71, engagementScore: 66, lastRefreshedAt: Date(timeIntervalSince1970: 1_796_000_000.123),
            maturityScore: 74, sentimentScore: 69, spamCategory: "political", spamRisk: .init(rawValue: "medium"))
        let sent = ReputationSnapshot(
            phoneNumber: "+13125550134", data: TelnyxMapping.json(data), at: Date(timeIntervalSince1970: 1_800_000_000))
        try store.recordSnapshots("onb-1", [sent])
        let kept = try #require(try store.history("onb-1", phoneNumber: "+13125550134").first)
        #expect(kept.columnReading != nil, "read from columns")
        #expect(sent.columnReading == nil)
        #expect(ReadingDecoding.reading(kept) == ReadingDecoding.reading(phoneNumber: "+13125550134", data))
        #expect(ReadingDecoding.reading(sent) == ReadingDecoding.reading(kept))
    }
}
