import Onboarding
import OnboardingStore
import TelnyxAPI

extension OnboardingEngine {
    /// Takes note of numbers that Telnyx's free list (`listed`, every page) shows with data
    /// although they were never read here, or last read without data: Telnyx's scheduled check
    /// read them, so their next read is answered from its cache (free), not billed, and the
    /// table stops marking them `$`. Nothing is sent to Telnyx; the state is saved only when
    /// one changed.
    /// - Throws: `StoreError` when the state cannot be saved.
    public func noteScheduledReadings(_ listed: [ReputationNumber]) async throws(StoreError) {
        let unread = Set(state.monitoredNumbers).subtracting(state.queriedNumbers).union(state.numbersWithoutData)
        let withData = listed.filter { $0.reputationData != nil }.compactMap(\.phoneNumber).filter { unread.contains($0) }
        guard !withData.isEmpty else { return }
        _ = try await send(.scheduledReadingsListed(withData: withData))
    }
}
