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

    /// A shared store lost (and this desk's hold on the onboarding with it): nothing acts any
    /// more, the reason stays on the notice line, quitting works.
    @Test func onceTheStoreIsLostOnlyQuittingAndHelpWork() {
        var wizard = settled(.enable)
        let lost = "The shared store postgres://desk@db:5432/rw: the connection was lost; quit and open it again."
        #expect(WizardUpdate.update(&wizard, .storeLost(lost)) == [])
        for key in [Key.enter, .character("y"), .character("e"), .down] {
            #expect(WizardUpdate.update(&wizard, .key(key)) == [], "\(key) does nothing")
            #expect(wizard.notice == lost)
        }
        #expect(WizardUpdate.update(&wizard, .decide(.begin)) == [], "no decision reaches the engine")
        let screenLines = screen(wizard).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(screenLines[22] == " The shared store postgres://desk@db:5432/rw: the connection w… F1 reads it all")
        #expect(WizardUpdate.update(&wizard, .key(.character("q"))) == [.quit])
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

    /// At steps 8-9 the poller runs while numbers are monitored, so what Telnyx asks about them
    /// is read during the session; once reputation is disabled, or no number is monitored, it stops.
    @Test func monitoredNumbersAreWatchedForOwnershipQuestionsWhileTheWizardIsOpen() {
        var wizard = settled(.manage)
        wizard.state.reputationEnabled = true
        wizard.state.monitoredNumbers = ["+13125550100"]
        #expect(WizardUpdate.update(&wizard, .engine(wizard.state, nil)) == [.startReviewPolling])
        #expect(wizard.background.reviewPolling)
        // A remediation request begins: the poller is started again, to check it soon.
        var remediating = wizard.state
        remediating.remediations = [
            RemediationRecord(
                id: "rem-1", numbers: ["+13125550100"], status: "pending", submitted: 1, ineligible: 0,
                callPurpose: "Appointment reminders")
        ]
        #expect(WizardUpdate.update(&wizard, .engine(remediating, nil)) == [.stopReviewPolling, .startReviewPolling])
        #expect(WizardUpdate.update(&wizard, .engine(remediating, nil)) == [], "started once")
        var disabled = wizard.state
        disabled.remediations = nil
        disabled.disabledReputation = OnboardingState.DisabledReputation(numbersDropped: 0, outsideWizard: true)
        #expect(WizardUpdate.update(&wizard, .engine(disabled, nil)) == [.stopReviewPolling, .loadDisabling])
        #expect(!wizard.background.reviewPolling)
    }

    /// A change whose answer was lost is asked about by itself; when Telnyx had taken it, the
    /// screen says so (it was not sent again), as it says when it had not.
    @Test func aLostAnswerFoundAtTelnyxIsSaid() {
        var wizard = settled(.manage)
        wizard.state.inFlight = .submitRemediation(
            enterpriseId: "ent-1", numbers: ["+13125550101"], callPurpose: "Appointment reminders", contactEmail: nil)
        wizard.state.lastError = Failure(message: "No answer came from Telnyx.", outcomeUnknown: true)
        #expect(WizardUpdate.update(&wizard, .engine(wizard.state, nil)) == [.reconcile])
        #expect(wizard.busy == "Checking with Telnyx whether it happened")
        var settled = wizard.state
        (settled.inFlight, settled.lastError) = (nil, nil)
        #expect(WizardUpdate.update(&wizard, .decided(refusal: nil, state: settled)) == [.loadReadings, .loadAwaitingProof])
        #expect(wizard.notice == "Telnyx had taken “send 1 number to remediation” before its answer was lost; it was not sent again.")
    }
}
