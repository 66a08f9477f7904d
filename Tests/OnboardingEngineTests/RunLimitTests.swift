import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import Testing

/// `--yes` is bounded: by `--max-cost` for one run, and by the onboarding's monthly budget
/// (`budget_usd`) unless `--over-budget` is given. Nothing past either is billed.
@Suite struct RunLimitTests {
    @Test func budgetUSDIsANumberOrDollarsAsWrittenAndNothingElse() throws {
        #expect(try answers(["budget_usd": 1200.5]).monthlyBudget() == Money(cents: 120_050))
        #expect(try answers(["budget_usd": "$1,200.50"]).monthlyBudget() == Money(cents: 120_050))
        #expect(try answers(["budget_usd": "250"]).monthlyBudget() == Money(cents: 25_000))
        #expect(try answers().monthlyBudget() == nil)
        for wrong in ["50,5", "12.345", "-1", "lots"] as [Any] + [12.345, -1, 1e10] {
            let problem = #expect(throws: RunInputError.self) { try answers(["budget_usd": wrong]).monthlyBudget() }
            #expect(
                problem?.message
                    == #"budget_usd must be an amount in US dollars, 0 or more, with at most two decimals (e.g. 250, 1200.50 or "$1,200.50")"#,
                "\(wrong)")
        }
    }

    @Test func theBudgetStopsYesUntilOverBudgetIsGiven() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-budget")
                let given = try answers(["signed_loa": try signedPDF(), "budget_usd": 50])
                let stop = try await NonInteractiveRun(answers: given, confirmBillable: true, wait: false).run(engine)
                #expect(
                    stop
                        == .overLimit(
                            "enabling reputation costs $100.00 (first month of monitoring at $100.00 a month; then about $100.00 a month: $100.00 monitoring + 0 numbers checked every week at $0.10 = $0.00 a month). This passes the monthly budget of $50.00 by $50.00. (This month so far $0.00 · with this $100.00 · monitoring about $100.00 a month.) Give --over-budget to go over it, or raise budget_usd."
                        ))
                #expect(stop.exitCode == 12)
                #expect(try await simulator.ledger().isEmpty, "nothing billed")
                #expect(await engine.state.monthlyBudget == .dollars(50))
                #expect(try store.auditLog("onb-budget").map(\.result).contains("monthly budget set to $50.00"))
                // `list` and `status` say what holds it back, and how to go on.
                let stoppedAt = try #require(try store.auditLog("onb-budget").last?.at)
                let held = try store.report("onb-budget", now: stoppedAt)
                #expect(held.text.split(separator: "\n").contains { $0 == "Held back: \(held.stalled ?? "")" })
                #expect(
                    held.stalled
                        == "stopped at a limit (\(ReportTime.stamp(stoppedAt)), just now): enabling reputation costs $100.00 (first month of monitoring at $100.00 a month; then about $100.00 a month: $100.00 monitoring + 0 numbers checked every week at $0.10 = $0.00 a month). This passes the monthly budget of $50.00 by $50.00. (This month so far $0.00 · with this $100.00 · monitoring about $100.00 a month.) Give --over-budget to go over it, or raise budget_usd."
                )

                var over = NonInteractiveRun(answers: given, confirmBillable: true, wait: false)
                over.overBudget = true
                #expect(try await over.run(engine).exitCode == 11, "enabled, waiting on the reviews")
                #expect(try store.report("onb-budget").stalled == "waiting on Telnyx's review", "the stop is history once it went on")
                #expect(try await simulator.ledger().map { $0["action"] as? String } == ["enable"])
                await engine.close()
            }
        }
    }

    /// `--max-cost` counts what the run billed, not what it confirmed: a batch that failed and
    /// was sent again is paid once, so a cap that covers the whole addition lets it finish.
    @Test func maxCostCountsWhatWasBilledNotWhatWasConfirmed() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-billed")
                let numbers = Array(simulator.world.inventory.prefix(250))
                let given = try answers(["signed_loa": try signedPDF(), "numbers": numbers])
                var run = NonInteractiveRun(answers: given, confirmBillable: true, wait: false)
                run.maxCost = .dollars(100)
                #expect(try await run.run(engine).exitCode == 11, "enabled, waiting on the reviews")
                try await simulator.advanceClock(seconds: 301)
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation/numbers", "status": 500, "times": 1}]"#)
                run = NonInteractiveRun(answers: given, confirmBillable: true, wait: false)
                run.maxCost = .dollars(26)
                let stop = try await run.run(engine)
                #expect(
                    stop.message.hasPrefix(
                        "Not confirmed: the first reputation check costs $25.00 (250 live checks × $0.10), which would pass --max-cost $26.00 after the $25.00 this run billed"
                    ), "\(stop.message)")
                #expect(actions(try await simulator.ledger(), "associate").count == 250, "every number added once, the failed batch again")
                #expect(Set(await engine.state.monitoredNumbers) == Set(numbers))
                await engine.close()
            }
        }
    }

    @Test func maxCostCapsWhatOneRunConfirmsWhateverYesSays() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-cap")
                let numbers = Array(simulator.world.inventory.prefix(12))
                let given = try answers(["signed_loa": try signedPDF(), "numbers": numbers])
                var capped = NonInteractiveRun(answers: given, confirmBillable: true, wait: false)
                capped.maxCost = Money(cents: 9_999)
                let first = try await capped.run(engine)
                #expect(first.exitCode == 12)
                #expect(
                    first.message
                        == "Not confirmed: enabling reputation costs $100.00 (first month of monitoring at $100.00 a month; then about $105.22 a month: $100.00 monitoring + 12 numbers checked every week at $0.10 = $5.22 a month), which would pass --max-cost $99.99 (This month so far $0.00 · with this $100.00 · monitoring about $105.22 a month); nothing more was billed. Raise --max-cost to go ahead."
                )
                #expect(try await simulator.ledger().isEmpty)

                // $101.50 covers the enable and the numbers' adding ($1.20), not their first read.
                capped = NonInteractiveRun(answers: given, confirmBillable: true, wait: false)
                capped.maxCost = Money(cents: 10_150)
                #expect(try await capped.run(engine).exitCode == 11)
                try await simulator.advanceClock(seconds: 301)
                capped = NonInteractiveRun(answers: given, confirmBillable: true, wait: false)
                capped.maxCost = Money(cents: 150)
                let third = try await capped.run(engine)
                #expect(
                    third.message
                        == "Not confirmed: the first reputation check costs $1.20 (12 live checks × $0.10), which would pass --max-cost $1.50 after the $1.20 this run billed (This month so far $101.20 · with this $102.40 · monitoring about $105.22 a month); nothing more was billed. Raise --max-cost to go ahead."
                )
                let billed = try await simulator.ledger().map { $0["action"] as! String }
                #expect(billed == ["enable"] + Array(repeating: "associate", count: 12))
                await engine.close()
            }
        }
    }
}

/// Step 8's first read is a choice: now (billed) or left to Telnyx's first scheduled check.
@Suite struct FirstReadChoiceTests {
    @Test func firstReadScheduledBillsNothingNowAndTheScheduledCheckBringsTheData() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-scheduled")
                let numbers = Array(simulator.world.inventory.prefix(3))
                let given = try answers(["signed_loa": try signedPDF(), "numbers": numbers, "first_read": "scheduled"])
                #expect(try await NonInteractiveRun(answers: given, confirmBillable: true, wait: false).run(engine).exitCode == 11)
                try await simulator.advanceClock(seconds: 301)
                let said = Mutex<[String]>([])
                var run = NonInteractiveRun(answers: given, confirmBillable: true, wait: false)
                run.progress = { line in said.withLock { $0.append(line) } }
                #expect(try await run.run(engine) == .complete)
                #expect(
                    said.withLock { $0 }.contains(
                        "first read: left to Telnyx's first scheduled check (every week); nothing billed now. `reputation-wizard watch` shows the data it brings."
                    ))
                let state = await engine.state
                #expect(state.step == .manage)
                #expect(state.awaitingFirstCheck == Set(numbers))
                #expect(try await simulator.ledger().map { $0["action"] as! String } == ["enable", "associate", "associate", "associate"])
                await engine.close()

                // Monday's weekly check reads them; watch sees their first data.
                try await simulator.advanceClock(seconds: 3 * 86400 + 6 * 3600)
                let report = try await NumberWatch(store: store, client: try simulator.client()).watch("onb-scheduled")
                #expect(Set(report.changes.map(\.phoneNumber)) == Set(numbers))
                #expect(report.changes.allSatisfy { $0.kind == .dataArrived || $0.kind == .stillWithoutData })
                #expect(try await simulator.ledger().filter { $0["scheduled"] as? Bool == true }.count == 3)

                // The wizard, opened again, lists them too: those with data lose their `$` (a
                // read is answered from Telnyx's cache now), the others still wait.
                let client = try simulator.client()
                let reopened = try OnboardingEngine(store: store, client: client, onboardingId: "onb-scheduled")
                let listed = try await client.allNumbers(enterpriseId: state.enterprise?.id ?? "")
                let withData = Set(listed.filter { $0.reputationData != nil }.compactMap(\.phoneNumber))
                #expect(!withData.isEmpty)
                try await reopened.noteScheduledReadings(listed)
                let noted = await reopened.state
                #expect(noted.queriedNumbers == withData)
                #expect(noted.awaitingFirstCheck == (withData.count == numbers.count ? nil : Set(numbers).subtracting(withData)))
                await reopened.close()
            }
        }
    }

    /// An onboarding of 3 numbers completed headless with `first_read: scheduled` (nothing read
    /// yet), open in the returned engine.
    func completedAwaitingFirstCheck(
        _ id: String, _ simulator: RunningSimulator, _ store: OnboardingStore
    ) async throws -> (OnboardingEngine, [String]) {
        let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: id)
        let numbers = Array(simulator.world.inventory.prefix(3))
        let given = try answers(["signed_loa": try signedPDF(), "numbers": numbers, "first_read": "scheduled"])
        #expect(try await NonInteractiveRun(answers: given, confirmBillable: true, wait: false).run(engine).exitCode == 11)
        try await simulator.advanceClock(seconds: 301)
        #expect(try await NonInteractiveRun(answers: given, confirmBillable: true, wait: false).run(engine) == .complete)
        return (engine, numbers)
    }

    /// An engine that has not listed since Telnyx's scheduled check read the numbers (a wizard
    /// left open) reads them as what they are now: cached, free. Nothing is asked or billed,
    /// the audit records no cost, and each number's history keeps the check's reading once.
    @Test func aReadAfterTheScheduledCheckIsEstimatedFromTheListAndKeptOnce() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let client = try simulator.client()
                let (engine, numbers) = try await completedAwaitingFirstCheck("onb-open", simulator, store)
                try await simulator.advanceClock(seconds: 3 * 86400 + 6 * 3600)
                _ = try await NumberWatch(store: store, client: client).watch("onb-open")
                let withData = Set(
                    try await client.allNumbers(enterpriseId: await engine.state.enterprise?.id ?? "").filter { $0.reputationData != nil }
                        .compactMap(\.phoneNumber))
                #expect(withData == Set(numbers), "the weekly check read every number")
                let ledgerBefore = try await simulator.ledger().count

                #expect(await engine.state.queriedNumbers.isEmpty, "the engine has not listed since")
                #expect(try await engine.send(.query(numbers: numbers, fresh: false)) == nil)
                let state = await engine.state
                #expect(state.confirmation == nil, "nothing billed, so nothing asked")
                #expect(state.queriedNumbers == Set(numbers))
                #expect(try await simulator.ledger().count == ledgerBefore, "Telnyx billed nothing")
                let queries = try store.auditLog("onb-open").filter { $0.action.hasPrefix("query of ") }
                #expect(queries.map(\.cost) == [.zero])
                for number in numbers {
                    #expect(try store.history("onb-open", phoneNumber: number).count == 1, "\(number): the check's reading, kept once")
                }
                await engine.close()
            }
        }
    }

    /// A read asked before Telnyx's scheduled check and confirmed after it (a box left open)
    /// is priced again before anything is sent: the check's readings are free, nothing is
    /// billed or audited as billed, and the table has the check's readings.
    @Test func aReadConfirmedAfterTheScheduledCheckIsPricedAgain() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let (engine, numbers) = try await completedAwaitingFirstCheck("onb-stale", simulator, store)
                #expect(try await engine.send(.query(numbers: numbers, fresh: false)) == nil)
                #expect(
                    await engine.state.confirmation?.action == .query(numbers: numbers, fresh: false, billed: numbers),
                    "before the check every number's read is billed")
                try await simulator.advanceClock(seconds: 3 * 86400 + 6 * 3600)
                let ledgerBefore = try await simulator.ledger().count

                #expect(try await engine.send(.confirm) == nil)
                let state = await engine.state
                #expect(state.confirmation == nil, "nothing is billed now, so nothing is asked again")
                #expect(state.queriedNumbers == Set(numbers))
                #expect(try await simulator.ledger().count == ledgerBefore, "Telnyx billed nothing")
                #expect(try store.auditLog("onb-stale").filter { $0.action.hasPrefix("query of ") }.map(\.cost) == [.zero])
                #expect(Set(try store.latestReadings("onb-stale").keys) == Set(numbers), "the check's readings are kept")
                for number in numbers {
                    #expect(try store.history("onb-stale", phoneNumber: number).count == 1, "\(number): the check's reading, kept once")
                }
                await engine.close()
            }
        }
    }

    @Test func aWrongFirstReadIsNamedAndNeverWithoutAFrequency() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-first-read")
                let numbers = Array(simulator.world.inventory.prefix(2))
                var given = try answers([
                    "signed_loa": try signedPDF(), "numbers": numbers, "first_read": "later", "check_frequency": "never",
                ])
                let wrong = try await NonInteractiveRun(answers: given, confirmBillable: true, wait: false).run(engine)
                #expect(
                    wrong
                        == .inputNeeded(
                            "first_read must be now (read every number at step 8, billed) or scheduled (Telnyx's first scheduled check reads them), not later"
                        ))
                #expect(try await simulator.ledger().isEmpty, "named before anything is sent")
                given.firstRead = "scheduled"
                let never = try await NonInteractiveRun(answers: given, confirmBillable: true, wait: false).run(engine)
                #expect(
                    never
                        == .inputNeeded(
                            "first_read: scheduled needs Telnyx's scheduled checks, and check_frequency is never: choose a frequency, or first_read: now"
                        ))
                #expect(try await simulator.ledger().isEmpty, "refused before the enable is billed")
                #expect(try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.isEmpty)
                await engine.close()
            }
        }
    }
}
