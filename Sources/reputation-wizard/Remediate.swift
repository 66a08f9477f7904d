import ArgumentParser
import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore

/// `remediate [--id ID] --call-purpose TEXT [--contact-email EMAIL] [--yes] NUMBER...`: sends
/// monitored numbers to remediation through the onboarding's engine (billed $1.00 a number,
/// confirmed first, journaled, audited, reconciled after a lost answer).
struct Remediate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send flagged numbers to the carriers for review (billed $1.00 a number).",
        discussion: """
            Prints the cost first and sends only with --yes (exit 12 without it). Numbers in a request still under way, \
            or remediated or found ineligible in the last 30 days, are set aside and named. Telnyx works through a \
            request in about a day; `status` shows its progress and each number's outcome.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The onboarding (default: the most recently active).") var id: String?
    @Option(help: "What the calls from these numbers are for (1 to 2,000 characters); the carriers' reviewers read it.")
    var callPurpose: String
    @Option(help: "An email address the carriers may write to about these numbers.") var contactEmail: String?
    @Flag(help: "Go ahead with the charge (its cost is printed either way).") var yes = false
    @Flag(name: .customLong("over-budget"), help: "With --yes: go ahead even past the onboarding's monthly budget.")
    var overBudget = false
    @Argument(help: "Monitored numbers, in any common writing (+13125550134, (312) 555-0134).") var numbers: [String]

    func run() async throws {
        let chosen = try GlobalOptions.e164(numbers)
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let store = try global.existingStore(sandbox: sandbox != nil)
        let (engine, id) = try global.openOnboarding(id, store: store, client: client)
        // Requests under way as Telnyx has them now, so none is sent twice.
        _ = try await engine.checkWithTelnyx()
        if let refusal = try await engine.remediate(chosen, callPurpose: callPurpose, contactEmail: contactEmail) {
            await engine.close()
            throw UsageProblem.refused(refusal)
        }
        guard let asked = await engine.state.confirmation else {
            await engine.close()
            throw UsageProblem.stop("Nothing was asked to confirm.")
        }
        if let aside = asked.setAside { Output.say("\(aside.summary).\n") }
        if let budget = asked.budget { Output.say("\(budget.said).\n") }
        let passes = asked.budget?.passes == true
        if yes && passes && !overBudget {
            try await engine.send(.cancel)
            await engine.close()
            Output.say(
                "Not sent: it costs \(asked.estimate). \(asked.budget?.budgetSaid ?? "") Give --over-budget with --yes to go over it; nothing was billed.\n"
            )
            throw ExitCode(12)
        }
        guard yes else {
            try await engine.send(.cancel)
            await engine.close()
            // Over the budget, --yes alone would stop again: both are named at once.
            let go = passes ? "Run again with --yes --over-budget to go over the budget" : "Run again with --yes to go ahead"
            Output.say("Confirmation required: sending them to remediation costs \(asked.estimate). \(go).\n")
            throw ExitCode(12)
        }
        Output.say("confirmed by --yes\(passes ? " --over-budget" : ""): \(asked.estimate)\n")
        if let refusal = try await engine.send(passes ? .confirmOverBudget : .confirm) {
            try await engine.send(.cancel)
            await engine.close()
            throw UsageProblem.refused(refusal)
        }
        let state = await engine.state
        await engine.close()
        if let error = state.lastError {
            // A lost answer is settled by asking Telnyx, never by sending again.
            let settle =
                error.outcomeUnknown
                ? " `reputation-wizard status --check` asks Telnyx whether it went through (nothing is sent again)." : ""
            Output.say("\(error.message)\(settle)\n")
            throw ExitCode(1)
        }
        let sent = (state.remediations ?? []).suffix(1)
        Output.line(
            "Onboarding \(id): sent to remediation (\(sent.map { "request \($0.id): \($0.summary)" }.joined(separator: "; "))); `status` follows it."
        )
    }
}
