import Foundation

/// Step 2: creating, choosing or correcting the enterprise.
extension Decision {
    mutating func onUseExistingEnterprise(id: String) -> Transition {
        guard state.step == .enterprise else { return refuse("The enterprise is chosen at step 2.") }
        // What Telnyx holds decides the step, as `adopt` does: an enterprise already enabled is
        // never offered a $100 enable that Telnyx would refuse.
        return send(.readEnterprise(enterpriseId: id))
    }

    mutating func onEnterpriseFactsRead(facts: RemoteFacts) -> Transition {
        guard event.answers(state.inFlight), state.step == .enterprise else { return stay() }
        var landed = OnboardingState.adopting(facts, id: state.id, prices: state.prices)
        landed.inFlight = nil
        next = landed
        return settle() ?? stay()
    }

    mutating func onSubmitEnterprise(fields: [String: String]) -> Transition {
        guard state.step == .enterprise, state.enterprise == nil else { return refuse("The enterprise is already created.") }
        switch normalizedEnterprise(fields, partial: false) {
        case .failure(let failure):
            next.lastError = failure
            return stay()
        case .success(let normalized):
            return send(.createEnterprise(fields: normalized))
        }
    }

    mutating func onEnterpriseReady(id: String, legalName: String) -> Transition {
        next.enterprise = .init(id: id, legalName: legalName)
        next.pendingCorrection = nil
        if next.step == .enterprise || next.loaRound == .resubmission { next.step = .loaRender }
        return settle() ?? stay()
    }

    mutating func onCorrectEnterprise(fields: [String: String]) -> Transition {
        guard let enterprise = state.enterprise, state.canCorrectEnterprise else {
            return refuse("The enterprise is corrected after Telnyx rejects its vetting.")
        }
        guard !fields.isEmpty else { return refuse("Nothing was changed: the enterprise is as Telnyx holds it.") }
        switch normalizedEnterprise(fields, partial: true) {
        case .failure(let failure):
            next.lastError = failure
            return stay()
        case .success(let normalized):
            next.loaRound = .resubmission
            next.pendingCorrection = normalized
            let update = Effect.updateEnterprise(enterpriseId: enterprise.id, fields: normalized)
            if EnterpriseCorrection.path(changing: normalized.keys, reputationEnabled: state.reputationEnabled) == .disableThenUpdate {
                // Telnyx refuses new identity fields while reputation is enabled (api-notes, step 2).
                next.loaDocumentId = nil
                next.queued = update
                return send(.disableReputation(enterpriseId: enterprise.id))
            }
            return send(update)
        }
    }
}
