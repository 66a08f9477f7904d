import Foundation
import Testing

@testable import Onboarding

/// Telnyx's ownership question answered: only numbers it asks about, free (no confirmation);
/// once answered they are no longer asked about.
@Suite struct OwnershipAnswerTests {
    /// Telnyx's reason ends with a full stop; the summary does not put it before the colon.
    @Test func aSetAsideReasonThatIsASentenceReadsCleanly() {
        #expect(
            SetAsideNumbers.summary(["+18126150769": "'+18126150769' is not in service (status: port-pending)."])
                == "1 number was set aside ('+18126150769' is not in service (status: port-pending): +18126150769)")
    }

    /// What an unanswered question leads to, by Telnyx's reason: a changed carrier removes the
    /// number; a re-verification only flags it (it stays monitored).
    @Test func anUnansweredQuestionIsSaidByItsReason() {
        #expect(OwnershipNotice.unanswered("carrier_changed") == "or it is removed")
        #expect(OwnershipNotice.unanswered("reverification_due") == "or it is flagged (it stays monitored)")
        #expect(OwnershipNotice.unanswered("a_reason_added_later") == "or Telnyx may remove it")
        #expect(OwnershipNotice.unanswered(nil) == "or Telnyx may remove it")
    }

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
