import Foundation
import Onboarding
import TerminalUI
import Testing

@testable import WizardRuntime

/// Plain mode's `proof PATH[; PATH]` at steps 6 to 9 (the full screen's P) and `A` at step 9.
@Suite struct PlainOwnershipProofTests {
    func answer(_ text: String, _ wizard: inout WizardModel) -> (messages: [WizardMessage], said: String) {
        var printer = PlainPrinter()
        let console = ScriptedConsole([])
        let messages = PlainQuestion.current(wizard).answer(text, &wizard, printer: &printer, console: console)
        return (messages, console.transcript)
    }

    static func model(_ step: Step) -> WizardModel {
        var wizard = PlainAnswersTests.model(step)
        wizard.state.reputationEnabled = true
        wizard.state.gates = GateReport(status: step == .gates ? "pending" : "approved", loaStatus: "approved")
        wizard.awaitingProof = ["+16465550142"]
        return wizard
    }

    @Test func theProofIsSentFromItsPathsAtEveryStepThatWaitsOnIt() {
        for step in [Step.gates, .associate, .manage] {
            var wizard = Self.model(step)
            let (messages, said) = answer("proof ~/invoice.pdf; \"/scans/statement 2.png\"", &wizard)
            #expect(said == "", "\(step)")
            #expect(
                messages == [
                    .decide(.submitOwnershipProof(documents: ["~/invoice.pdf", "/scans/statement 2.png"], numbers: ["+16465550142"]))
                ], "\(step)")
        }
    }

    @Test func withoutAPathOrOnceApprovedNothingIsSentAndWhyIsSaid() {
        var wizard = Self.model(.manage)
        #expect(
            answer("proof", &wizard)
                == (
                    [],
                    "! Give the path of a carrier invoice or statement after `proof` (PDF, PNG or JPEG); several paths are separated by ;.\n"
                ))
        wizard.state.gates?.externalVerificationStatus = .approved
        #expect(answer("proof ~/invoice.pdf", &wizard) == ([], "! Telnyx approved the ownership proof; it cannot be replaced.\n"))
        #expect(
            PlainQuestion.current(wizard).prompt(wizard)
                == "Enter = read every number (asks first), f = fresh read, R NUMBER… = refresh (billed), x NUMBER… = remove, E = write them all to a CSV file, ~ = only those changed, C NUMBER… = confirm ownership, H NUMBER = its history, F = frequency, D = disable, L = audit log, webhook URL|clear, a = add numbers, A = add the numbers the ownership proof covers, t = show the table again:"
        )
        #expect(answer("A", &wizard).messages == [.key(.character("A"))])
    }

    @Test func hNamesOneMonitoredNumberForItsHistory() {
        var wizard = Self.model(.manage)
        wizard.state.monitoredNumbers = ["+13125550100", "+13125550101"]
        wizard.state.queriedNumbers = Set(wizard.state.monitoredNumbers)
        #expect(answer("H (312) 555-0101", &wizard).messages == [.key(.character("H"))])
        #expect(wizard.table.cursor == 1)
        #expect(answer("H 1", &wizard).messages == [.key(.character("H"))] && wizard.table.cursor == 0)
        #expect(
            answer("H +13125550199", &wizard)
                == ([], "! Name one monitored number after H (as written, or its place in the list), e.g. `H +13125550134`.\n"))
    }

    @Test func tListsTheNumbersNoLongerMonitored() {
        var wizard = Self.model(.manage)
        #expect(answer("T", &wizard).messages == [.key(.character("T"))])
    }

    /// A box shown (the tombstones, a history) asks for Enter; a command typed instead closes
    /// it and is carried out, not swallowed.
    @Test func aCommandTypedAtPressEnterIsCarriedOut() {
        var wizard = Self.model(.manage)
        wizard.state.monitoredNumbers = ["+13125550100", "+13125550101"]
        wizard.state.queriedNumbers = Set(wizard.state.monitoredNumbers)
        wizard.overlay = .removedNumbers(lines: ["No number was removed."], top: 0)
        #expect(PlainQuestion.current(wizard).prompt(wizard) == "Press Enter to go on:")
        #expect(answer("H +13125550101", &wizard).messages == [.key(.character("H"))])
        #expect(wizard.overlay == nil && wizard.table.cursor == 1)
        wizard.overlay = .removedNumbers(lines: ["No number was removed."], top: 0)
        #expect(answer("", &wizard) == ([], ""))
        #expect(wizard.overlay == nil)
    }

    @Test func rChecksTheProofsReviewWhileItRuns() {
        var wizard = Self.model(.manage)
        #expect(answer("r", &wizard).said.hasPrefix("! r is not one of the answers"))
        wizard.state.gates?.externalVerificationStatus = .pending
        #expect(answer("r", &wizard).messages == [.key(.character("r"))])
    }

    /// `M NUMBER…` asks what the calls are for, then a contact email, then the state machine
    /// (whose cost question follows); a wrong email is said and asked again; q cancels.
    @Test func remediationIsAskedAQuestionAtATime() {
        var wizard = Self.model(.manage)
        wizard.state.monitoredNumbers = ["+13125550100", "+13125550101"]
        wizard.state.queriedNumbers = Set(wizard.state.monitoredNumbers)
        #expect(answer("M +13125550101", &wizard).messages == [.key(.character("M"))])
        _ = WizardUpdate.update(&wizard, .key(.character("M")))
        #expect(PlainQuestion.current(wizard) == .remediation(field: 0))
        #expect(
            PlainQuestion.current(wizard).prompt(wizard)
                == "What are the calls from this number for? (the carriers' reviewers read it; the cost is asked next; q cancels):")
        // An empty purpose is said at once and asked again, before the email.
        #expect(answer("", &wizard).messages.isEmpty)
        #expect(
            PlainQuestion.current(wizard).prompt(wizard)
                == "! Say what the calls from these numbers are for (1 to 2,000 characters).\nWhat are the calls from this number for? (the carriers' reviewers read it; the cost is asked next; q cancels):"
        )
        #expect(answer("Appointment reminders", &wizard).messages.isEmpty)
        #expect(PlainQuestion.current(wizard) == .remediation(field: 1))
        let sent = answer("ops@acme", &wizard).messages
        #expect(sent == [.key(.enter)])
        _ = WizardUpdate.update(&wizard, .key(.enter))
        #expect(
            PlainQuestion.current(wizard).prompt(wizard)
                == "! ops@acme is not an email address (name@example.com); or leave it empty.\nContact email for the carriers (optional; Enter for none):"
        )
        _ = answer("ops@acme.example.com", &wizard)
        #expect(
            WizardUpdate.update(&wizard, .key(.enter)).contains(
                .send(.remediate(numbers: ["+13125550101"], callPurpose: "Appointment reminders", contactEmail: "ops@acme.example.com"))))
        _ = WizardUpdate.update(&wizard, .key(.character("M")))
        #expect(answer("q", &wizard).messages == [.key(.escape)])
    }
}
