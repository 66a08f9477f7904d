import Foundation

/// Steps 3 and 4, and a replacement LOA: rendering, signing and uploading.
extension Decision {
    mutating func onRenderLOA(agent: [String: String]?, signature: SignatureImage?) -> Transition {
        guard let enterprise = state.enterprise, [.loaRender, .signAndUpload].contains(state.step) else {
            return refuse("The LOA is rendered once the enterprise exists (step 3).")
        }
        if state.pendingCorrection != nil {
            return refuse("The correction has not reached Telnyx yet: correct the enterprise again before rendering its LOA.")
        }
        if state.disabledReputation != nil {
            return refuse("Reputation is disabled: choose to enable it again first (it is billed again once enabled).")
        }
        return send(.renderLOA(enterpriseId: enterprise.id, agent: agent, signature: signature))
    }

    mutating func onLoaRendered(path: String) -> Transition {
        next.renderedLOAPath = path
        if case .renderLOA(_, _, let signature)? = state.inFlight { next.renderedLOASigned = signature != nil }
        if next.step == .loaRender { next.step = .signAndUpload }
        return settle() ?? stay()
    }

    mutating func onUseSignedLOA(path: String) -> Transition {
        guard state.step == .signAndUpload else { return refuse("Render the LOA first (step 3).") }
        next.signedLOAPath = path
        return send(.uploadSignedLOA(path: path))
    }

    mutating func onSignedLOAUploaded(documentId: String, sha256: String?) -> Transition {
        next.loaDocumentId = documentId
        if let sha256 { next.uploadedLOASHA256 = sha256 }
        guard event.answers(state.inFlight) else { return stay() }
        next.inFlight = nil
        // A lost answer found again by reading Telnyx: "no answer" is no longer the news.
        if next.lastError == state.lastError, state.lastError?.outcomeUnknown == true { next.lastError = nil }
        if next.loaRound == .replacement, let enterprise = next.enterprise {
            return send(.replaceLOA(enterpriseId: enterprise.id, documentId: documentId))
        }
        next.step = .enable
        return stay()
    }

    mutating func onStartLOAReplacement() -> Transition {
        guard state.reputationEnabled, state.step == .gates, let gates = state.gates, gates.loaStatus != "approved" else {
            return refuse("Only a rejected or pending LOA can be replaced, once reputation is enabled; an approved one cannot.")
        }
        guard !gates.vettingRejected else {
            return refuse("Telnyx rejected the enterprise: correct it (c); the corrected submission carries a new LOA.")
        }
        next.loaRound = .replacement
        next.step = .loaRender
        return stay()
    }

    mutating func onLoaReplaced(report: GateReport) -> Transition {
        next.gates = report
        next.submittedLOASHA256 = state.uploadedLOASHA256
        next.loaRound = .first
        next.step = .gates
        return settle() ?? stay()
    }
}
