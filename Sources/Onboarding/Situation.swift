/// How a step looks in the step list: at a glance, where an onboarding stands.
public enum StepMarker: String, Codable, Sendable {
    case done
    case current
    /// Waiting on Telnyx's reviewers; nothing for the person to do.
    case waiting
    /// Needs the person: a rejection, or an error to deal with.
    case attention
    /// Reputation is disabled: nothing is monitored until the person chooses to enable it again.
    case disabled
    case notReached = "not reached"
}

extension OnboardingState {
    public func marker(for step: Step) -> StepMarker {
        if step < self.step { return .done }
        if step > self.step { return .notReached }
        if disabledReputation != nil { return .disabled }
        if step == .gates, let gates {
            if gates.vettingRejected || gates.loaRejected { return .attention }
            if !gates.bothApproved { return .waiting }
        }
        if let lastError, !lastError.outcomeUnknown { return .attention }
        return .current
    }

    /// Whether the enterprise can be corrected now: Telnyx rejected its vetting (step 6), or a
    /// correction is being submitted again and its new LOA is not enabled yet (steps 3 to 5).
    public var canCorrectEnterprise: Bool {
        if step == .gates && gates?.vettingRejected == true { return true }
        return loaRound == .resubmission && [.loaRender, .signAndUpload, .enable].contains(step)
    }

    /// Whether Telnyx lets the LOA be replaced now: reputation enabled, the LOA pending or
    /// rejected (api-notes, step 6), and the enterprise not rejected (its correction carries a
    /// new LOA).
    public var canReplaceLOA: Bool {
        guard reputationEnabled, step == .gates, let gates else { return false }
        return ["pending", "rejected"].contains(gates.loaStatus) && !gates.vettingRejected
    }

    /// Whether an ownership proof can be sent now: reputation enabled (and not disabled), and no
    /// proof approved (an approved one is frozen).
    public var canSendOwnershipProof: Bool {
        reputationEnabled && disabledReputation == nil && enterprise != nil && gates?.externalVerificationStatus != .approved
    }

    /// Waiting on Telnyx's human review, which can take days.
    public var isWaitingOnTelnyx: Bool { marker(for: step) == .waiting }

    /// What should happen next, in one sentence a person or support can act on.
    public var nextAction: String {
        if let inFlight {
            if lastError?.outcomeUnknown == true {
                return "Checking with Telnyx whether “\(inFlight.name)” happened before anything is sent again."
            }
            return "Waiting for “\(inFlight.name)” to finish."
        }
        if let confirmation {
            return "Confirm or cancel: this costs \(confirmation.estimate)."
        }
        switch step {
        case .terms:
            return "Agree to the Number Reputation terms of service (https://telnyx.com/terms/reputation-services)."
        case .enterprise:
            return "Create the enterprise (its business details) or choose one the account already has."
        case .loaRender where disabledReputation != nil:
            let dropped = disabledReputation!.numbersDropped
            return
                "Reputation is disabled (\(dropped) \(dropped == 1 ? "number" : "numbers") dropped). To monitor again, choose to enable it again: "
                + "a newly signed LOA, then the enable, billed \(prices.monitoringPerMonth) a month."
        case .loaRender:
            switch loaRound {
            case .first: return "Render the letter of authorization (LOA) for \(enterprise?.legalName ?? "the enterprise")."
            case .replacement:
                let which = gates?.loaRejected == true ? "rejected" : "one under review (\(gates?.loaStatus ?? "pending"))"
                return "Render a new LOA to replace the \(which)."
            case .resubmission:
                if pendingCorrection != nil {
                    let why = lastError.map { " (\($0.message))" } ?? ""
                    return "The correction has not reached Telnyx yet\(why); correct the enterprise again (F4 in the wizard)."
                }
                return "Render a new LOA for the corrected enterprise, to submit it again."
            }
        case .signAndUpload:
            return "Sign the LOA\(renderedLOAPath.map { " at \($0)" } ?? "") and give the path of the signed PDF."
        case .enable:
            return "Choose how often numbers are checked and enable reputation (billed: \(prices.monitoringPerMonth) a month)."
        case .gates:
            guard let gates else { return "Check where Telnyx's review stands." }
            if gates.vettingRejected {
                return "Telnyx rejected the enterprise: correct it as the reasons say, then submit again with a new LOA."
            }
            if gates.loaRejected { return "Telnyx rejected the LOA: render, sign and upload a replacement." }
            let proof = gates.externalVerificationStatus.map { ", ownership proof is \(RemoteText.sanitized($0.rawValue))" } ?? ""
            return
                "Waiting on Telnyx: vetting is \(gates.status), LOA review is \(gates.loaStatus)\(proof). Nothing to do until they decide."
        case .associate:
            return "Add the US phone numbers to monitor." + ownershipProofSentence
        case .query:
            let count = monitoredNumbers.count
            return "Check the reputation of the \(count == 1 ? "monitored number" : "\(count) monitored numbers")." + ownershipProofSentence
        case .manage:
            let complete =
                "Onboarding complete: \(monitoredNumbers.count) \(monitoredNumbers.count == 1 ? "number" : "numbers") monitored \(checkFrequency.label)."
                + ownershipProofSentence
            // Telnyx's ownership question is what to do next, before its deadline.
            guard let notices = ownershipNotices, !notices.isEmpty else { return complete }
            let deadline = notices.compactMap(\.confirmBy).min().map { " by \(ReportTime.stamp($0))" } ?? ""
            return
                "Answer Telnyx's ownership question for \(notices.count) \(notices.count == 1 ? "number" : "numbers")\(deadline): `confirm-ownership` those still yours, remove the others. \(complete)"
        }
    }
}

extension OnboardingState {
    /// Where the ownership proof stands once the person has something to know or do about it
    /// (reviewed, or rejected), with a leading space; empty otherwise (none sent, or approved).
    var ownershipProofSentence: String {
        guard let gates, let status = gates.externalVerificationStatus else { return "" }
        if status == .rejected {
            let reason = gates.externalVerificationRejection.map { " (\(RemoteText.clause($0)))" } ?? ""
            return
                " Telnyx rejected the ownership proof\(reason): send new evidence for the numbers hosted at other carriers (P in the wizard, `ownership_proof` in the answers)."
        }
        return gates.ownershipProofPending
            ? " Telnyx reviews the ownership proof (\(RemoteText.sanitized(status.rawValue))); numbers hosted at other carriers wait on it."
            : ""
    }
}
