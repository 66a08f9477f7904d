import Foundation
import Onboarding
import TelnyxAPI

extension OnboardingEngine {
    /// The monitored numbers Telnyx asks about (from the free list, which carries each number's
    /// ownership tracking) and those it removed: only a number Telnyx lists as removed is taken
    /// out of monitoring, never one merely missing from a page.
    func ownership(of enterpriseId: String) async throws -> Event {
        let listed = try await client.allNumbers(enterpriseId: enterpriseId)
        let notices = listed.compactMap { number -> OwnershipNotice? in
            guard let phoneNumber = number.phoneNumber else { return nil }
            let status: OwnershipNotice.Status
            switch number.ownershipStatus?.known {
            case .pendingConfirmation?: status = .pendingConfirmation
            case .flagged?: status = .flagged
            case .verified?, .removed?, nil: return nil
            }
            return OwnershipNotice(phoneNumber: phoneNumber, status: status, flagReason: number.flagReason, confirmBy: number.confirmBy)
        }
        let stillListed = Set(listed.compactMap(\.phoneNumber))
        let missing = Set(state.monitoredNumbers).subtracting(stillListed)
        var removed: [String: String] = [:]
        if !missing.isEmpty {
            let tombstones = try await client.allNumbers(enterpriseId: enterpriseId, ownershipStatus: .removed)
            for tombstone in tombstones {
                guard let phoneNumber = tombstone.phoneNumber, missing.contains(phoneNumber) else { continue }
                removed[phoneNumber] = tombstone.removalReason?.rawValue ?? "removed"
            }
        }
        return .ownershipRead(notices: notices, removed: removed)
    }
}
