import ArgumentParser
import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI

/// `budget [--id ID] [USD | --clear]`: an onboarding's monthly budget. Every cost dialog shows
/// the month's spend so far (from the audit log), the action's cost and the monthly run after
/// it; a charge that would pass the budget needs an explicit override. Local: nothing is sent.
struct Budget: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or set an onboarding's monthly budget (local; nothing is sent to Telnyx).",
        discussion: """
            Without an amount, says the budget, what this month has billed (from the audit log) and what monitoring \
            runs a month. With one, sets it: a charge that would pass it then needs an explicit override (O in the \
            wizard, override in plain mode, --over-budget with --non-interactive).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The onboarding (default: the most recently active).") var id: String?
    @Argument(help: "The budget in US dollars a month (250, 1200.50).") var amount: String?
    @Flag(help: "Remove the budget.") var clear = false

    func validate() throws {
        if clear && amount != nil { throw ValidationError("Give an amount or --clear, not both.") }
        if let amount, amount.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("The amount is empty: give the budget in US dollars a month, such as 250 or 1200.50 (or --clear).")
        }
        if let amount, Money(dollarsText: amount) == nil {
            throw ValidationError(
                "\(RemoteText.sanitized(String(amount.prefix(40)))) is not an amount in US dollars; give one such as 250 or 1200.50.")
        }
    }

    func run() async throws {
        let store = try global.existingStore(sandbox: global.sandbox)
        // The engine journals and audits the change like any other; it sends nothing for a
        // budget, so its client is never used (no key is asked for).
        let unused = TelnyxClient(
            configuration: try TelnyxConfiguration(baseURL: TelnyxConfiguration.productionBaseURL, apiKey: APIKey("KEYnotused")!))
        let (engine, id) = try global.openOnboarding(id, store: store, client: unused)
        if clear || amount != nil {
            let budget = clear ? nil : Money(dollarsText: amount!)
            if let refusal = try await engine.send(.setBudget(budget)) {
                await engine.close()
                throw UsageProblem.refused(refusal)
            }
        } else {
            try await engine.noteSpend()
        }
        let state = await engine.state
        await engine.close()
        let spent = state.monthSpend.map { "\($0.amount) billed so far in \($0.month) (audit log)" } ?? "nothing billed yet this month"
        let running =
            state.reputationEnabled
            ? "; monitoring runs about \(CostEstimate.monthly(state.checkFrequency, numbers: state.monitoredNumbers.count, state.prices).amount) a month (\(state.monitoredNumbers.count) numbers checked \(state.checkFrequency.label))"
            : ""
        let budget = state.monthlyBudget.map { "Monthly budget \($0)" } ?? "No monthly budget"
        Output.line("Onboarding \(id): \(budget); \(spent)\(running).")
    }
}
