import Foundation
import Testing

@testable import Onboarding

/// Folds events through `transition`, keeping every effect and refusal.
struct Walk {
    var state: OnboardingState
    var effects: [Effect] = []
    var refusals: [String] = []

    init(_ state: OnboardingState = OnboardingState(id: "onb-1")) { self.state = state }

    @discardableResult
    mutating func on(_ events: Event...) -> [Effect] {
        var produced: [Effect] = []
        for event in events {
            let result = transition(state, event)
            state = result.state
            produced += result.effects
            if let refusal = result.refusal { refusals.append(refusal) }
        }
        effects += produced
        return produced
    }
}

let enterpriseFields: [String: String] = [
    "legal_name": "Acme Plumbing LLC", "doing_business_as": "Acme Plumbing", "organization_type": "commercial",
    "organization_legal_type": "llc", "industry": "technology", "number_of_employees": "51-200", "fein": "123456789",
    "jurisdiction_of_incorporation": "Delaware", "website": "acme.example.com", "country_code": "US",
    "organization_contact.first_name": "Sam", "organization_contact.last_name": "Owner",
    "organization_contact.job_title": "Compliance Lead", "organization_contact.email": "sam@acme.example.com",
    "organization_contact.phone_number": "(312) 555-0000", "billing_contact.first_name": "Alex",
    "billing_contact.last_name": "Bill", "billing_contact.email": "billing@acme.example.com",
    "billing_contact.phone_number": "312 555 0001", "organization_physical_address.street_address": "100 Main St",
    "organization_physical_address.city": "Chicago", "organization_physical_address.administrative_area": "IL",
    "organization_physical_address.postal_code": "60601", "organization_physical_address.country": "US",
    "billing_address.street_address": "100 Main St", "billing_address.city": "Chicago",
    "billing_address.administrative_area": "IL", "billing_address.postal_code": "60601", "billing_address.country": "US",
]

let pending = GateReport(status: "pending", loaStatus: "pending")
let approved = GateReport(status: "approved", loaStatus: "approved")
let at = Date(timeIntervalSince1970: 1_800_000_000)

/// An onboarding walked to the enable step, the signed LOA uploaded.
func walkToEnable() -> Walk {
    var walk = Walk()
    walk.on(.begin, .termsChecked(agreed: true, version: "v1.0.0"))
    walk.on(.submitEnterprise(fields: enterpriseFields), .enterpriseReady(id: "ent-1", legalName: "Acme Plumbing LLC"))
    walk.on(.renderLOA(agent: nil, signature: nil), .loaRendered(path: "/state/onb-1/loa.pdf"))
    walk.on(.useSignedLOA(path: "/tmp/signed.pdf"), .signedLOAUploaded(documentId: "doc-1"))
    return walk
}

func walkToGates() -> Walk {
    var walk = walkToEnable()
    walk.on(.chooseFrequency(.weekly, plannedNumbers: 100), .confirm, .reputationEnabled(pending))
    return walk
}

func walkToAssociate() -> Walk {
    var walk = walkToGates()
    walk.on(.gatesChecked(approved, at: at))
    return walk
}

@Suite struct TermsAndEnterpriseSteps {
    @Test func beginningAsksWhereTheTermsStand() {
        var walk = Walk()
        #expect(walk.on(.begin) == [.checkTerms])
        #expect(walk.state.inFlight == .checkTerms)
        walk.on(.termsChecked(agreed: false, version: "v1.0.0"))
        #expect(walk.state.terms == .required(version: "v1.0.0"))
        #expect(walk.state.step == .terms)
        #expect(walk.on(.agreeToTerms) == [.agreeToTerms])
        walk.on(.termsAgreed(version: "v1.0.0"))
        #expect(walk.state.step == .enterprise)
        #expect(walk.state.inFlight == nil)
    }

    @Test func termsAlreadyAgreedAreNotAskedAgain() {
        var walk = Walk()
        walk.on(.begin, .termsChecked(agreed: true, version: "v1.0.0"))
        #expect(walk.state.step == .enterprise)
        #expect(walk.on(.agreeToTerms).isEmpty)
        #expect(walk.refusals == ["The terms are already agreed."])
    }

    @Test func anInvalidEnterpriseIsNotSentAndEveryFieldIsNamed() {
        var walk = Walk()
        walk.on(.begin, .termsChecked(agreed: true, version: "v1"))
        var fields = enterpriseFields
        fields["fein"] = "12-34"
        fields["organization_contact.email"] = "nope"
        #expect(walk.on(.submitEnterprise(fields: fields)).isEmpty)
        #expect(walk.state.lastError?.fieldProblems.keys.sorted() == ["fein", "organization_contact.email"])
        #expect(walk.state.marker(for: .enterprise) == .attention)
    }

    @Test func aValidEnterpriseIsSentNormalised() throws {
        var walk = Walk()
        walk.on(.begin, .termsChecked(agreed: true, version: "v1"))
        let effects = walk.on(.submitEnterprise(fields: enterpriseFields))
        guard case .createEnterprise(let sent) = effects.first else {
            Issue.record("no create")
            return
        }
        #expect(sent["fein"] == "12-3456789")
        #expect(sent["organization_contact.phone_number"] == "+13125550000")
        #expect(sent["website"] == "https://acme.example.com")
        #expect(sent["dun_bradstreet_number"] == nil)
        #expect(walk.on(.useExistingEnterprise(id: "other", legalName: "Other")).isEmpty)
        #expect(walk.refusals.last?.hasPrefix("Waiting for") == true)
        walk.on(.enterpriseReady(id: "ent-1", legalName: "Acme Plumbing LLC"))
        #expect(walk.state.step == .loaRender)
        #expect(walk.state.enterprise == .init(id: "ent-1", legalName: "Acme Plumbing LLC"))
    }

    static func facts(_ gates: GateReport?, numbers: [String] = []) -> RemoteFacts {
        RemoteFacts(
            termsAgreed: true, termsVersion: "v1", enterpriseId: "ent-9", legalName: "Nine LLC", gates: gates,
            checkFrequency: gates == nil ? nil : .weekly, loaDocumentId: gates == nil ? nil : "doc-9", monitoredNumbers: numbers,
            numbersWithData: [])
    }

    @Test func anExistingEnterpriseCanBeChosen() {
        var walk = Walk()
        walk.on(.begin, .termsChecked(agreed: true, version: "v1"), .useExistingEnterprise(id: "ent-9", legalName: "Nine LLC"))
        #expect(walk.effects == [.checkTerms, .readEnterprise(enterpriseId: "ent-9")], "what Telnyx holds is read first")
        walk.on(.enterpriseFactsRead(Self.facts(nil)))
        #expect(walk.state.step == .loaRender)
        #expect(walk.state.enterprise == .init(id: "ent-9", legalName: "Nine LLC"))
    }

    /// An enterprise already enabled lands on its review, as `adopt` does: no $100 enable is
    /// offered that Telnyx would refuse.
    @Test func anExistingEnterpriseAlreadyEnabledLandsOnItsReview() {
        var walk = Walk()
        walk.on(.begin, .termsChecked(agreed: true, version: "v1"), .useExistingEnterprise(id: "ent-9", legalName: "Nine LLC"))
        walk.on(.enterpriseFactsRead(Self.facts(GateReport(status: "approved", loaStatus: "pending"))))
        #expect(walk.state.step == .gates)
        #expect(walk.state.reputationEnabled)
        #expect(walk.state.id == "onb-1", "the same onboarding")
        #expect(walk.state.confirmation == nil)
        var monitoring = Walk()
        monitoring.on(.begin, .termsChecked(agreed: true, version: "v1"), .useExistingEnterprise(id: "ent-9", legalName: "Nine LLC"))
        monitoring.on(.enterpriseFactsRead(Self.facts(approved, numbers: ["+13125550134"])))
        #expect(monitoring.state.step == .query)
        #expect(monitoring.state.monitoredNumbers == ["+13125550134"])
    }
}

@Suite struct LOAAndEnableSteps {
    @Test func goingBackIsAllowedOnlyWhereNothingAtTelnyxIsUndone() {
        var walk = walkToEnable()
        walk.on(.goBack)
        #expect(walk.state.step == .signAndUpload)
        #expect(walk.state.loaDocumentId == nil, "the uploaded document is not used; another is uploaded")
        walk.on(.goBack)
        #expect(walk.state.step == .loaRender)
        #expect(walk.effects.count == 4, "going back sends nothing")
        walk.on(.goBack)
        #expect(walk.state.step == .loaRender)
        #expect(walk.refusals.last?.hasPrefix("The enterprise exists at Telnyx") == true)
        walk.on(.renderLOA(agent: nil, signature: nil), .loaRendered(path: "/state/onb-1/loa-2.pdf"))
        walk.on(.useSignedLOA(path: "/tmp/signed-2.pdf"), .signedLOAUploaded(documentId: "doc-2"))
        walk.on(.chooseFrequency(.weekly, plannedNumbers: 1), .goBack)
        #expect(walk.state.step == .enable, "not while a confirmation is open")
        #expect(walk.refusals.last == "Confirm or cancel the pending charge first.")
        walk.on(.confirm, .reputationEnabled(pending))
        #expect(walk.effects.last == .enableReputation(enterpriseId: "ent-1", documentId: "doc-2", frequency: .weekly))
        walk.on(.goBack)
        #expect(walk.state.step == .gates)
        #expect(walk.refusals.last?.hasPrefix("Reputation is enabled") == true)
    }

    @Test func theLOAIsRenderedSignedAndUploaded() {
        let walk = walkToEnable()
        #expect(
            walk.effects == [
                .checkTerms,
                .createEnterprise(fields: walk.effects.compactMap { if case .createEnterprise(let f) = $0 { f } else { nil } }[0]),
                .renderLOA(enterpriseId: "ent-1", agent: nil, signature: nil), .uploadSignedLOA(path: "/tmp/signed.pdf"),
            ])
        #expect(walk.state.step == .enable)
        #expect(walk.state.renderedLOAPath == "/state/onb-1/loa.pdf")
        #expect(walk.state.loaDocumentId == "doc-1")
    }

    @Test func enablingAsksFirstWithTheCost() {
        var walk = walkToEnable()
        #expect(walk.on(.chooseFrequency(.daily, plannedNumbers: 5000)).isEmpty)
        let confirmation = walk.state.confirmation
        #expect(confirmation?.estimate.amount == .dollars(100))
        #expect(confirmation?.estimate.basis.contains("$15,100.00 a month") == true)
        #expect(walk.state.nextAction.hasPrefix("Confirm or cancel: this costs $100.00"))
        #expect(walk.on(.checkGatesNow).isEmpty)
        #expect(walk.refusals.last == "Confirm or cancel the pending charge first.")
        walk.on(.cancel)
        #expect(walk.state.confirmation == nil)
        walk.on(.chooseFrequency(.daily, plannedNumbers: 5000))
        #expect(walk.on(.confirm) == [.enableReputation(enterpriseId: "ent-1", documentId: "doc-1", frequency: .daily)])
        walk.on(.reputationEnabled(pending))
        #expect(walk.state.step == .gates)
        #expect(walk.state.isWaitingOnTelnyx)
    }

    @Test func termsFoundMissingAtEnableSendBackToStepOneAndReturn() {
        var walk = walkToEnable()
        walk.on(.chooseFrequency(.weekly, plannedNumbers: 10), .confirm)
        let enable = walk.state.inFlight!
        walk.on(.effectFailed(enable, Failure(status: 403, codes: ["10010"], message: "terms")))
        #expect(walk.state.step == .terms)
        #expect(walk.on(.agreeToTerms) == [.agreeToTerms])
        walk.on(.termsAgreed(version: "v1"))
        #expect(walk.state.step == .enable)
        #expect(walk.state.loaDocumentId == "doc-1")
    }

    @Test func alreadyEnabledIsRecognisedNotFought() {
        var walk = walkToEnable()
        walk.on(.chooseFrequency(.weekly, plannedNumbers: 10), .confirm)
        let effects = walk.on(.effectFailed(walk.state.inFlight!, Failure(status: 400, codes: ["10015"], message: "already")))
        #expect(effects == [.checkGates(enterpriseId: "ent-1")])
        #expect(walk.state.step == .gates)
        #expect(walk.state.reputationEnabled)
    }

    @Test func anExpiredUploadIsUploadedAgain() {
        var walk = walkToEnable()
        walk.on(.chooseFrequency(.weekly, plannedNumbers: 10), .confirm)
        walk.on(.effectFailed(walk.state.inFlight!, Failure(status: 422, codes: ["10005"], message: "Document not found")))
        #expect(walk.state.step == .signAndUpload)
        #expect(walk.state.loaDocumentId == nil)
        #expect(walk.on(.useSignedLOA(path: "/tmp/signed.pdf")) == [.uploadSignedLOA(path: "/tmp/signed.pdf")])
    }

    @Test func anUnknownOutcomeHoldsEverythingUntilReconciled() {
        var walk = walkToEnable()
        walk.on(.chooseFrequency(.weekly, plannedNumbers: 10), .confirm)
        let enable = walk.state.inFlight!
        walk.on(.effectFailed(enable, Failure(message: "connection lost", outcomeUnknown: true)))
        #expect(walk.state.inFlight == enable)
        #expect(walk.on(.chooseFrequency(.weekly, plannedNumbers: 10), .confirm).isEmpty)
        #expect(walk.state.nextAction.hasPrefix("Checking with Telnyx whether “enable reputation” happened"))
        #expect(walk.state.marker(for: .enable) == .current)
        walk.on(.reputationEnabled(pending))
        #expect(walk.state.step == .gates)
    }
}

@Suite struct GateSteps {
    @Test func bothApprovalsOpenStepSeven() {
        var walk = walkToGates()
        walk.on(.gatesChecked(GateReport(status: "approved", loaStatus: "pending"), at: at))
        #expect(walk.state.step == .gates)
        #expect(walk.state.marker(for: .gates) == .waiting)
        #expect(walk.state.nextAction.contains("LOA review is pending"))
        walk.on(.gatesChecked(approved, at: at))
        #expect(walk.state.step == .associate)
        #expect(walk.state.gatesCheckedAt == at)
        #expect(walk.state.marker(for: .gates) == .done)
    }

    @Test func resumingAtTheGatesChecksThem() {
        let walk = walkToGates()
        #expect(transition(walk.state, .begin).effects == [.checkGates(enterpriseId: "ent-1")])
    }

    @Test func aRejectedLOAIsReplacedWithoutBilling() {
        var walk = walkToGates()
        walk.on(.gatesChecked(GateReport(status: "approved", loaStatus: "rejected"), at: at))
        #expect(walk.state.marker(for: .gates) == .attention)
        #expect(walk.state.nextAction.contains("rejected the LOA"))
        walk.on(.startLOAReplacement)
        #expect(walk.state.step == .loaRender)
        walk.on(
            .renderLOA(agent: nil, signature: SignatureImage(path: "/sig.png", signerName: "Sam Owner")),
            .loaRendered(path: "/state/onb-1/loa-2.pdf"))
        let effects = walk.on(.useSignedLOA(path: "/tmp/signed-2.pdf"), .signedLOAUploaded(documentId: "doc-2"))
        #expect(effects == [.uploadSignedLOA(path: "/tmp/signed-2.pdf"), .replaceLOA(enterpriseId: "ent-1", documentId: "doc-2")])
        #expect(walk.state.confirmation == nil)
        walk.on(.loaReplaced(GateReport(status: "approved", loaStatus: "pending")))
        #expect(walk.state.step == .gates)
        #expect(walk.state.loaRound == .first)
    }

    @Test func anApprovedLOAIsNotReplaced() {
        var walk = walkToAssociate()
        walk.on(.startLOAReplacement)
        #expect(walk.refusals.last?.contains("an approved one cannot") == true)
    }

    @Test func aRejectedEnterpriseIsCorrectedAndSubmittedAgain() {
        var walk = walkToGates()
        let rejected = GateReport(status: "rejected", loaStatus: "approved", rejectionReasons: ["FEIN mismatch"])
        walk.on(.gatesChecked(rejected, at: at))
        #expect(walk.state.marker(for: .gates) == .attention)
        #expect(walk.on(.correctEnterprise(fields: ["organization_type": "government"])).isEmpty)
        #expect(walk.state.lastError?.fieldProblems["organization_type"] == "cannot be changed once the enterprise exists")
        // Not an identity field: Telnyx takes it while reputation is enabled.
        let update = walk.on(.correctEnterprise(fields: ["jurisdiction_of_incorporation": "Nevada"]))
        #expect(update == [.updateEnterprise(enterpriseId: "ent-1", fields: ["jurisdiction_of_incorporation": "Nevada"])])
        walk.on(.enterpriseReady(id: "ent-1", legalName: "Acme Plumbing LLC"))
        #expect(walk.state.step == .loaRender)
        #expect(walk.state.nextAction.contains("corrected enterprise"))
        walk.on(
            .renderLOA(agent: nil, signature: nil), .loaRendered(path: "/p"), .useSignedLOA(path: "/s"),
            .signedLOAUploaded(documentId: "doc-3"))
        #expect(walk.state.step == .enable)
        walk.on(.chooseFrequency(.weekly, plannedNumbers: 100))
        // The rejected registration goes first; the confirmed enable follows it.
        #expect(walk.on(.confirm) == [.disableReputation(enterpriseId: "ent-1")])
        #expect(walk.on(.reputationDisabled) == [.enableReputation(enterpriseId: "ent-1", documentId: "doc-3", frequency: .weekly)])
        walk.on(.reputationEnabled(pending))
        #expect(walk.state.step == .gates)
    }

    @Test func anIdentityCorrectionDisablesFirstAndEnablesOnceAgainBilledAgain() {
        var walk = walkToGates()
        walk.on(.gatesChecked(GateReport(status: "rejected", loaStatus: "pending", rejectionReasons: ["FEIN mismatch"]), at: at))
        #expect(walk.on(.correctEnterprise(fields: [:])).isEmpty)
        #expect(walk.refusals.last == "Nothing was changed: the enterprise is as Telnyx holds it.")
        // Telnyx refuses a new FEIN while reputation is enabled (api-notes, step 2).
        #expect(walk.on(.correctEnterprise(fields: ["fein": "987654321"])) == [.disableReputation(enterpriseId: "ent-1")])
        #expect(walk.state.queued == .updateEnterprise(enterpriseId: "ent-1", fields: ["fein": "98-7654321"]))
        #expect(walk.on(.reputationDisabled) == [.updateEnterprise(enterpriseId: "ent-1", fields: ["fein": "98-7654321"])])
        #expect(walk.state.step == .loaRender)
        #expect(!walk.state.reputationEnabled)
        #expect(walk.state.loaDocumentId == nil)
        walk.on(.enterpriseReady(id: "ent-1", legalName: "Acme Plumbing LLC"))
        #expect(walk.state.step == .loaRender)
        #expect(walk.state.loaRound == .resubmission)
        walk.on(
            .renderLOA(agent: nil, signature: nil), .loaRendered(path: "/p"), .useSignedLOA(path: "/s"),
            .signedLOAUploaded(documentId: "doc-3", sha256: "ab"))
        #expect(walk.state.uploadedLOASHA256 == "ab")
        walk.on(.chooseFrequency(.weekly, plannedNumbers: 100))
        #expect(walk.state.confirmation?.estimate.amount == .dollars(100))
        #expect(
            walk.state.confirmation?.estimate.basis.hasPrefix(
                "billed again: Telnyx reviews a corrected enterprise as a new registration; first month") == true)
        // Already disabled: the enable goes alone.
        #expect(walk.on(.confirm) == [.enableReputation(enterpriseId: "ent-1", documentId: "doc-3", frequency: .weekly)])
    }

    @Test func aFailedCorrectionCanBeCorrectedAgain() {
        var walk = walkToGates()
        walk.on(.gatesChecked(GateReport(status: "rejected", loaStatus: "pending"), at: at))
        walk.on(.correctEnterprise(fields: ["website": "https://acme.example.org"]), .reputationDisabled)
        let update = Effect.updateEnterprise(enterpriseId: "ent-1", fields: ["website": "https://acme.example.org"])
        walk.on(.effectFailed(update, Failure(status: 422, message: "1 field", fieldProblems: ["website": "unreachable"])))
        #expect(walk.state.step == .loaRender)
        #expect(
            walk.state.nextAction == "The correction has not reached Telnyx yet (1 field); correct the enterprise again (F4 in the wizard)."
        )
        walk.on(.renderLOA(agent: nil, signature: nil))
        #expect(walk.refusals.last == "The correction has not reached Telnyx yet: correct the enterprise again before rendering its LOA.")
        #expect(
            walk.on(.correctEnterprise(fields: ["website": "https://acme.example.com/about"])) == [
                .updateEnterprise(enterpriseId: "ent-1", fields: ["website": "https://acme.example.com/about"])
            ])
    }

    @Test func anLOAReplacementIsOnlyOfferedWhereTelnyxAllowsItAndCanBeLeft() {
        var walk = walkToGates()
        walk.on(.gatesChecked(GateReport(status: "rejected", loaStatus: "rejected"), at: at))
        walk.on(.startLOAReplacement)
        #expect(walk.refusals.last == "Telnyx rejected the enterprise: correct it (c); the corrected submission carries a new LOA.")
        walk.on(.gatesChecked(GateReport(status: "approved", loaStatus: "pending"), at: at))
        walk.on(.startLOAReplacement)
        #expect(walk.state.step == .loaRender)
        #expect(walk.state.nextAction == "Render a new LOA to replace the one under review (pending).")
        #expect(walk.on(.goBack).isEmpty)
        #expect(walk.state.step == .gates)
        #expect(walk.state.loaRound == .first)
    }

    @Test func theLOAIsSavedUnderANameAPersonCanFind() {
        let day = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30 UTC
        #expect(LOAFileName.name(legalName: "Acme Plumbing, LLC", day: day) == "Acme-Plumbing-LLC-LOA-2026-11-30.pdf")
        #expect(LOAFileName.name(legalName: "Ünïcode & Co. / ../etc", day: day) == "Unicode-Co-etc-LOA-2026-11-30.pdf")
        #expect(LOAFileName.name(legalName: "Café Ünïcode LLC", day: day) == "Cafe-Unicode-LLC-LOA-2026-11-30.pdf")
        #expect(LOAFileName.name(legalName: "   ", day: day) == "Enterprise-LOA-2026-11-30.pdf")
        let taken: Set = ["Acme-LOA-2026-11-30.pdf", "Acme-LOA-2026-11-30-2.pdf"]
        #expect(
            LOAFileName.name(legalName: "Acme", day: day, taken: taken.contains) == "Acme-LOA-2026-11-30-3.pdf",
            "a signed one is never replaced")
    }

    @Test func anErrorOfAnEarlierStepIsNotShownAsCurrent() {
        var walk = Walk()
        walk.on(.begin, .termsChecked(agreed: true, version: "v1.0.0"), .submitEnterprise(fields: enterpriseFields))
        let create = walk.state.inFlight!
        walk.on(.effectFailed(create, Failure(status: 409, codes: ["10021"], message: "An enterprise with this legal name exists.")))
        #expect(walk.state.lastError?.message == "An enterprise with this legal name exists.")
        walk.on(.useExistingEnterprise(id: "ent-9", legalName: "Acme Plumbing LLC"))
        walk.on(
            .enterpriseFactsRead(
                RemoteFacts(
                    termsAgreed: true, termsVersion: "v1.0.0", enterpriseId: "ent-9", legalName: "Acme Plumbing LLC", gates: nil,
                    checkFrequency: nil, loaDocumentId: nil, monitoredNumbers: [], numbersWithData: [])))
        #expect(walk.state.step == .loaRender)
        #expect(walk.state.lastError == nil, "the duplicate belonged to step 2")
        #expect(walk.state.marker(for: .loaRender) == .current)
    }

    @Test func reputationFoundDisabledGoesBackToTheLOA() {
        var walk = walkToGates()
        walk.on(.checkGatesNow)
        walk.on(.effectFailed(.checkGates(enterpriseId: "ent-1"), Failure(status: 404, codes: ["10009"], message: "not enabled")))
        #expect(walk.state.step == .loaRender)
        #expect(!walk.state.reputationEnabled)
        #expect(walk.state.loaDocumentId == nil)
    }
}

@Suite struct NumberSteps {
    @Test func addingNumbersAsksWithTheirCost() {
        var walk = walkToAssociate()
        #expect(walk.on(.addNumbers(["+13125550134", "+13125550135", "+13125550134"])).isEmpty)
        #expect(walk.state.confirmation?.estimate.description == "$0.20 (2 numbers × $0.10)")
        let effects = walk.on(.confirm)
        #expect(effects == [.associateNumbers(enterpriseId: "ent-1", numbers: ["+13125550134", "+13125550135"])])
        walk.on(.numbersAssociated(["+13125550134", "+13125550135"]))
        #expect(walk.state.step == .query)
        walk.on(.addNumbers(["+13125550134"]))
        #expect(walk.refusals.last == "All these numbers are already monitored.")
    }

    @Test func numbersWaitForBothApprovals() {
        var walk = walkToGates()
        walk.on(.addNumbers(["+13125550134"]))
        #expect(walk.refusals.last?.contains("approves both") == true)
    }

    @Test func cachedQueriesAreFreeAndLiveOnesAsk() {
        var walk = walkToAssociate()
        walk.on(.addNumbers(["+13125550134", "+13125550135"]), .confirm, .numbersAssociated(["+13125550134", "+13125550135"]))
        walk.on(.query(numbers: ["+13125550134", "+13125550135"], fresh: false))
        #expect(walk.state.confirmation?.estimate.description == "$0.20 (2 live checks × $0.10)")
        walk.on(.confirm, .numbersQueried(["+13125550134", "+13125550135"]))
        #expect(walk.state.step == .manage)
        #expect(walk.state.isComplete)
        let cached = walk.on(.query(numbers: ["+13125550134"], fresh: false))
        #expect(cached == [.queryNumbers(enterpriseId: "ent-1", numbers: ["+13125550134"], fresh: false)])
        walk.on(.numbersQueried(["+13125550134"]))
        walk.on(.query(numbers: ["+13125550134"], fresh: true))
        #expect(walk.state.confirmation?.action == .query(numbers: ["+13125550134"], fresh: true, billed: ["+13125550134"]))
    }

    @Test func managingNumbersAndFrequency() {
        var walk = walkToAssociate()
        walk.on(.addNumbers(["+13125550134", "+13125550135"]), .confirm, .numbersAssociated(["+13125550134", "+13125550135"]))
        walk.on(.refresh(["+13125550134"]))
        #expect(walk.state.confirmation?.estimate.amount == Money(cents: 10))
        walk.on(.confirm, .numbersRefreshed(succeeded: [], failed: ["+13125550134"]))
        #expect(walk.state.lastError?.message.contains("could not be refreshed") == true)
        // A frequency change, a removal and a disable each ask first, with what they mean for the bill.
        walk.on(.changeFrequency(.weekly))
        #expect(walk.refusals.last == "Numbers are already checked every week.")
        #expect(walk.on(.changeFrequency(.monthly)).isEmpty)
        #expect(
            walk.state.confirmation
                == PendingConfirmation(
                    action: .changeFrequency(from: .weekly, to: .monthly, monitored: 2),
                    estimate: CostEstimate(
                        amount: .zero,
                        basis:
                            "nothing now; then about $100.20 a month instead of $100.87: $100.00 monitoring + 2 numbers checked every month at $0.10 = $0.20 a month"
                    )))
        #expect(walk.on(.confirm) == [.changeFrequency(enterpriseId: "ent-1", frequency: .monthly)])
        walk.on(.frequencyChanged(.monthly))
        #expect(walk.state.checkFrequency == .monthly)
        #expect(walk.on(.removeNumbers(["+13125550134", "+19999999999"])).isEmpty)
        #expect(walk.state.confirmation?.action == .remove(numbers: ["+13125550134"]))
        #expect(walk.state.confirmation?.estimate.description == "$0.00 (not billed; adding it back is billed again at $0.10 a number)")
        walk.on(.cancel)
        #expect(walk.state.monitoredNumbers.count == 2, "cancelled: nothing removed")
        walk.on(.removeNumbers(["+13125550134"]))
        #expect(walk.on(.confirm) == [.removeNumbers(enterpriseId: "ent-1", numbers: ["+13125550134"])])
        walk.on(.numbersRemoved(["+13125550134"]))
        #expect(walk.state.monitoredNumbers == ["+13125550135"])
        #expect(walk.on(.disable).isEmpty)
        #expect(walk.state.confirmation?.action == .disable(monitored: 1))
        #expect(walk.on(.confirm) == [.disableReputation(enterpriseId: "ent-1")])
        walk.on(.reputationDisabled)
        #expect(walk.state.monitoredNumbers.isEmpty)
        #expect(walk.state.step == .loaRender)
    }

    @Test func disabledIsAStateOfItsOwnLeftOnlyByChoosingToEnableAgain() {
        var walk = walkToAssociate()
        walk.on(.addNumbers(["+13125550134", "+13125550135"]), .confirm, .numbersAssociated(["+13125550134", "+13125550135"]))
        walk.on(.disable, .confirm, .reputationDisabled)
        #expect(walk.state.disabledReputation == .init(numbersDropped: 2, outsideWizard: false))
        #expect(walk.state.marker(for: walk.state.step) == .disabled)
        #expect(
            walk.state.nextAction
                == "Reputation is disabled (2 numbers dropped). To monitor again, choose to enable it again: a newly signed LOA, then the enable, billed $100.00 a month."
        )
        #expect(walk.on(.renderLOA(agent: nil, signature: nil)).isEmpty)
        #expect(walk.refusals.last == "Reputation is disabled: choose to enable it again first (it is billed again once enabled).")
        walk.on(.enableAgain)
        #expect(walk.state.disabledReputation == nil)
        #expect(walk.state.marker(for: .loaRender) == .current)
        #expect(walk.on(.renderLOA(agent: nil, signature: nil)) == [.renderLOA(enterpriseId: "ent-1", agent: nil, signature: nil)])
        walk.on(
            .loaRendered(path: "/p2"), .useSignedLOA(path: "/s2"), .signedLOAUploaded(documentId: "doc-2"),
            .chooseFrequency(.weekly, plannedNumbers: 2))
        #expect(
            walk.state.confirmation?.estimate.basis.hasPrefix("billed again: reputation was enabled before and disabled; first month")
                == true)
        walk.on(.confirm, .reputationEnabled(pending))
        #expect(walk.state.enablingAgain == nil)
    }

    @Test func reputationFoundDisabledAtTelnyxIsSaidSo() {
        var walk = walkToAssociate()
        walk.on(.checkGatesNow)
        walk.on(.effectFailed(.checkGates(enterpriseId: "ent-1"), Failure(status: 404, codes: ["10009"], message: "not enabled")))
        #expect(walk.state.disabledReputation == .init(numbersDropped: 0, outsideWizard: true))
        #expect(walk.state.step == .loaRender)
    }

    @Test func frequencyWhilePendingIsExplainedNotSent() {
        var walk = walkToGates()
        #expect(walk.on(.changeFrequency(.daily)).isEmpty)
        #expect(walk.refusals.last?.contains("once Telnyx approves the enterprise; it is pending now") == true)
    }
}
