import Foundation

extension Decision {
    /// Free: lists the monitored numbers (their ownership tracking rides in the list) and the
    /// removed ones. Asked at step 8 and 9, once reputation is enabled.
    mutating func onCheckOwnershipNow() -> Transition {
        guard let enterprise = state.enterprise, state.reputationEnabled, state.step >= .query else {
            return refuse("Ownership is tracked for monitored numbers, from step 8.")
        }
        return send(.readOwnership(enterpriseId: enterprise.id))
    }

    /// Keeps what Telnyx asks about; a number Telnyx removed (an unanswered confirmation, a
    /// port-away) is no longer counted as monitored, and is kept with its reason.
    mutating func onOwnershipRead(notices: [OwnershipNotice], removed: [String: String]) -> Transition {
        let monitored = Set(state.monitoredNumbers)
        let gone = removed.filter { monitored.contains($0.key) }
        next.ownershipNotices =
            notices.isEmpty
            ? nil : notices.sorted { ($0.confirmBy ?? .distantFuture, $0.phoneNumber) < ($1.confirmBy ?? .distantFuture, $1.phoneNumber) }
        if !gone.isEmpty {
            next.monitoredNumbers.removeAll { gone[$0] != nil }
            next.queriedNumbers.subtract(gone.keys)
            next.readWithoutData = next.readWithoutData?.subtracting(gone.keys)
            next.removedByTelnyx = (state.removedByTelnyx ?? [:]).merging(gone) { _, new in new }
        }
        return settle() ?? stay()
    }
}
