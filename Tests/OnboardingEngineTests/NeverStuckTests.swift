import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import TelnyxAPI
import TelnyxSimulator
import Testing

@testable import OnboardingEngine

/// No fault leaves an onboarding stuck, and `--yes` never pays an estimate the answers no
/// longer give.
@Suite struct NeverStuckTests {
    /// A version that could leave a read in flight with an unknown outcome left it so on disk:
    /// opening the onboarding ends it as failed (it changed nothing), and the step goes on.
    @Test func aRenderLeftInFlightByAnEarlierVersionIsEndedOnOpen() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-stuck")
                try await walkToLOA(engine)
                var stuck = await engine.state
                let render = Effect.renderLOA(enterpriseId: stuck.enterprise!.id, agent: nil, signature: nil)
                stuck.inFlight = render
                stuck.lastError = Failure(message: "No answer from Telnyx for POST …/loa", outcomeUnknown: true)
                try store.save(stuck)
                await engine.close()

                let reopened = try OnboardingEngine(store: store, client: try simulator.client(), onboardingId: "onb-stuck")
                #expect(try await reopened.reconcile())
                var expected = stuck
                expected.inFlight = nil
                expected.lastError = Failure(message: "“render LOA” was interrupted; it changed nothing at Telnyx. Do it again when ready.")
                #expect(await reopened.state == expected)
                try await reopened.send(.renderLOA(agent: nil, signature: nil))
                #expect(await reopened.state.step == .signAndUpload)
                await reopened.close()
            }
        }
    }

    /// The $100 enable lands but its answer is lost, and Telnyx cannot be asked at once: the
    /// same run checks again, learns it happened, and completes; one invocation for cron.
    @Test func aLostAnswerIsSettledWithinTheSameRun() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let numbers = Array(simulator.world.inventory.prefix(2))
                var run = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": numbers]), confirmBillable: true, wait: true)
                let pauses = Mutex<[Double]>([])
                run.pause = { seconds in
                    pauses.withLock { $0.append(seconds) }
                    try await simulator.advanceClock(seconds: seconds)
                }
                let lines = Mutex<[String]>([])
                run.progress = { line in lines.withLock { $0.append(line) } }
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation", "drop": "after_commit", "times": 1}, {"method": "GET", "path": "/v2/enterprises/*/reputation", "status": 503, "times": 4}]"#
                )
                let stop = try await run.run(engine)
                #expect(stop == .complete, "\(stop.message)")
                #expect(
                    lines.withLock { $0 }.filter { $0.hasPrefix("whether") } == [
                        "whether “enable reputation” happened is not known (no answer): checking with Telnyx",
                        "whether “enable reputation” happened is not known (no answer): checking with Telnyx in 2 s",
                    ])
                #expect(pauses.withLock { $0 }.first == 2)
                #expect(actions(try await simulator.ledger(), "enable").count == 1)
                #expect(try store.auditLog("onb-1").contains { $0.action == "reconcile enable reputation" && $0.cost?.cents == 10_000 })
                await engine.close()
            }
        }
    }

    /// A charge left pending by one run is not what `--yes` pays when the answers changed since.
    @Test func yesNeverConfirmsAnEstimateFromOlderAnswers() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let numbers = Array(simulator.world.inventory.prefix(2))
                let weekly = try answers(["signed_loa": try signedPDF(), "numbers": numbers])
                let first = try await NonInteractiveRun(answers: weekly, confirmBillable: false, wait: false).run(engine)
                #expect(first.exitCode == 12)
                // What --yes would then also confirm is said with it.
                #expect(
                    first.message.hasSuffix(
                        "Then, with --yes: adding 2 numbers ($0.20) and their first reputation check ($0.20). Run again with --yes to go ahead."
                    ))
                #expect(await engine.state.confirmation?.action == .enable(frequency: .weekly, plannedNumbers: 2))
                // Left to Telnyx's scheduled check, the first reads are not part of what --yes pays.
                let scheduled = try answers(["signed_loa": try signedPDF(), "numbers": numbers, "first_read": "scheduled"])
                let waiting = try await NonInteractiveRun(answers: scheduled, confirmBillable: false, wait: false).run(engine)
                #expect(
                    waiting.message.hasSuffix(
                        "Then, with --yes: adding 2 numbers ($0.20); their first reputation check is left to Telnyx's scheduled check (first_read: scheduled). Run again with --yes to go ahead."
                    ))

                // The frequency is changed in the answers, and the run is given --yes.
                let daily = try answers(["signed_loa": try signedPDF(), "numbers": numbers, "check_frequency": "daily"])
                let changed = try await NonInteractiveRun(answers: daily, confirmBillable: true, wait: false).run(engine)
                #expect(changed.exitCode == 12)
                #expect(changed.message.hasPrefix("Confirmation required: the answers changed since the last run's estimate ($100.00"))
                #expect(changed.message.contains("Nothing was billed."))
                #expect(try await simulator.ledger().isEmpty)
                #expect(await engine.state.confirmation?.action == .enable(frequency: .daily, plannedNumbers: 2))

                // The same answers again: the estimate last shown is the one paid.
                let paid = try await NonInteractiveRun(answers: daily, confirmBillable: true, wait: false).run(engine)
                #expect(paid.exitCode == 11)
                #expect(actions(try await simulator.ledger(), "enable").count == 1)
                let settings = try await simulator.client().reputationSettings(enterpriseId: await engine.state.enterprise!.id)
                #expect(settings.checkFrequency == .daily)
                await engine.close()
            }
        }
    }

    @Test func unknownAnswerKeysAreNamedWithTheNearestKnownOne() {
        let file: [String: Any] = [
            "accept_terms": true, "check_frequncy": "daily", "numbers_fle": "a.csv",
            "enterprise": ["legal_nmae": "Acme", "organization_contact": ["emial": "a@b.c"], "fein": "12-3456789"],
            "loa": ["signer": "Pat", "agent": ["contact_nmae": "Pat"]],
            "colour": "blue",
        ]
        #expect(
            AnswerKeys.problems(in: file) == [
                "check_frequncy is not a known key; did you mean check_frequency?",
                "colour is not a known key; the keys here are accept_terms, enterprise, enterprise_id, loa, signed_loa, check_frequency, numbers, numbers_file, enable_again, ownership_proof, remediation, budget_usd, first_read",
                "numbers_fle is not a known key; did you mean numbers_file?",
                "loa.signer is not a known key; did you mean loa.signer_name?",
                "loa.agent.contact_nmae is not a known key; did you mean loa.agent.contact_name?",
                "enterprise.legal_nmae is not a known key; did you mean enterprise.legal_name?",
                "enterprise.organization_contact.emial is not a known key; did you mean enterprise.organization_contact.email?",
            ])
        let many = Dictionary(uniqueKeysWithValues: (1...9).map { ("unknown_\($0)", "x") as (String, Any) })
        let summary = AnswerKeys.summary(AnswerKeys.problems(in: many))
        #expect(summary.hasSuffix("; and 4 more"))
        #expect(summary.components(separatedBy: "is not a known key").count == 6)
    }

    /// Numbers whose reads failed plainly are said, and the step waits for them to be read.
    @Test func numbersLeftUnreadAreSaidAndTheStepWaitsForThem() {
        var state = OnboardingState(id: "onb-1")
        state.step = .query
        state.enterprise = .init(id: "e-1", legalName: "Acme")
        state.reputationEnabled = true
        state.monitoredNumbers = ["+13125550101", "+13125550102", "+13125550103"]
        state.inFlight = .queryNumbers(enterpriseId: "e-1", numbers: state.monitoredNumbers, fresh: false)
        let result = transition(state, .numbersQueried(["+13125550101", "+13125550102"]))
        var expected = state
        expected.inFlight = nil
        expected.queriedNumbers = ["+13125550101", "+13125550102"]
        expected.lastError = Failure(message: "1 of 3 numbers were not read (their answers failed): +13125550103; read them again.")
        #expect(result.state == expected)
        #expect(result.effects.isEmpty)

        var removing = state
        removing.step = .manage
        removing.inFlight = .removeNumbers(enterpriseId: "e-1", numbers: ["+13125550101", "+13125550102"])
        let removed = transition(removing, .numbersRemoved(["+13125550101"]))
        var afterRemoval = removing
        afterRemoval.inFlight = nil
        afterRemoval.monitoredNumbers = ["+13125550102", "+13125550103"]
        afterRemoval.lastError = Failure(
            message: "1 of 2 numbers are still monitored (their removal failed): +13125550102; remove them again.")
        #expect(removed.state == afterRemoval)
    }

    /// Thousands of numbers outside the inventory are set aside before the decision, each kept
    /// in the store's own table: the state (rewritten on every save) holds only those added.
    @Test func numbersSetAsideLiveInTheirOwnTableNotInTheState() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let owned = Array(simulator.world.inventory.prefix(3))
                let inventory = Set(simulator.world.inventory)
                let outside = (0..<20_000).map { String(format: "+1646%03d%04d", 200 + $0 / 10_000, $0 % 10_000) }.filter {
                    !inventory.contains($0)
                }
                var run = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": owned + outside]), confirmBillable: true, wait: true)
                run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                let lines = Mutex<[String]>([])
                run.progress = { line in lines.withLock { $0.append(line) } }
                let stop = try await run.run(engine)
                #expect(stop.exitCode == 10 && stop.message.hasPrefix("Input needed: ownership_proof: 20000 numbers"), "\(stop.message)")
                let said = lines.withLock { $0 }.filter { $0.contains("set aside") }
                #expect(
                    said == [
                        "\(outside.count) numbers were set aside (\(NumberHostingReason.external): \(outside.sorted().prefix(5).joined(separator: ", ")) and \(outside.count - 5) more) (of \(outside.count + 3) given; not estimated, not billed)"
                    ])
                #expect(await engine.state.monitoredNumbers == owned)
                let stateJSON = try JSONEncoder().encode(await engine.state)
                #expect(stateJSON.count < 20_000, "\(stateJSON.count) bytes of state")
                // Nothing decided, journaled or audited carried them either.
                #expect(try store.auditLog("onb-1").allSatisfy { !$0.action.contains(outside[0]) && !$0.result.contains(outside[0]) })
                #expect(try store.setAsideCount("onb-1") == outside.count)
                #expect(try store.setAsideNumbers("onb-1").first?.reason == NumberHostingReason.external)
                #expect(try store.report("onb-1").numbersSetAside == outside.count)
                #expect(try store.report("onb-1").setAsideNumbers.map(\.phoneNumber) == outside.sorted())
                #expect(actions(try await simulator.ledger(), "associate").count == 3)
                await engine.close()
            }
        }
    }

    /// A file of a thousand bad lines is named by its first few lines, each cut and cleaned,
    /// and the rest counted: never the whole file echoed back.
    @Test func badNumbersAreNamedByPlaceAndBounded() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("numbers-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let bad = (1...1000).map { "\u{1B}[2J\u{1B}[0m\u{07}(312) 555-\($0)" + String(repeating: "0", count: 100) }
        try Data((["(312) 555-0101"] + bad).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        let run = NonInteractiveRun(
            answers: try answers(["numbers": ["(312) 555-0102", "555-01"], "numbers_file": file]), confirmBillable: false, wait: false)
        let error = #expect(throws: RunInputError.self) { try run.parseNumbers() }
        let message = try #require(error?.message)
        #expect(message.hasPrefix("numbers[1] '555-01' "))
        // The screen-clearing escapes are removed whole from the line shown (cut at 40
        // characters) and named by their code point in the problem.
        #expect(
            message.contains(
                "; \(file) line 2 '(312) 555-100000000000000000000…' contains “U+001B”, which is not part of a phone number; remove it; "))
        #expect(message.hasSuffix("; and 996 more entries"))
        #expect(message.count < 1_500)
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
    }

    /// A correction that landed at Telnyx while its answer came back mangled is not taken for a
    /// failure: the next run sees Telnyx holds it and goes on (it used to stop with 13 for ever).
    @Test func aCorrectionWhoseAnswerWasMangledGoesOn() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let numbers = Array(simulator.world.inventory.prefix(2))
                func run(_ answers: RunAnswers) async throws -> NonInteractiveRun.Stop {
                    var run = NonInteractiveRun(answers: answers, confirmBillable: true, wait: true)
                    run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                    return try await run.run(engine)
                }
                #expect(try await run(try answers(["signed_loa": try signedPDF(), "numbers": numbers])).exitCode == 13)
                var corrected = try answers(["signed_loa": try signedPDF(signature: "new"), "numbers": numbers])
                corrected.enterprise?["doing_business_as"] = .text("Acme Plumbing Chicago")
                try await simulator.setFaults(
                    #"[{"method": "PUT", "path": "/v2/enterprises/*", "malformed_body": "truncated", "times": 1}]"#)
                let faulted = try await run(corrected)
                #expect(faulted.exitCode == 0 || faulted.exitCode == 1, "\(faulted.message)")
                #expect(try await engine.enterpriseRecord()?["doing_business_as"] == "Acme Plumbing Chicago")
                let again = try await run(corrected)
                #expect(again == .complete, "\(again.message)")
                #expect(actions(try await simulator.ledger(), "enable").count == 2, "enabled, then enabled again once")
                await engine.close()
            }
        }
    }

    /// `status --check` on an onboarding whose last check failed the same way: the new failure
    /// is said as such, never taken for a check (the error kept looked the same).
    @Test func aCheckThatFailsSaysSoEvenWhenTheLastOneFailedAlike() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/terms_of_service/status", "status": 503}]"#)
                try await engine.send(.begin)
                #expect(await engine.state.lastError?.status == 503)
                let failed = try await engine.checkWithTelnyx()
                #expect(failed?.hasPrefix("Telnyx refused GET /terms_of_service/status with HTTP 503") == true)
                try await simulator.setFaults("[]")
                #expect(try await engine.checkWithTelnyx() == nil)
                #expect(await engine.state.terms == .required(version: "v1.0.0"))
                await engine.close()
            }
        }
    }

    /// A numbers file saved by a spreadsheet (a byte-order mark, CRLF): read, and a bad line
    /// named by the file's own line number.
    @Test func aSpreadsheetsNumbersFileIsReadLineForLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("numbers-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let text = "(312) 555-0134\r\n312.555.0135\r\n1.77572E+10\r\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: file))
        let run = NonInteractiveRun(answers: try answers(["numbers_file": file]), confirmBillable: false, wait: false)
        let error = #expect(throws: RunInputError.self) { try run.parseNumbers() }
        #expect(
            error?.message
                == "\(file) line 3 '1.77572E+10' was turned into scientific notation (1.77572E+10) by a spreadsheet, which lost its last digits; format the column as text and export again"
        )
    }
}
