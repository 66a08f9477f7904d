import Foundation
import Testing

@testable import Onboarding

/// Telnyx's ownership question answered: only numbers it asks about, free (no confirmation);
/// once answered they are no longer asked about.
@Suite struct OwnershipAnswerTests {
    @Test func onlyNumbersTelnyxAsksAboutAreConfirmedAndThenLeaveTheList() {
        var state = NumbersWithoutDataTests.manage(["+13125550100", "+13125550101"])
        state.ownershipNotices = [OwnershipNotice(phoneNumber: "+13125550101", status: .pendingConfirmation, flagReason: "carrier_changed")]
        #expect(
            transition(state, .confirmOwnership(["+13125550100"])).refusal
                == "Telnyx asks nothing about +13125550100 (as last checked); `status --check` reads its questions again.")
        let sent = transition(state, .confirmOwnership(["+13125550101"]))
        #expect(sent.state.confirmation == nil && sent.effects == [.confirmOwnership(enterpriseId: "ent-1", numbers: ["+13125550101"])])
        let answered = transition(sent.state, .ownershipConfirmed(["+13125550101"])).state
        #expect(answered.ownershipNotices == nil && answered.inFlight == nil)
        #expect(answered.monitoredNumbers == ["+13125550100", "+13125550101"], "still monitored")
    }
}
