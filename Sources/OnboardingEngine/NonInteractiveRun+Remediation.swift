import Foundation
import Onboarding

extension NonInteractiveRun {
    /// What became of the answers' `remediation` in this run.
    enum RemediationOutcome {
        /// Nothing to send (every number sent already), or sent: the run goes on.
        case goOn
        /// A confirmation to make, or a stop (10 for a wrong answer, 12 without `--yes`).
        case decided(Decision)
    }

    /// The answers' remediation, once the numbers are monitored: a wrong answer is named by its
    /// field (10) before anything is asked of Telnyx; numbers already sent (under way, or in the
    /// last 30 days) are left out, and when none is left the run goes on without a word more
    /// than a note; the rest is decided like any billed action (12 without `--yes`).
    func remediation(
        _ wanted: RunAnswers.Remediation, _ engine: OnboardingEngine, decided: inout Set<Step>
    ) async throws -> RemediationOutcome {
        var numbers: [String] = []
        for text in wanted.numbers {
            do {
                numbers.append(try USPhoneNumber(text).e164)
            } catch {
                return .decided(.stop(.inputNeeded("remediation.numbers: '\(RemoteText.sanitized(text))' \(error)")))
            }
        }
        let state = await engine.state
        let monitored = Set(state.monitoredNumbers)
        let unmonitored = numbers.filter { !monitored.contains($0) }
        guard unmonitored.isEmpty, !numbers.isEmpty else {
            return .decided(
                .stop(
                    .inputNeeded(
                        numbers.isEmpty
                            ? "remediation.numbers: name the monitored numbers to send"
                            : "remediation.numbers: \(Effect.sample(unmonitored)) \(unmonitored.count == 1 ? "is" : "are") not monitored; only monitored numbers can be sent"
                    )))
        }
        if let problem = CallPurpose.problem(wanted.callPurpose) {
            return .decided(.stop(.inputNeeded("remediation.call_purpose: \(problem)")))
        }
        if let email = wanted.contactEmail?.trimmingCharacters(in: .whitespaces), !email.isEmpty, !EmailAddress.looksValid(email) {
            return .decided(
                .stop(.inputNeeded("remediation.contact_email: \(RemoteText.sanitized(email)) is not an email address (name@example.com)")))
        }
        // Sent already (a repeated run): not sent, not billed again.
        let setAside = await engine.remediationSetAside(numbers)
        let underWay = state.numbersUnderRemediation
        let sending = numbers.filter { setAside[$0] == nil && !underWay.contains($0) }
        guard !sending.isEmpty else {
            progress("note: remediation: every number of the answers was sent already (\(Effect.sample(numbers))); nothing is sent again")
            return .goOn
        }
        let event = Event.remediate(
            numbers: numbers, callPurpose: wanted.callPurpose, contactEmail: wanted.contactEmail, setAside: setAside)
        return .decided(
            try await decide(
                event, at: .manage, engine, decided: &decided,
                what: "sending \(sending.count) \(sending.count == 1 ? "number" : "numbers") to remediation"))
    }
}
