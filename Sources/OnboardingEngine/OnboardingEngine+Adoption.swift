import Foundation
import Onboarding
import OnboardingStore
import TelnyxAPI

extension OnboardingEngine {
    /// Builds a local onboarding from what Telnyx already has about `enterpriseId` (terms,
    /// enterprise, settings, both reviews, numbers), landing on the step that follows from it.
    /// Reads only: nothing is created or billed.
    public static func adopt(
        enterpriseId: String, store: OnboardingStore, client: TelnyxClient, id: String = UUID().uuidString.lowercased(),
        now: @escaping @Sendable () -> Date = Date.init
    ) async throws -> OnboardingEngine {
        let facts = try await remoteFacts(enterpriseId: enterpriseId, client: client)
        var state = OnboardingState.adopting(facts, id: id)
        // The reviews were just read from Telnyx.
        if facts.gates != nil { state.gatesCheckedAt = now() }
        try store.create(state, at: now())
        try store.appendAudit(
            onboardingId: id, action: "adopt enterprise \(enterpriseId)", billable: false, cost: nil,
            result: "landed on step \(state.step.rawValue) \(state.step.title)", at: now())
        return try OnboardingEngine(store: store, client: client, onboardingId: id, now: now)
    }

    /// What Telnyx holds about `enterpriseId`: terms, the enterprise, its settings and reviews
    /// (none when never enabled or disabled), and its numbers. Reads only.
    static func remoteFacts(enterpriseId: String, client: TelnyxClient) async throws(TelnyxError) -> RemoteFacts {
        let terms = try await client.termsStatus()
        let enterprise = try await client.enterprise(id: enterpriseId)
        let settings = try await unlessNotFound { () async throws(TelnyxError) in
            try await client.reputationSettings(enterpriseId: enterpriseId)
        }
        let numbers = settings == nil ? [] : try await client.allNumbers(enterpriseId: enterpriseId)
        return RemoteFacts(
            termsAgreed: terms.hasAgreed, termsVersion: terms.agreedVersion ?? terms.currentTermsVersion, enterpriseId: enterpriseId,
            legalName: enterprise.legalName ?? enterpriseId, gates: settings.map(TelnyxMapping.gates),
            checkFrequency: settings?.checkFrequency.flatMap { Onboarding.CheckFrequency(rawValue: $0.rawValue) },
            loaDocumentId: settings?.loaDocumentId, monitoredNumbers: numbers.compactMap(\.phoneNumber),
            numbersWithData: numbers.filter { $0.reputationData?.lastRefreshedAt != nil }.compactMap(\.phoneNumber))
    }
}
