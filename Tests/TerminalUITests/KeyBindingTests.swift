import Foundation
import Onboarding
import Testing

@testable import TerminalUI

/// The key line, help and dispatch read one declaration per step: every key the key line shows
/// does something, help names it, and a key no step declares does nothing.
@Suite struct KeyBindingTests {
    static let names = GoldenScreenTests.states.filter { $0.model.overlay == nil && $0.model.state.confirmation == nil }.map(\.name)

    @Test(arguments: names)
    func everyKeyOnTheKeyLineDoesSomethingAndHelpNamesIt(name: String) throws {
        let wizard = try #require(GoldenScreenTests.states.first { $0.name == name }?.model)
        let screen = StepScreens.screen(wizard)
        let shown = screen.bindings(wizard).filter { $0.label != nil }
        #expect(!shown.isEmpty)
        let help = Overlays.help(wizard)
        for binding in shown {
            // One of its keys at least (↑ at the top of a list does nothing; ↓ does).
            let acts = binding.keys.contains { key in
                var pressed = wizard
                return !WizardController.handle(key, &pressed).isEmpty || pressed != wizard
            }
            #expect(acts, "\(name): “\(binding.label ?? "")” does nothing")
            #expect(help.contains(binding.help), "\(name): help does not name “\(binding.label ?? "")”")
        }
        // A key no step declares changes nothing and asks for nothing.
        var pressed = wizard
        #expect(WizardController.handle(.function(9), &pressed) == [])
        #expect(pressed.overlay == wizard.overlay && pressed.state == wizard.state && pressed.table == wizard.table)
    }
}

@Suite struct WebhookKeyTests {
    /// W at step 9 opens the webhook's box with the URL Telnyx holds; Enter sends what is typed
    /// (empty clears it), Esc leaves without sending.
    @Test func theWebhookIsTypedThenSentOrLeft() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.webhookURL = "https://old.example.com/hook"
        }
        _ = press([.character("W")], &wizard)
        #expect(wizard.overlay == .webhook(TextField("https://old.example.com/hook")))
        _ = press([.control("u")] + Key.typing("https://hooks.example.com/telnyx"), &wizard)
        #expect(press([.enter], &wizard) == [.send(.setWebhook(url: "https://hooks.example.com/telnyx"))])
        #expect(wizard.overlay == nil)
        _ = press([.character("W"), .control("u")], &wizard)
        #expect(press([.enter], &wizard) == [.send(.setWebhook(url: nil))], "empty clears it")
        _ = press([.character("W")], &wizard)
        #expect(press([.escape], &wizard).isEmpty && wizard.overlay == nil)
    }
}

@Suite struct OwnershipKeyTests {
    /// C at step 9 answers Telnyx for the selected (or current) numbers it asks about; others
    /// are left out, and with none asked about nothing is sent.
    @Test func confirmAnswersOnlyTheNumbersTelnyxAsksAbout() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100", "+13125550101", "+13125550102"]
            state.queriedNumbers = Set(state.monitoredNumbers)
            state.ownershipNotices = [OwnershipNotice(phoneNumber: "+13125550101", status: .pendingConfirmation)]
        }
        #expect(press([.character("C")], &wizard).isEmpty, "the current number is not asked about")
        #expect(wizard.notice == "Telnyx asks nothing about these numbers' ownership: C answers for the numbers marked !.")
        _ = press([.character(" "), .character(" ")], &wizard)
        #expect(wizard.table.selected == ["+13125550100", "+13125550101"])
        // A selected number still shows that Telnyx asks about it.
        let rows = screen(wizard).split(separator: "\n").filter { $0.contains("+1312555010") }.map { $0.split(separator: "│")[1] }
        #expect(
            rows == [
                " *  +13125550100 —                —    —    —    —",
                " *! +13125550101 —                —    —    —    —",
                "    +13125550102 —                —    —    —    —",
            ])
        #expect(press([.character("C")], &wizard) == [.send(.confirmOwnership(["+13125550101"]))])
        #expect(wizard.table.selected.isEmpty)
    }
}

@Suite struct OwnershipProofKeyTests {
    /// P opens the proof's box at steps 6 and 9 (^P at step 7, where letters are typed);
    /// Enter sends the paths typed (split at `;`) for the numbers that wait on it, an empty
    /// field sends nothing, and an approved proof cannot be sent again.
    @Test func theProofIsTypedThenSentForTheNumbersThatWait() {
        var manage = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        manage.awaitingProof = ["+16465550142", "+16465550143"]
        _ = press([.character("P")], &manage)
        #expect(manage.overlay == .ownershipProof(TextField()))
        #expect(press([.enter], &manage).isEmpty && manage.overlay == .ownershipProof(TextField()), "nothing typed, nothing sent")
        _ = press(Key.typing("~/invoice.pdf; '/scans/statement 2.png' ;"), &manage)
        #expect(
            press([.enter], &manage) == [
                .send(.submitOwnershipProof(documents: ["~/invoice.pdf", "/scans/statement 2.png"], numbers: manage.awaitingProof))
            ])
        #expect(manage.overlay == nil)

        var review = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "pending", loaStatus: "pending")
        }
        _ = press([.character("P")], &review)
        #expect(review.overlay == .ownershipProof(TextField()))

        var associate = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        _ = press([.character("P")], &associate)
        #expect(associate.overlay == nil && associate.numbersText.text == "P", "a letter is typed into the list")
        _ = press([.control("p")], &associate)
        #expect(associate.overlay == .ownershipProof(TextField()))

        var approved = manage
        approved.state.gates?.externalVerificationStatus = .approved
        #expect(press([.character("P")], &approved).isEmpty && approved.overlay == nil, "an approved proof is frozen")
    }

    /// A adds the numbers that waited on the proof once it is approved (the estimate comes
    /// next), r checks its review now while it runs; neither acts otherwise.
    @Test func theNumbersThatWaitedAreAddedOnceTheProofIsApproved() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved", externalVerificationStatus: "pending")
        }
        wizard.awaitingProof = ["+16465550142", "+16465550143"]
        #expect(press([.character("A")], &wizard).isEmpty && wizard.state.confirmation == nil, "not approved yet")
        #expect(press([.character("r")], &wizard) == [.checkReviewNow], "r checks the review now while it runs")
        wizard.state.gates?.externalVerificationStatus = .approved
        #expect(press([.character("r")], &wizard).isEmpty, "nothing to check")
        #expect(press([.character("A")], &wizard) == [.send(.addNumbers(["+16465550142", "+16465550143"]))])
    }
}

@Suite struct OwnershipHistoryKeyTests {
    /// H opens the current number's ownership box and asks for it; the answer fills that box
    /// only (not one closed meanwhile); Esc closes it.
    @Test func theHistoryOfTheCurrentNumberIsOneKeyAway() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100", "+13125550101"]
            state.queriedNumbers = Set(state.monitoredNumbers)
        }
        #expect(press([.down, .character("H")], &wizard) == [.loadOwnershipHistory("+13125550101")])
        #expect(wizard.overlay == .ownershipHistory(number: "+13125550101", lines: nil, top: 0))
        _ = WizardUpdate.update(&wizard, .ownershipHistory(number: "+13125550101", .success(["+13125550101 · hosted at Telnyx"])))
        #expect(wizard.overlay == .ownershipHistory(number: "+13125550101", lines: ["+13125550101 · hosted at Telnyx"], top: 0))
        _ = press([.escape], &wizard)
        #expect(wizard.overlay == nil)
        _ = WizardUpdate.update(&wizard, .ownershipHistory(number: "+13125550101", .success(["late"])))
        #expect(wizard.overlay == nil, "a late answer does not reopen a closed box")
    }
}

@Suite struct RemovedNumbersKeyTests {
    /// T lists the numbers no longer monitored, read from Telnyx (its tombstones), in a box of
    /// their own; they never join the table.
    @Test func removedNumbersAreListedOnRequestOutsideTheTable() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100"]
            state.queriedNumbers = Set(state.monitoredNumbers)
        }
        #expect(press([.character("T")], &wizard) == [.loadRemovedNumbers])
        #expect(wizard.overlay == .removedNumbers(lines: nil, top: 0))
        let lines = ["1 number, newest first:", "+13125550101  ported away on 2026-11-29 09:00 UTC"]
        _ = WizardUpdate.update(&wizard, .removedNumbers(.success(lines)))
        #expect(wizard.overlay == .removedNumbers(lines: lines, top: 0))
        #expect(NumbersTable.rows(wizard) == ["+13125550100"])
        _ = press([.character("T")], &wizard)
        #expect(wizard.overlay == nil)
    }
}

@Suite struct OwnershipProofFeedbackTests {
    /// The paths typed stay offered until Telnyx takes the proof (a refused file is corrected,
    /// not typed again); once taken, the wizard says so and the box opens empty.
    @Test func thePathsStayUntilTelnyxTakesTheProofThenItIsSaid() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        _ = press([.character("P")] + Key.typing("~/invoice.txt") + [.enter], &wizard)
        wizard.state.lastError = Failure(message: "Ownership proof: ~/invoice.txt is not a PDF, PNG or JPEG")
        _ = press([.character("P")], &wizard)
        #expect(wizard.overlay == .ownershipProof(TextField("~/invoice.txt")))
        _ = press([.control("u")] + Key.typing("~/invoice.pdf") + [.enter], &wizard)
        wizard.state.lastError = nil
        wizard.state.gates?.externalVerificationStatus = .pending
        WizardController.finished(
            .submitOwnershipProof(documents: ["~/invoice.pdf"], numbers: []), confirmationBefore: nil, &wizard)
        #expect(wizard.notice == "Sent the ownership proof (1 document); Telnyx reviews it and the wizard checks on its own.")
        _ = press([.character("P")], &wizard)
        #expect(wizard.overlay == .ownershipProof(TextField()))
    }
}

@Suite struct RemediationKeyTests {
    /// M opens the remediation box for the selected (or current) numbers; Enter asks the state
    /// machine (the cost comes next), Esc leaves without asking.
    @Test func theSelectedNumbersGoToRemediationWithTheirCallPurpose() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
            state.monitoredNumbers = ["+13125550100", "+13125550101", "+13125550102"]
            state.queriedNumbers = Set(state.monitoredNumbers)
        }
        _ = press([.down, .character(" "), .character(" "), .character("M")], &wizard)
        #expect(wizard.overlay == .remediation(RemediationForm(numbers: ["+13125550101", "+13125550102"])))
        _ = press(Key.typing("Appointment reminders") + [.down] + Key.typing("ops@acme.example.com"), &wizard)
        #expect(
            press([.enter], &wizard) == [
                .send(
                    .remediate(
                        numbers: ["+13125550101", "+13125550102"], callPurpose: "Appointment reminders",
                        contactEmail: "ops@acme.example.com"))
            ])
        #expect(wizard.overlay == nil)
        _ = press([.character("M")], &wizard)
        #expect(press([.escape], &wizard).isEmpty && wizard.overlay == nil)
    }

    /// A paste goes into the field being typed in, line breaks as spaces, and never answers
    /// anything: a pasted `y` after a line break stays text; where no field is typed in, a
    /// paste does nothing at all (no `R` refresh, no `x`).
    @Test func aPasteIsTextNeverKeys() {
        var wizard = monitoring(["+13125550100"])
        #expect(press([.paste("Rx\ny")], &wizard).isEmpty)
        #expect(wizard.overlay == nil && wizard.state.confirmation == nil)
        #expect(wizard.notice == "A paste goes into a text field; nothing was done with it here.")
        _ = press([.character("M"), .paste("Reminders\r\nfor patients\u{1B}[31m y")], &wizard)
        var expected = RemediationForm(numbers: ["+13125550100"])
        expected.callPurpose = TextField("Reminders for patients[31m y")
        #expect(wizard.overlay == .remediation(expected))

        var adding = model(.associate) { $0.reputationEnabled = true }
        _ = press([.paste("(312) 555-0134\r\n3125550135\n312 555 0136")], &adding)
        #expect(adding.numberLines == ["(312) 555-0134", "3125550135"])
        #expect(adding.numbersText == TextField("312 555 0136"))
    }

    /// What was typed in the box is offered again until Telnyx takes a request: a failure (a
    /// 500, say) does not make the person type the call purpose again.
    @Test func theBoxKeepsWhatWasTypedUntilARequestIsTaken() {
        var wizard = monitoring(["+13125550100"])
        _ = press([.character("M")] + Key.typing("Reminders") + [.down] + Key.typing("ops@acme.example.com") + [.enter], &wizard)
        #expect(wizard.overlay == nil)
        // Telnyx answered 500: nothing was taken.
        wizard.state.lastError = Failure(status: 500, message: "“send 1 number to remediation” did not go through.")
        _ = press([.character("M")], &wizard)
        var kept = RemediationForm(numbers: ["+13125550100"])
        kept.callPurpose = TextField("Reminders")
        kept.contactEmail = TextField("ops@acme.example.com")
        #expect(wizard.overlay == .remediation(kept))
        _ = press([.escape], &wizard)
        // Taken: the next request starts empty.
        wizard.state.lastError = nil
        let action = BillableAction.remediate(numbers: ["+13125550100"], callPurpose: "Reminders", contactEmail: "ops@acme.example.com")
        let confirmation = PendingConfirmation(action: action, estimate: action.estimate(.listPrices))
        WizardController.finished(.confirm, confirmationBefore: confirmation, &wizard)
        _ = press([.character("M")], &wizard)
        #expect(wizard.overlay == .remediation(RemediationForm(numbers: ["+13125550100"])))
    }

    /// A call purpose too long for Telnyx is refused where it can be read: the box shows the
    /// text's end and its length, and the problem stays on screen at 80×24.
    @Test func aTooLongCallPurposeIsRefusedInView() {
        var wizard = monitoring(["+13125550100"])
        _ = press([.character("M")] + Key.typing(String(repeating: "a", count: 2001)), &wizard)
        #expect(press([.enter], &wizard).isEmpty)
        let shown = screen(wizard)
        #expect(shown.contains("│ ▸ Call purpose (2,001 characters):      "), "\(shown)")
        #expect(shown.contains("│ …aaaaaaaaaa"), "the text's end")
        #expect(shown.contains("! Say what the calls from these numbers are for (1 to 2,000"), "\(shown)")
        #expect(shown.contains("↑↓ field   Enter go on   Esc cancel"), "\(shown)")
    }

    /// Numbers all in a request still under way are said at once, before the call purpose is
    /// asked for nothing; one of them beside another number opens the box (the other goes).
    @Test func numbersAlreadyUnderWayAreSaidBeforeTheBox() {
        var wizard = monitoring(["+13125550100", "+13125550101"]) { state in
            state.remediations = [
                RemediationRecord(
                    id: "rem-1", numbers: ["+13125550100"], status: "in_progress", submitted: 1, ineligible: 0, callPurpose: "Reminders")
            ]
        }
        #expect(press([.character("M")], &wizard).isEmpty)
        #expect(wizard.overlay == nil)
        #expect(wizard.notice == "+13125550100 is in a remediation request still under way; its outcome shows here once Telnyx is done.")
        _ = press([.character(" "), .character(" "), .character("M")], &wizard)
        #expect(wizard.overlay == .remediation(RemediationForm(numbers: ["+13125550100", "+13125550101"])))
    }

    /// What is wrong with the call purpose or the email is said in the box, which stays open
    /// with everything typed; nothing is asked of the state machine meanwhile.
    @Test func aWrongEntryIsSaidInTheBoxAndNothingTypedIsLost() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100"]
            state.queriedNumbers = Set(state.monitoredNumbers)
        }
        _ = press([.character("M"), .down] + Key.typing("sam@acme"), &wizard)
        #expect(press([.enter], &wizard).isEmpty)
        var expected = RemediationForm(numbers: ["+13125550100"])
        expected.contactEmail = TextField("sam@acme")
        expected.problem = "Say what the calls from these numbers are for (1 to 2,000 characters)."
        #expect(wizard.overlay == .remediation(expected))
        _ = press(Key.typing("Reminders") + [.enter], &wizard)
        expected.callPurpose = TextField("Reminders")
        expected.focus = 1
        expected.problem = "sam@acme is not an email address (name@example.com); or leave it empty."
        #expect(wizard.overlay == .remediation(expected))
    }

    /// C, and the webhook, say when Telnyx took them (they have no confirmation).
    @Test func freeAnswersAreSaidOnceTaken() {
        var wizard = model(.manage) { $0.reputationEnabled = true }
        WizardController.finished(.confirmOwnership(["+13125550101"]), confirmationBefore: nil, &wizard)
        #expect(wizard.notice == "Told Telnyx +13125550101 is still yours.")
        WizardController.finished(.setWebhook(url: "https://hooks.example.com/t"), confirmationBefore: nil, &wizard)
        #expect(wizard.notice == "Telnyx now calls https://hooks.example.com/t for ownership events.")
    }
}

@Suite struct SelectionUnderAFilterTests {
    /// Numbers selected and then hidden by a filter still go with M (and R, x): the
    /// confirmation names every one, nothing is dropped without a word.
    @Test func selectedNumbersHiddenByAFilterStillGo() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
            state.monitoredNumbers = ["+13125550100", "+13125550101", "+16465550102"]
            state.queriedNumbers = Set(state.monitoredNumbers)
        }
        _ = press([.character(" "), .character(" "), .character("/")] + Key.typing("646") + [.enter], &wizard)
        _ = press([.character(" "), .character("M")], &wizard)
        #expect(wizard.overlay == .remediation(RemediationForm(numbers: ["+13125550100", "+13125550101", "+16465550102"])))
    }
}

/// A charge over the monthly budget takes `O`, never a `y` typed out of habit.
@Suite struct OverBudgetKeyTests {
    @Test func yIsRefusedAndOGoesOverTheBudget() {
        var over = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100"]
            state.monthlyBudget = .dollars(1)
            state.confirmation = PendingConfirmation(
                action: .refresh(numbers: ["+13125550100"]), estimate: CostEstimate.liveChecks(1),
                budget: BudgetCheck(
                    month: "2026-11", spentThisMonth: .dollars(1), thisAction: Money(cents: 10), monthlyBefore: .dollars(100),
                    monthlyAfter: .dollars(100), budget: .dollars(1)))
        }
        #expect(press([.character("y")], &over) == [])
        #expect(over.notice == "This passes the monthly budget: O goes over it, n cancels.")
        #expect(press([.character("o")], &over) == [])
        #expect(over.notice == "Going over the monthly budget takes a capital O (Shift+o); n cancels.")
        #expect(press([.character("O")], &over) == [.send(.confirmOverBudget)])
        var within = over
        within.state.confirmation?.budget?.budget = .dollars(500)
        #expect(press([.character("y")], &within) == [.send(.confirm)])
        #expect(press([.character("O")], &within) == [])
    }
}

/// Step 8 says the whole cost of reading now, and `w` leaves the first read to Telnyx's check.
@Suite struct FirstReadKeyTests {
    @Test func tenThousandNumbersAreCostedPlainlyAndWWaitsForTheScheduledCheck() {
        let numbers = (0..<10_000).map { "+1312\(String(format: "%07d", $0))" }
        var step8 = model(.query) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = numbers
        }
        #expect(
            NumbersTable.firstReadChoice(step8.state)
                == "First reads are billed: reading the 10,000 numbers marked $ now costs $1,000.00 (10,000 × $0.10; Enter). Or w: Telnyx's first scheduled check (every business day) reads them; nothing billed now."
        )
        #expect(press([.character("w")], &step8) == [.send(.awaitScheduledCheck)])
        step8.state.checkFrequency = .never
        #expect(NumbersTable.firstReadChoice(step8.state).hasSuffix("(10,000 × $0.10; Enter)."))
        #expect(NumbersTable.bindings(step8).allSatisfy { !$0.keys.contains(.character("w")) }, "no scheduled check to wait for")
    }
}

@Suite struct ChangesAndExportKeyTests {
    @Test func tildeShowsOnlyChangedNumbersAndEWritesTheSheet() {
        var manage = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100", "+13125550101", "+13125550102"]
            state.queriedNumbers = Set(state.monitoredNumbers)
        }
        manage.changedSinceLook = ["+13125550102"]
        #expect(NumbersTable.rows(manage) == ["+13125550100", "+13125550101", "+13125550102"])
        _ = press([.character("~")], &manage)
        #expect(NumbersTable.rows(manage) == ["+13125550102"])
        _ = press([.character("~")], &manage)
        #expect(NumbersTable.rows(manage).count == 3)
        #expect(press([.character("E")], &manage) == [.exportNumbers])
    }
}
