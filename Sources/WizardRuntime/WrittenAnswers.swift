import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TerminalUI

/// The answers file that `run --non-interactive` needs to repeat an onboarding done in the
/// wizard, as subiquity writes back its autoinstall file: `RunAnswers`, the same type the run
/// reads. Secrets stay out: the API key is never part of an onboarding. Paths are absolute, as
/// the wizard read them.
extension RunAnswers {
    /// The answers for an onboarding as far as it went: what was decided (terms, frequency,
    /// numbers) from its state, what was typed (the enterprise, the LOA's signature) from its
    /// drafts. A step not reached is left out, so the run stops there and asks for it. The
    /// ownership proof's documents go in `ownership_proof`, and the numbers that wait on it
    /// (`awaitingProof`, E.164) beside the monitored ones, so the run sends and adds them too.
    public init(
        writtenFrom state: OnboardingState, enterpriseDraft: [String: String]?, typedDraft: [String: String]?,
        awaitingProof: [String] = []
    ) {
        self.init()
        if case .agreed = state.terms { acceptTerms = true }
        if state.enterprise != nil || enterpriseDraft != nil {
            let fields = enterpriseDraft.map { EnterpriseForm(draft: $0).fields } ?? [:]
            if fields.isEmpty, let chosen = state.enterprise?.id {
                enterpriseId = chosen
            } else if !fields.isEmpty {
                enterprise = EnterpriseBody(fields: fields)
            }
        }
        if state.step > .loaRender, let typedDraft {
            let form = LOAForm(draft: typedDraft)
            let signature = form.signaturePath.map { LocalFile.expanded($0) }
            let agent =
                form.actingAsAgent ? form.agent.mapValues(\.text).reduce(into: [String: String]()) { $0[$1.key.key] = $1.value } : nil
            let name = form.signerName.text.trimmingCharacters(in: .whitespaces)
            if signature != nil || agent != nil {
                loa = LOA(agent: agent, signerName: name.isEmpty || signature == nil ? nil : name, signatureImage: signature)
            }
        }
        signedLoa = state.step > .signAndUpload ? state.signedLOAPath : nil
        checkFrequency = state.reputationEnabled || state.step > .enable ? state.checkFrequency : nil
        ownershipProof = state.submittedProofPaths?.map { LocalFile.expanded($0) }
        let waiting = ownershipProof == nil ? [] : awaitingProof.filter { !state.monitoredNumbers.contains($0) }
        let listed = state.monitoredNumbers + waiting
        numbers = listed.isEmpty ? nil : listed
    }
}

extension WizardRuntime {
    /// The answers that repeat this onboarding as it stands (`RunAnswers(writtenFrom:…)`).
    /// - Throws: `StoreError` when the drafts cannot be read.
    public func writtenAnswers() async throws -> RunAnswers {
        let state = await engine.state
        return RunAnswers(
            writtenFrom: state, enterpriseDraft: try store.draft(state.id, form: DraftForm.enterprise.rawValue),
            typedDraft: try store.draft(state.id, form: DraftForm.typed.rawValue),
            awaitingProof: try store.setAsideNumbers(state.id, reason: NumberHosting.awaitingProof))
    }
}
