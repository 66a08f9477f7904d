import Foundation

/// Remediation: flagged numbers sent to the carriers for review, $1.00 a number sent, at most
/// 2,000 a request (api-notes, since SDK 4.189.0). Billable, so confirmed first with its
/// estimate; numbers already in an unfinished request are set aside (Telnyx refuses the whole
/// request for one of them: 409).
extension Decision {
    mutating func onRemediate(numbers: [String], callPurpose: String, contactEmail: String?, setAside: [String: String]) -> Transition {
        guard state.enterprise != nil, state.reputationEnabled, state.gates?.bothApproved == true else {
            return refuse("Remediation is for monitored numbers, once Telnyx approves the enterprise and the LOA.")
        }
        let purpose = callPurpose.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = CallPurpose.problem(purpose) { return refuse("call_purpose: \(problem) The carriers' reviewers read it.") }
        let email = contactEmail?.trimmingCharacters(in: .whitespaces)
        if let email, !email.isEmpty, !EmailAddress.looksValid(email) {
            return refuse("contact_email: \(RemoteText.sanitized(email)) is not an email address (name@example.com).")
        }
        let monitored = Set(state.monitoredNumbers)
        let unmonitored = numbers.filter { !monitored.contains($0) }
        guard unmonitored.isEmpty else {
            return refuse(
                "Only monitored numbers can be sent to remediation: \(Effect.sample(unmonitored)) \(unmonitored.count == 1 ? "is" : "are") not."
            )
        }
        let underWay = state.numbersUnderRemediation
        var aside = setAside
        for number in numbers where underWay.contains(number) { aside[number] = "in a remediation request still under way" }
        var seen = Set<String>()
        let sending = numbers.filter { aside[$0] == nil && seen.insert($0).inserted }
        guard !sending.isEmpty else {
            return refuse(
                numbers.isEmpty ? "Choose the numbers to send to remediation." : "No number can be sent: \(SetAsideNumbers.summary(aside))."
            )
        }
        return ask(
            .remediate(numbers: sending, callPurpose: purpose, contactEmail: email?.isEmpty == false ? email : nil),
            setAside: SetAsideNumbers(aside))
    }

    mutating func onRemediationsSubmitted(records: [RemediationRecord]) -> Transition {
        next.remediations = (state.remediations ?? []) + records
        let sent = Set(records.flatMap(\.numbers))
        var left: [String] = []
        if case .submitRemediation(_, let numbers, _, _)? = state.inFlight { left = numbers.filter { !sent.contains($0) } }
        return settled(
            leaving: left,
            "\(left.count) of \(left.count + sent.count) numbers were not sent to remediation (their request failed): \(Effect.sample(left)); send them again."
        )
    }

    /// Free: reads the requests Telnyx has not finished with.
    mutating func onCheckRemediationsNow() -> Transition {
        guard let enterprise = state.enterprise else { return refuse("There is no enterprise yet.") }
        let open = (state.remediations ?? []).filter { !$0.isFinished }.map(\.id)
        guard !open.isEmpty else { return refuse("No remediation request is under way.") }
        return send(.readRemediations(enterpriseId: enterprise.id, ids: open))
    }

    mutating func onRemediationsRead(records: [RemediationRecord]) -> Transition {
        let read = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        next.remediations = state.remediations?.map { read[$0.id] ?? $0 }
        return settle() ?? stay()
    }
}
