import Foundation
import Onboarding
import TelnyxAPI

extension NonInteractiveRun {
    enum ProofOutcome {
        /// Sent, or nothing to do now: the run goes on.
        case goOn
        /// The review was waited on (`--wait`) until it decided.
        case waited
        /// No proof was ever sent and the answers give none: those numbers stay set aside, the
        /// run goes on with the others, then stops for the input (`needed` says which, 10).
        case notAsked(needed: String)
        case stop(Stop)
    }

    /// Numbers of the answers hosted at other carriers (`waiting`) need the enterprise's
    /// ownership proof: it is sent from `ownership_proof` when none is under review, waited on
    /// with `--wait`, or the run stops saying what it waits for (11), what Telnyx rejected (13)
    /// or what is wrong with the documents (10). Answers that never give one leave those numbers
    /// set aside, and the run ends asking for `ownership_proof` (10) once the others are
    /// monitored. Nothing here is billed.
    func ownershipProof(for waiting: [String], _ engine: OnboardingEngine, asked: inout Bool) async throws -> ProofOutcome {
        // A review under way is read from Telnyx once a run: it is the only way out of waiting.
        if !asked, await engine.state.gates?.ownershipProofPending == true {
            asked = true
            try await engine.send(.checkGatesNow)
        }
        let state = await engine.state
        let held =
            "\(waiting.count) \(waiting.count == 1 ? "number" : "numbers") of the answers (\(Effect.sample(waiting))) \(waiting.count == 1 ? "is" : "are") hosted at other carriers"
        let rejection = state.gates?.externalVerificationRejection.map { [$0] } ?? []
        switch state.gates?.externalVerificationStatus {
        case .approved?:
            return .goOn
        case .pending?, .other?:
            guard wait else {
                return .stop(
                    .waitingOnTelnyx(
                        "Waiting on Telnyx's review of the ownership proof: \(held) and wait on it. Run again later, or with --wait."))
            }
            let (pause, progress) = (self.pause, self.progress)
            try await GatePoller(engine: engine, schedule: schedule) { delay in
                progress("waiting \(Int(delay)) s before checking the ownership proof's review again")
                try await pause(delay)
            }.run()
            return .waited
        case nil, .rejected?, .deleted?:
            let documents = answers.ownershipProof ?? []
            let rejected = state.gates?.externalVerificationStatus == .rejected
            guard !documents.isEmpty else {
                if rejected {
                    return .stop(
                        .rejected(
                            what: "ownership proof", reasons: rejection,
                            fix:
                                "Give new evidence as ownership_proof (a recent carrier invoice or statement that shows the numbers) and run again; it replaces the rejected proof (not billed)."
                        ))
                }
                return .notAsked(
                    needed:
                        "ownership_proof: \(held) and not monitored: Telnyx monitors them once the enterprise's ownership proof is approved. To send it, give ownership_proof: the paths of a carrier invoice or statement that shows them (PDF, PNG or JPEG; not billed)."
                )
            }
            progress("sending the ownership proof (\(documents.count) \(documents.count == 1 ? "document" : "documents")): \(held)")
            if let refusal = try await engine.send(.submitOwnershipProof(documents: documents, numbers: waiting)) {
                return .stop(.error(refusal))
            }
            let after = await engine.state
            if let problem = after.lastError?.fieldProblems["ownership_proof"] {
                if rejected && problem == OnboardingEngine.sameEvidence {
                    return .stop(
                        .rejected(
                            what: "ownership proof", reasons: rejection,
                            fix:
                                "ownership_proof names the documents Telnyx rejected; give new evidence (a recent carrier invoice or statement that shows the numbers) and run again."
                        ))
                }
                return .stop(.inputNeeded("ownership_proof: \(problem)"))
            }
            return .goOn
        }
    }
}
