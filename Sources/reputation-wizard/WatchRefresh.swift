import ArgumentParser
import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI

/// `watch --refresh`: before the watch reads, a billed refresh of every monitored number,
/// through the onboarding's engine (confirmed with its cost, journaled, audited). At a terminal
/// it asks; without one it needs `--yes` and `--max-cost`, and stops (12) past either limit.
struct WatchRefresh {
    var yes: Bool
    var maxCost: Money?
    var overBudget: Bool
    /// What this run has refreshed so far, against `maxCost`.
    var confirmed = Money.zero

    /// Refreshes onboarding `onboardingId`'s numbers, or says why not.
    /// - Returns: nil when refreshed (or nothing to refresh), else why not (said on stderr);
    ///   `failed` when the refresh was sent and did not end well (a lost answer included).
    /// - Throws: `ExitCode(12)` when a limit stops it without a terminal to ask.
    mutating func refresh(
        _ onboardingId: String, store: OnboardingStore, client: TelnyxClient
    ) async throws -> (said: String, failed: Bool)? {
        let engine: OnboardingEngine
        do {
            engine = try OnboardingEngine(store: store, client: client, onboardingId: onboardingId)
        } catch {
            return ("not refreshed: \(error)", false)
        }
        let numbers = await engine.state.monitoredNumbers
        guard !numbers.isEmpty else {
            await engine.close()
            return nil
        }
        if let refusal = try await engine.send(.refresh(numbers)) {
            await engine.close()
            return ("not refreshed: \(refusal)", false)
        }
        guard let asked = await engine.state.confirmation else {
            await engine.close()
            return nil
        }
        let cost = "refreshing \(numbers.count.grouped) numbers costs \(asked.estimate)\(asked.budget.map { ". \($0.said)" } ?? "")"
        let passes = asked.budget?.passes == true
        let overLimit = maxCost.map { confirmed + asked.estimate.amount > $0 } ?? false
        let go: Bool
        if yes {
            guard !overLimit, !passes || overBudget else {
                try await engine.send(.cancel)
                await engine.close()
                let why =
                    overLimit
                    ? "it would pass --max-cost \(maxCost!)"
                    : "\(asked.budget?.budgetSaid ?? "it passes the budget") Give --over-budget to go over it"
                Output.say("Onboarding \(onboardingId): not refreshed: \(cost); \(why). Nothing was billed.\n")
                throw ExitCode(12)
            }
            go = true
        } else if isatty(STDIN_FILENO) == 1 {
            // Past the budget a y out of habit is not enough: the override is typed.
            if passes {
                Output.say(
                    "Onboarding \(onboardingId): \(cost). \(asked.budget?.budgetSaid ?? "") Type override to refresh anyway (anything else: no): "
                )
                go = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "override"
            } else {
                Output.say("Onboarding \(onboardingId): \(cost). Refresh now? [y/N] ")
                go = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "y"
            }
        } else {
            try await engine.send(.cancel)
            await engine.close()
            Output.say("Onboarding \(onboardingId): \(cost). Give --yes and --max-cost to refresh without a terminal.\n")
            throw ExitCode(12)
        }
        guard go else {
            try await engine.send(.cancel)
            await engine.close()
            return ("not refreshed (declined); nothing was billed", false)
        }
        confirmed = confirmed + asked.estimate.amount
        Output.say("Onboarding \(onboardingId): refreshing: \(asked.estimate)\n")
        if let refusal = try await engine.send(passes ? .confirmOverBudget : .confirm) {
            try await engine.send(.cancel)
            await engine.close()
            return ("not refreshed: \(refusal)", false)
        }
        let error = await engine.state.lastError
        await engine.close()
        // A lost answer is settled by `status --check` (or the next run), never by sending again.
        return error.map {
            (
                "refresh: \($0.message)\($0.outcomeUnknown ? " `reputation-wizard status --check` settles it; nothing is sent again." : "")",
                true
            )
        }
    }
}
