import Foundation
import Onboarding
import Testing

@testable import TerminalUI

/// The one update for keys and command results: what a result does to the model, what it asks
/// for next, and when the loop must wake by itself.
@Suite struct WizardUpdateTests {
    /// A model at a step with nothing in flight and everything already read.
    func settled(_ step: Step) -> WizardModel {
        var wizard = model(step)
        wizard.background.numbersReadAt = step
        wizard.background.reviewPolling = step == .gates
        return wizard
    }

    @Test func aFailedReadIsSaidNotSwallowed() {
        var wizard = settled(.associate)
        let commands = WizardUpdate.update(&wizard, .inventory(.failure(CommandFailure("HTTP 503 from Telnyx"))))
        #expect(commands == [])
        #expect(wizard.inventory == nil)
        #expect(wizard.notice == "Could not read the account's numbers (HTTP 503 from Telnyx); F3 tries again.")

        var table = settled(.manage)
        _ = WizardUpdate.update(&table, .auditLog(.failure(CommandFailure("database is locked"))))
        #expect(table.auditLines == ["The audit log could not be read (database is locked)."])
        _ = WizardUpdate.update(&table, .draftNotSaved(.typed, CommandFailure("disk full")))
        #expect(table.notice == "What is typed in the typed form could not be kept (disk full); it is kept again at the next key.")
    }

    @Test func aDecisionMadeWhileAnotherRunsWaitsItsTurnThenGoes() {
        var wizard = settled(.terms)
        #expect(WizardUpdate.update(&wizard, .key(.enter)) == [.send(.agreeToTerms)])
        #expect(wizard.busy == "Agreeing to the terms")
        // Enter again while the engine works: nothing is sent now.
        #expect(WizardUpdate.update(&wizard, .key(.enter)) == [])
        #expect(wizard.queued == .agreeToTerms)
        var after = wizard.state
        after.step = .enterprise
        let commands = WizardUpdate.update(&wizard, .decided(refusal: nil, state: after))
        #expect(commands == [.send(.agreeToTerms)])
        #expect(wizard.queued == nil)
        #expect(wizard.background.decision == WizardModel.Decision(event: .agreeToTerms, confirmationBefore: nil))
    }

    @Test func theLoopWakesOnlyWhenSomethingIsDue() {
        // Idle: nothing but a key or a result wakes it.
        #expect(WizardUpdate.wakeAfter(settled(.enterprise)) == nil)
        #expect(WizardUpdate.wakeAfter(settled(.manage)) == nil)
        // In flight: the spinner moves.
        var busy = settled(.terms)
        _ = WizardUpdate.update(&busy, .key(.enter))
        #expect(WizardUpdate.wakeAfter(busy) == 100)
        // Step 6: when "next check in 4 min" would read "3 min", not every second.
        var review = settled(.gates)
        review.now = Date(timeIntervalSince1970: 1_800_000_000)
        review.nextReviewCheckAt = review.now.addingTimeInterval(4 * 60 + 20)
        #expect(WizardUpdate.wakeAfter(review) == 20_001)
        // Under a minute away it reads "in less than a minute" until the time comes.
        review.nextReviewCheckAt = review.now.addingTimeInterval(30)
        #expect(WizardUpdate.wakeAfter(review) == 30_001)
    }

    @Test func readingANumbersFileIsACommandNotAReadInTheKeyLoop() {
        var wizard = settled(.associate)
        wizard.inventory = []
        let commands = press(Key.typing("/nonexistent/numbers.csv"), &wizard) + WizardController.handle(.control("o"), &wizard)
        #expect(commands.last == .readNumbersFile("/nonexistent/numbers.csv"))
        #expect(wizard.notice == "Reading numbers.csv…")
        #expect(wizard.numberLines == [])
    }
}
