import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import TelnyxSimulator
import Testing

@testable import OnboardingEngine

/// The answers' `remediation` in a headless run: sent once the numbers are monitored and read,
/// only with `--yes` (12 without), a wrong answer named by its field (10), and a run repeated
/// sends and bills nothing again.
@Suite struct RemediationRunTests {
    @Test func theAnswersRemediationIsSentOnceAndOnlyWithYes() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-rem-run")
                let numbers = Array(simulator.world.inventory.prefix(3))
                func run(_ remediation: [String: Any], yes: Bool) async throws -> NonInteractiveRun.Stop {
                    var run = NonInteractiveRun(
                        answers: try answers(["signed_loa": try signedPDF(), "numbers": numbers, "remediation": remediation]),
                        confirmBillable: yes, wait: true)
                    run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                    return try await run.run(engine)
                }
                // The first two numbers, written as people write them.
                let written = [
                    numbers[0], "(\(numbers[1].dropFirst(2).prefix(3))) \(numbers[1].dropFirst(5).prefix(3))-\(numbers[1].suffix(4))",
                ]
                let wanted: [String: Any] = ["numbers": written, "call_purpose": "Appointment reminders for our patients"]

                let bad = try await run(["numbers": written, "call_purpose": "Reminders\n\u{1B}[31m"], yes: true)
                #expect(
                    bad
                        == .inputNeeded(
                            "remediation.call_purpose: Write the call purpose as plain text on one line: it holds a line break or control characters (an escape sequence, say)."
                        ))
                #expect(await engine.state.monitoredNumbers == numbers, "the numbers were onboarded first")
                #expect(actions(try await simulator.ledger(), "remediation").isEmpty)

                let unconfirmed = try await run(wanted, yes: false)
                #expect(unconfirmed.exitCode == 12)
                #expect(unconfirmed.message.contains("sending 2 numbers to remediation costs $2.00"), "\(unconfirmed.message)")
                #expect(actions(try await simulator.ledger(), "remediation").isEmpty)

                #expect(try await run(wanted, yes: true) == .complete)
                #expect(await engine.state.remediations?.map(\.numbers) == [Array(numbers.prefix(2))])
                #expect(actions(try await simulator.ledger(), "remediation").count == 2)

                // Repeated, even after Telnyx finished with it: nothing sent or billed again.
                try await simulator.advanceClock(seconds: 2 * 24 * 3600)
                #expect(try await run(wanted, yes: true) == .complete)
                #expect(actions(try await simulator.ledger(), "remediation").count == 2)
                #expect(await engine.state.remediations?.count == 1)
                await engine.close()
            }
        }
    }
}
