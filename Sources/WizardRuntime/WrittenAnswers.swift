import Foundation
import Onboarding
import OnboardingStore
import TerminalUI

/// The answers file that `run --non-interactive` needs to repeat an onboarding done in the
/// wizard, with the API's field names (`RunAnswers`' keys), as subiquity writes back its
/// autoinstall file. Secrets stay out: the API key is never part of an onboarding. Paths are
/// absolute, as the wizard read them.
public struct WrittenAnswers: Encodable, Equatable, Sendable {
    public var acceptTerms: Bool?
    /// The enterprise as typed in the wizard, nested as `POST /enterprises` takes it.
    public var enterprise: EnterpriseBody?
    /// An enterprise the account already had, chosen in the wizard (instead of `enterprise`).
    public var enterpriseId: String?
    public var loa: LOA?
    public var signedLoa: String?
    public var checkFrequency: CheckFrequency?
    /// The numbers monitored, in E.164.
    public var numbers: [String]?

    public struct LOA: Encodable, Equatable, Sendable {
        public var signerName: String?
        public var signatureImage: String?
        public var agent: [String: String]?
        enum CodingKeys: String, CodingKey {
            case agent
            case signerName = "signer_name"
            case signatureImage = "signature_image"
        }
    }

    enum CodingKeys: String, CodingKey {
        case enterprise, loa, numbers
        case acceptTerms = "accept_terms"
        case enterpriseId = "enterprise_id"
        case signedLoa = "signed_loa"
        case checkFrequency = "check_frequency"
    }

    /// The answers for an onboarding as far as it went: what was decided (terms, frequency,
    /// numbers) from its state, what was typed (the enterprise, the LOA's signature) from its
    /// drafts. A step not reached is left out, so the run stops there and asks for it.
    public init(state: OnboardingState, enterpriseDraft: [String: String]?, typedDraft: [String: String]?) {
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
                loa = LOA(signerName: name.isEmpty || signature == nil ? nil : name, signatureImage: signature, agent: agent)
            }
        }
        signedLoa = state.step > .signAndUpload ? state.signedLOAPath : nil
        checkFrequency = state.reputationEnabled || state.step > .enable ? state.checkFrequency : nil
        numbers = state.monitoredNumbers.isEmpty ? nil : state.monitoredNumbers
    }
}

extension WizardRuntime {
    /// The answers that repeat this onboarding as it stands (`WrittenAnswers`).
    /// - Throws: `StoreError` when the drafts cannot be read.
    public func writtenAnswers() async throws -> WrittenAnswers {
        let state = await engine.state
        return WrittenAnswers(
            state: state, enterpriseDraft: try store.draft(state.id, form: DraftForm.enterprise.rawValue),
            typedDraft: try store.draft(state.id, form: DraftForm.typed.rawValue))
    }
}
