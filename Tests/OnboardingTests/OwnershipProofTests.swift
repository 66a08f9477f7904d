import Foundation
import Testing

@testable import Onboarding

/// The enterprise's ownership proof: sent free once reputation is enabled, reviewed as a third
/// gate that holds back only the numbers hosted at other carriers, frozen once approved.
@Suite struct OwnershipProofTests {
    @Test func theProofIsSentFreeAndThenReviewedBesideTheOtherGates() {
        let state = NumbersWithoutDataTests.manage(["+13125550100"])
        let sent = transition(state, .submitOwnershipProof(documents: ["/tmp/invoice.pdf"], numbers: ["+13125550142"]))
        #expect(sent.state.confirmation == nil)
        #expect(
            sent.effects == [.submitOwnershipProof(enterpriseId: "ent-1", documents: ["/tmp/invoice.pdf"], numbers: ["+13125550142"])])
        #expect(!sent.effects[0].isBillable && sent.effects[0].changesRemoteState)
        let taken = transition(sent.state, .ownershipProofSubmitted(status: "pending", sha256: ["aa"])).state
        var expected = state
        expected.gates = GateReport(status: "approved", loaStatus: "approved", externalVerificationStatus: "pending")
        expected.submittedProofSHA256 = ["aa"]
        expected.submittedProofPaths = ["/tmp/invoice.pdf"]
        #expect(taken == expected)
        #expect(
            taken.nextAction
                == "Onboarding complete: 1 number monitored every business day. Telnyx reviews the ownership proof (pending); numbers hosted at other carriers wait on it."
        )
    }

    @Test func aRejectionSaysWhyAndWhatToSend() {
        var state = NumbersWithoutDataTests.manage(["+13125550100"])
        state.gates = GateReport(
            status: "approved", loaStatus: "approved", externalVerificationStatus: "rejected",
            externalVerificationRejection: "The invoice does not show the numbers.")
        #expect(
            state.nextAction
                == "Onboarding complete: 1 number monitored every business day. Telnyx rejected the ownership proof (The invoice does not show the numbers): send new evidence for the numbers hosted at other carriers (P in the wizard, `ownership_proof` in the answers)."
        )
        let again = transition(state, .submitOwnershipProof(documents: ["/tmp/statement.png"], numbers: []))
        #expect(again.effects == [.submitOwnershipProof(enterpriseId: "ent-1", documents: ["/tmp/statement.png"], numbers: [])])
    }

    @Test func refusedBeforeReputationIsEnabledWithoutDocumentsAndOnceApproved() {
        var early = OnboardingState(id: "onb-early")
        early.step = .enable
        early.enterprise = .init(id: "ent-1", legalName: "Acme Plumbing LLC")
        #expect(
            transition(early, .submitOwnershipProof(documents: ["/tmp/invoice.pdf"], numbers: [])).refusal
                == "The ownership proof is sent once reputation is enabled (step 5); Telnyx reviews it beside the enterprise and the LOA.")
        var state = NumbersWithoutDataTests.manage(["+13125550100"])
        #expect(
            transition(state, .submitOwnershipProof(documents: [], numbers: [])).refusal
                == "Give the path of at least one document: a carrier invoice or statement that shows the numbers (PDF, PNG or JPEG).")
        state.gates?.externalVerificationStatus = .approved
        #expect(
            transition(state, .submitOwnershipProof(documents: ["/tmp/invoice.pdf"], numbers: [])).refusal
                == "Telnyx approved the ownership proof; an approved proof cannot be replaced, and numbers hosted at other carriers can be added."
        )
    }

    @Test func aPendingProofDoesNotHoldBackStep6() {
        var state = NumbersWithoutDataTests.manage([])
        state.step = .gates
        state.gates = GateReport(status: "pending", loaStatus: "pending", externalVerificationStatus: "pending")
        #expect(
            state.nextAction
                == "Waiting on Telnyx: vetting is pending, LOA review is pending, ownership proof is pending. Nothing to do until they decide."
        )
        let approved = transition(
            state, .gatesChecked(GateReport(status: "approved", loaStatus: "approved", externalVerificationStatus: "pending"), at: Date())
        ).state
        #expect(approved.step == .associate)
        #expect(approved.gates?.ownershipProofPending == true)
    }

    @Test func openingAnOnboardingWhoseProofIsReviewedReadsTheReviewAgain() {
        var state = NumbersWithoutDataTests.manage(["+13125550100"])
        #expect(transition(state, .begin).effects == [.readOwnership(enterpriseId: "ent-1")], "nothing under review: Telnyx's questions")
        state.gates?.externalVerificationStatus = .pending
        #expect(transition(state, .begin).effects == [.checkGates(enterpriseId: "ent-1")])
    }

    @Test func aReportSavedBeforeTheProofStillLoads() throws {
        let old = #"{"status":"pending","loaStatus":"approved","rejectionReasons":[]}"#
        let report = try JSONDecoder().decode(GateReport.self, from: Data(old.utf8))
        #expect(report == GateReport(status: "pending", loaStatus: "approved"))
    }
}
