import Foundation
import Onboarding
import OnboardingEngine
import Testing

@testable import WizardRuntime

/// The answers file written from the wizard repeats what was done, the ownership proof
/// included: its documents in `ownership_proof`, and the numbers that wait on it beside the
/// monitored ones, so a headless run sends the proof and adds them once it is approved.
@Suite struct WrittenAnswersTests {
    @Test func theOwnershipProofAndTheNumbersWaitingOnItAreWrittenBack() {
        var state = OnboardingState(id: "onb-written")
        state.step = .manage
        state.terms = .agreed(version: "v1.0.0")
        state.enterprise = .init(id: "ent-1", legalName: "Acme Widgets Inc")
        state.reputationEnabled = true
        state.signedLOAPath = "/loa/signed.pdf"
        state.monitoredNumbers = ["+13125550100", "+16465550142"]
        state.submittedProofPaths = ["/scans/invoice.pdf", "/scans/statement.png"]
        let written = RunAnswers(
            writtenFrom: state, enterpriseDraft: nil, typedDraft: nil, awaitingProof: ["+16465550142", "+16465550143"])
        var expected = RunAnswers()
        expected.acceptTerms = true
        expected.enterpriseId = "ent-1"
        expected.signedLoa = "/loa/signed.pdf"
        expected.checkFrequency = .businessDaily
        expected.ownershipProof = ["/scans/invoice.pdf", "/scans/statement.png"]
        expected.numbers = ["+13125550100", "+16465550142", "+16465550143"]
        #expect(written == expected)

        // Without a proof sent, numbers set aside for it are not written (the run would only
        // set them aside again).
        state.submittedProofPaths = nil
        let withoutProof = RunAnswers(writtenFrom: state, enterpriseDraft: nil, typedDraft: nil, awaitingProof: ["+16465550143"])
        #expect(withoutProof.ownershipProof == nil && withoutProof.numbers == ["+13125550100", "+16465550142"])
    }
}
