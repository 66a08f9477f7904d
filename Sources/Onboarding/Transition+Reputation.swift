import Foundation

/// Steps 5, 6 and 9's switches: enabling (confirmed and billed), the reviews, going back, disabling and enabling again, a failed effect.
extension Decision {
    mutating func onChooseFrequency(frequency: CheckFrequency, plannedNumbers: Int) -> Transition {
        guard state.step == .enable, state.loaDocumentId != nil else { return refuse("Upload the signed LOA first (step 4).") }
        next.checkFrequency = frequency
        return ask(.enable(frequency: frequency, plannedNumbers: max(0, plannedNumbers)))
    }

    mutating func onConfirm(overBudget: Bool = false) -> Transition {
        guard let confirmation = state.confirmation else { return refuse("There is nothing to confirm.") }
        if let budget = confirmation.budget, budget.passes, !overBudget {
            return refuse("\(budget.budgetSaid ?? "This passes the monthly budget.") Go over it explicitly, or cancel.")
        }
        next.confirmation = nil
        guard let enterprise = state.enterprise else { return refuse("There is no enterprise yet.") }
        switch confirmation.action {
        case .enable(let frequency, _):
            guard let documentId = state.loaDocumentId else { return refuse("Upload the signed LOA first (step 4).") }
            let enable = Effect.enableReputation(enterpriseId: enterprise.id, documentId: documentId, frequency: frequency)
            if state.loaRound == .resubmission && state.reputationEnabled {
                // The rejected registration must go before a new one can be made.
                next.queued = enable
                return send(.disableReputation(enterpriseId: enterprise.id))
            }
            return send(enable)
        case .associate(let numbers):
            return send(.associateNumbers(enterpriseId: enterprise.id, numbers: numbers))
        case .query(let numbers, let fresh, _):
            return send(.queryNumbers(enterpriseId: enterprise.id, numbers: numbers, fresh: fresh))
        case .refresh(let numbers):
            return send(.refreshNumbers(enterpriseId: enterprise.id, numbers: numbers))
        case .remove(let numbers):
            return send(.removeNumbers(enterpriseId: enterprise.id, numbers: numbers))
        case .changeFrequency(_, let frequency, _):
            return send(.changeFrequency(enterpriseId: enterprise.id, frequency: frequency))
        case .disable:
            return send(.disableReputation(enterpriseId: enterprise.id))
        case .remediate(let numbers, let callPurpose, let contactEmail):
            return send(
                .submitRemediation(enterpriseId: enterprise.id, numbers: numbers, callPurpose: callPurpose, contactEmail: contactEmail))
        }
    }

    mutating func onCancel() -> Transition {
        next.confirmation = nil
        return stay()
    }

    mutating func onReputationEnabled(report: GateReport) -> Transition {
        next.reputationEnabled = true
        next.enablingAgain = nil
        next.submittedLOASHA256 = state.uploadedLOASHA256
        next.gates = report
        next.loaRound = .first
        next.step = .gates
        return settle() ?? stay()
    }

    mutating func onCheckGatesNow() -> Transition {
        guard let enterprise = state.enterprise, state.reputationEnabled else {
            return refuse("Telnyx reviews an enterprise once reputation is enabled (step 5).")
        }
        return send(.checkGates(enterpriseId: enterprise.id))
    }

    mutating func onGatesChecked(report: GateReport, at: Date) -> Transition {
        next.gates = report
        if report.vettingRejected { next.lastVettingRejection = report.rejectionReasons }
        if report.status == "approved" { next.lastVettingRejection = nil }
        next.gatesCheckedAt = at
        if next.step == .gates && report.bothApproved { next.step = .associate }
        return settle() ?? stay()
    }

    mutating func onGoBack() -> Transition {
        guard state.inFlight == nil else { return refuse("Wait until what is under way is done, then go back.") }
        switch state.step {
        case .signAndUpload:
            // Rendering again is free and changes nothing at Telnyx.
            next.step = .loaRender
        case .enable:
            // The uploaded document goes unused (Telnyx deletes it after 30 minutes); another is uploaded.
            next.step = .signAndUpload
            next.loaDocumentId = nil
        case .terms: return refuse("This is the first step.")
        case .enterprise: return refuse("The terms are agreed for the account; there is nothing to go back to.")
        case .loaRender where state.loaRound == .replacement:
            // Nothing was sent yet: the LOA under review stays as it was.
            next.step = .gates
            next.loaRound = .first
        case .loaRender:
            return refuse("The enterprise exists at Telnyx and stays this onboarding's; a rejected vetting is corrected at step 6.")
        case .gates: return refuse("Reputation is enabled, so the steps before are done; a rejected or pending LOA is replaced with l.")
        case .associate, .query, .manage: return refuse("Reputation is enabled, so the steps before are done.")
        }
        next.lastError = nil
        return stay()
    }

    mutating func onReputationDisabled() -> Transition {
        next.reputationEnabled = false
        next.gates = nil
        next.monitoredNumbers = []
        next.queriedNumbers = []
        next.readWithoutData = nil
        if case .updateEnterprise? = state.queued, state.loaRound == .resubmission {
            // Disabled so that a correction of identity fields can go through: the update next,
            // then a new LOA for the corrected enterprise.
            next.step = .loaRender
        }
        if let resumed = settle(), !resumed.effects.isEmpty { return resumed }
        // Disabled for good, not on the way to a correction: a state of its own until enabled again.
        if case .disableReputation? = state.inFlight, state.loaRound != .resubmission {
            next.disabledReputation = .init(numbersDropped: state.monitoredNumbers.count, outsideWizard: false)
        }
        // Enabling again needs a newly signed LOA.
        next.loaRound = .first
        next.loaDocumentId = nil
        next.step = .loaRender
        return stay()
    }

    mutating func onEnableAgain() -> Transition {
        guard state.disabledReputation != nil else { return refuse("Reputation is not disabled.") }
        next.disabledReputation = nil
        next.enablingAgain = true
        next.loaRound = .first
        next.step = .loaRender
        return stay()
    }

    mutating func onDisable() -> Transition {
        guard state.enterprise != nil, state.reputationEnabled else { return refuse("Reputation is not enabled.") }
        return ask(.disable(monitored: state.monitoredNumbers.count))
    }

    mutating func onEffectFailed(effect: Effect, failure: Failure) -> Transition {
        // A failure of something no longer in flight is old news: keep it for the record only.
        guard event.answers(state.inFlight) else {
            next.lastError = failure
            return stay()
        }
        return failed(next, effect, failure)
    }
}
