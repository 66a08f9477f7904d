import Foundation

/// The enterprise's ownership proof: the evidence that lets Telnyx monitor numbers hosted at
/// other carriers (api-notes, since SDK 4.189.0). Reviewed beside vetting and the LOA, but
/// needed only for those numbers: numbers in the account's inventory go ahead without it.
extension Decision {
    /// Free. Refused before reputation is enabled (the proof is a setting of the enterprise's
    /// reputation) and once Telnyx approved a proof (an approved proof is frozen).
    mutating func onSubmitOwnershipProof(documents: [String], numbers: [String]) -> Transition {
        guard let enterprise = state.enterprise, state.reputationEnabled else {
            return refuse(
                "The ownership proof is sent once reputation is enabled (step 5); Telnyx reviews it beside the enterprise and the LOA.")
        }
        guard !documents.isEmpty else {
            return refuse(
                "Give the path of at least one document: a carrier invoice or statement that shows the numbers (PDF, PNG or JPEG).")
        }
        if state.gates?.externalVerificationStatus == .approved {
            return refuse(
                "Telnyx approved the ownership proof; an approved proof cannot be replaced, and numbers hosted at other carriers can be added."
            )
        }
        return send(.submitOwnershipProof(enterpriseId: enterprise.id, documents: documents, numbers: numbers))
    }

    mutating func onOwnershipProofSubmitted(status: ReviewStatus, sha256: [String]) -> Transition {
        next.gates?.externalVerificationStatus = status
        next.gates?.externalVerificationRejection = nil
        next.submittedProofSHA256 = sha256
        if case .submitOwnershipProof(_, let documents, _)? = state.inFlight { next.submittedProofPaths = documents }
        return settle() ?? stay()
    }
}
