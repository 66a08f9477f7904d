import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import Testing

@testable import OnboardingEngine

/// Remediation through the onboarding: asked first with its cost ($1.00 a number), sent once,
/// followed on Telnyx's clock to its per-number results, and set aside while under way or in
/// cooldown; what is wrong with the request is said before anything is sent.
@Suite struct RemediationFlowTests {
    @Test func numbersAreSentOnceFollowedToTheirResultsAndThenSetAside() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-remediate")
                try await walkToManage(engine, simulator)
                let numbers = Array(await engine.state.monitoredNumbers.prefix(3))
                let purpose = "Appointment reminders for our patients"
                #expect(try await engine.remediate(numbers, callPurpose: purpose, contactEmail: "ops@acme.example.com") == nil)
                let asked = try #require(await engine.state.confirmation)
                #expect(asked.action == .remediate(numbers: numbers, callPurpose: purpose, contactEmail: "ops@acme.example.com"))
                #expect(asked.estimate.amount == Money(cents: 300))
                #expect(
                    asked.estimate.basis
                        == "3 numbers × $1.00, in 1 request of up to 2,000; a number Telnyx finds ineligible now is not billed")
                try await engine.send(.confirm)
                let sent = try #require(await engine.state.remediations?.first)
                #expect(sent.numbers == numbers && sent.status == "pending" && sent.submitted == 3 && sent.results == nil)
                let billed = try await simulator.ledger()
                #expect(actions(billed, "remediation").count == 3)

                // Under way: the same numbers are set aside, and nothing is asked.
                #expect(
                    try await engine.remediate(numbers, callPurpose: purpose, contactEmail: nil)
                        == "No number can be sent: \(SetAsideNumbers.summary(Dictionary(uniqueKeysWithValues: numbers.map { ($0, "in a remediation request still under way") })))."
                )

                // A day later Telnyx has finished: each number's outcome is kept.
                try await simulator.advanceClock(seconds: 24 * 3600 + 60)
                try await engine.send(.checkRemediationsNow)
                let done = try #require(await engine.state.remediations?.first)
                #expect(done.status == "completed")
                #expect(Set(done.results?.keys.map { $0 } ?? []) == Set(numbers))
                #expect(await engine.state.hasUnfinishedRemediation == false)
                // `status` says each request's outcome, and the JSON each number's.
                let report = try store.report("onb-remediate")
                #expect(report.text.contains("\nRemediation: 1 request:\n  \(done.id): completed (3 numbers): "))
                // Each number's outcome, in number order, under the last request.
                for number in numbers {
                    let outcome = try #require(done.results?[number]).replacingOccurrences(of: "_", with: " ")
                    #expect(report.text.contains("\n    \(number): \(outcome)\n"))
                }
                #expect(report.remediations.first?.results == done.results)
                let remediated = (done.results ?? [:]).filter { $0.value == "remediated" }.keys.sorted()
                #expect(
                    await engine.remediationSetAside(numbers)
                        == Dictionary(
                            uniqueKeysWithValues: remediated.map {
                                ($0, "remediated by a remediation request of the last 30 days (cooldown)")
                            }))
                let after = try await simulator.ledger()
                #expect(actions(after, "remediation").count == 3, "reading results bills nothing")
            }
        }
    }
}
