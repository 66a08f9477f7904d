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

    /// Before a read of `numbers` is estimated: when some would be billed (never read here, or
    /// last read without data), the free list is read once so that those Telnyx's scheduled
    /// check has read since are estimated (and recorded) as the free cached reads they are.
    /// A list that cannot be read leaves the estimate as it was (it can only overstate). The
    /// readings listed with data are kept.
    /// - Throws: `StoreError` when the state cannot be saved.
    func noteScheduledReadings(before numbers: [String]) async throws(StoreError) {
        guard state.reputationEnabled, let enterprise = state.enterprise, numbers.contains(where: state.nextReadIsBilled) else { return }
        guard let listed = try? await client.allNumbers(enterpriseId: enterprise.id) else { return }
        // What the check read is kept, so the table and the history show it without a read of their own.
        try store.recordNewReadings(state.id, ReadingDecoding.snapshots(listed.filter { $0.reputationData != nil }, at: now()))
        try await noteScheduledReadings(listed)
    }
}
