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

    /// Why a refresh did not happen or did not end well, said on stderr after the onboarding's id.
    struct Problem {
        var said: String
        /// The refresh was sent and did not end well (a lost answer included): exit 1.
        var failed = false
        /// A limit stopped it (`--max-cost`, the budget, no terminal to ask) or the onboarding is
        /// open in another process: exit 12 unless the watch itself found changes. Nothing was billed.
        var stopped = false
    }

    /// Refreshes onboarding `onboardingId`'s numbers, or says why not. The watch goes on after
    /// either: what Telnyx's own checks brought is still reported.
    /// - Returns: nil when refreshed (or nothing to refresh), else why not.
    mutating func refresh(_ onboardingId: String, store: OnboardingStore, client: TelnyxClient) async throws -> Problem? {
        let engine: OnboardingEngine
        do {
            engine = try OnboardingEngine(store: store, client: client, onboardingId: onboardingId)
        } catch {
            // Open in another process (a wizard, a run): not refreshed, which cron must be able to tell.
            return Problem(said: "not refreshed: \(error); nothing was billed", stopped: true)
        }
        let numbers = await engine.state.monitoredNumbers
        guard !numbers.isEmpty else {
            await engine.close()
            return nil
        }
        if let refusal = try await engine.send(.refresh(numbers)) {
            await engine.close()
            return Problem(said: "not refreshed: \(refusal)")
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
                return Problem(said: "not refreshed: \(cost); \(why). Nothing was billed.", stopped: true)
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
            return Problem(said: "not refreshed: \(cost). Give --yes and --max-cost to refresh without a terminal.", stopped: true)
        }
        guard go else {
            try await engine.send(.cancel)
            await engine.close()
            return Problem(said: "not refreshed (declined); nothing was billed")
        }
        confirmed = confirmed + asked.estimate.amount
        Output.say("Onboarding \(onboardingId): refreshing: \(asked.estimate)\(asked.budget.map { " (\($0.said))" } ?? "")\n")
        if let refusal = try await engine.send(passes ? .confirmOverBudget : .confirm) {
            try await engine.send(.cancel)
            await engine.close()
            return Problem(said: "not refreshed: \(refusal)")
        }
        let error = await engine.state.lastError
        await engine.close()
        // A lost answer is settled by `status --check` (or the next run), never by sending again.
        return error.map {
            Problem(
                said:
                    "refresh: \($0.message)\($0.outcomeUnknown ? " `reputation-wizard status --check` settles it; nothing is sent again." : "")",
                failed: true)
        }
    }
}
