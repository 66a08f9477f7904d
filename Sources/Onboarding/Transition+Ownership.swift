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

    /// Telnyx's question answered for `numbers`: still owned (free), with `evidence` (a local
    /// document's path, sent with each answer) when given. Only numbers Telnyx asks about can
    /// be answered; giving one up is removing it, confirmed first.
    mutating func onConfirmOwnership(numbers: [String], evidence: String?) -> Transition {
        guard let enterprise = state.enterprise, state.reputationEnabled else { return refuse("Reputation is not enabled.") }
        let asked = Set((state.ownershipNotices ?? []).map(\.phoneNumber))
        let unasked = numbers.filter { !asked.contains($0) }
        guard !numbers.isEmpty, unasked.isEmpty else {
            return refuse(
                numbers.isEmpty
                    ? "Name the numbers to confirm."
                    : "Telnyx asks nothing about \(Effect.sample(unasked)) (as last checked); `status --check` reads its questions again.")
        }
        return send(.confirmOwnership(enterpriseId: enterprise.id, numbers: numbers, evidence: evidence))
    }

    mutating func onOwnershipConfirmed(numbers: [String]) -> Transition {
        let answered = Set(numbers)
        let left = (state.ownershipNotices ?? []).filter { !answered.contains($0.phoneNumber) }
        next.ownershipNotices = left.isEmpty ? nil : left
        return settle() ?? stay()
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
