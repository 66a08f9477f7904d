import Foundation
import Onboarding
import Testing
import WizardRuntime

@testable import TerminalUI

/// A model at a step, as the engine would have left it.
func model(_ step: Step, _ change: (inout OnboardingState) -> Void = { _ in }) -> WizardModel {
    var state = OnboardingState(id: "onb-screen")
    state.step = step
    state.terms = step == .terms ? .required(version: "v1.0.0") : .agreed(version: "v1.0.0")
    if step > .enterprise { state.enterprise = .init(id: "ent-1", legalName: "Acme Widgets Inc") }
    change(&state)
    return WizardModel(state: state, sandboxScenario: "happy")
}

/// Step 9 with `numbers` (E.164) monitored, each read once.
func monitoring(_ numbers: [String], _ change: (inout OnboardingState) -> Void = { _ in }) -> WizardModel {
    model(.manage) { state in
        state.reputationEnabled = true
        state.monitoredNumbers = numbers
        state.queriedNumbers = Set(numbers)
        change(&state)
    }
}

/// Feeds keys to the controller and answers every command they led to.
func press(_ keys: [Key], _ model: inout WizardModel) -> [Command] {
    keys.flatMap { key in WizardController.handle(key, &model).flatMap { performingFileWork($0, &model) } }
}

/// A command that works on local files is run here and now (as `WizardRuntime` would, off the
/// key loop), and its message answered; every other command is returned as it is.
func performingFileWork(_ command: Command, _ model: inout WizardModel) -> [Command] {
    let message: WizardMessage
    switch command {
    case .readNumbersFile(let typed): message = LocalFileWork.numbersFile(typed)
    case .checkFile(let check): message = LocalFileWork.check(check)
    case .completePath(let field, let typed): message = LocalFileWork.complete(field, typed: typed)
    default: return [command]
    }
    return WizardUpdate.answer(message, &model)
}

func screen(_ model: WizardModel, width: Int = 80, height: Int = 24) -> String {
    let terminal = InMemoryTerminal(width: width, height: height)
    terminal.show(WizardView.render(model, width: width, height: height))
    return terminal.text
}

@Suite struct WizardScreenTests {
    /// A long assignee is cut in the title; the product and the enterprise keep their place.
    @Test func aLongAssigneeIsCutInTheTitle() {
        var wizard = model(.loaRender)
        wizard.sandboxScenario = nil
        wizard.deskCase = DeskCase(assignee: "Maximiliana-Alexandra-Christina-Legelstein", followUpOn: "2026-12-08")
        let title = screen(wizard).split(separator: "\n", omittingEmptySubsequences: false)[0]
        #expect(title == " Telnyx Number Reputation · Acme Widgets Inc  Maximilia… · follow up 2026-12-08")
    }

    @Test func theFrameShowsProductEnterpriseStepsAndKeys() {
        let text = screen(model(.loaRender))
        #expect(text.contains("Telnyx Number Reputation · Acme Widgets Inc"))
        #expect(text.contains("SANDBOX (happy) · nothing billed"))
        #expect(text.contains("✓ 1 Terms of Service"))
        #expect(text.contains("▶ 3 Letter of authorization"))
        #expect(text.contains("  4 Sign and upload"))
        // The signer's name is focused: q and ? are text there.
        #expect(text.hasSuffix("\n ↑↓/Tab move  Enter next  F2 render  ^Q quit  F1 help"))
    }

    @Test func termsShowTheLinkAndVersionAndAgreeingIsExplicit() {
        var terms = model(.terms)
        let text = screen(terms)
        #expect(text.contains("https://telnyx.com/terms/reputation-services"))
        #expect(text.contains("Version: v1.0.0"))
        #expect(press([.character("x")], &terms).isEmpty)
        #expect(press([.enter], &terms) == [.send(.agreeToTerms)])
    }

    @Test func belowEightyByTwentyFourTheScreenAsksToEnlargeUntilResized() {
        let terminal = InMemoryTerminal(width: 79, height: 24)
        let wizard = model(.terms)
        terminal.show(WizardView.render(wizard, width: terminal.size.width, height: terminal.size.height))
        #expect(terminal.text.contains("please enlarge the window"))
        terminal.resize(width: 80, height: 24)
        #expect(terminal.nextKey(timeoutMilliseconds: 0) == .resize)
        terminal.show(WizardView.render(wizard, width: terminal.size.width, height: terminal.size.height))
        #expect(!terminal.text.contains("enlarge"))
        #expect(terminal.text.contains("Step 1 of 9"))
        terminal.show(WizardView.render(wizard, width: 80, height: 24))
        #expect(terminal.redrawnRows.last == [], "an unchanged screen redraws nothing")
    }

    @Test func aFieldIsCheckedAsThePersonLeavesItAndEveryKeystrokeIsKept() {
        var wizard = model(.enterprise)
        var commands = press(Key.typing("Ac"), &wizard)
        #expect(commands.last == .saveDraft(form: .enterprise, fields: wizard.enterpriseForm.draft))
        #expect(wizard.enterpriseForm.draft["legal_name"] == "Ac")
        commands = press([.down], &wizard)
        // Too short a legal name is named under it as the person leaves it (the legend's "! fix"
        // is on every frame, so only the whole frame shows it).
        let leftTooShort = """
             Telnyx Number Reputation                      SANDBOX (happy) · nothing billed
                                        │
             ✓ 1 Terms of Service       │ Step 2 of 9 · Enterprise
                                        │
             ▶ 2 Enterprise             │ The business Telnyx vets. * marks required
                 current                │ fields. Each field is checked as you leave it.
               3 Letter of authorization│ ── Business ──
                                        │ * Legal name          Ac
               4 Sign and upload        │   ! needs at least 3 characters
                                        │ * Doing business as
               5 Enable reputation      │ * Organisation type   commercial
                                        │ * Legal form
               6 Telnyx review          │ * Industry
                                        │ * Employees
               7 Add numbers            │ * FEIN
                                        │ * Jurisdiction of inc
               8 Check reputation       │ * Website
                                        │ * Country             US
               9 Manage                 │   Role                enterprise
                                        │ ── Organisation contact ──
                                        │ * First name
            ✓ done ▶ now … waiting ! fix│

             ↑↓/Tab move  F3 use existing  ^Q quit  F1 help
            """
        #expect(screen(wizard) == leftTooShort)
        // Move to the FEIN and write it wrongly.
        while wizard.enterpriseForm.focusedRow != .field(.fein) { _ = press([.down], &wizard) }
        _ = press(Key.typing("12-34") + [.down], &wizard)
        let text = screen(wizard)
        #expect(text.contains("FEIN"))
        #expect(wizard.enterpriseForm.problems[.fein] != nil)
        #expect(text.contains(wizard.enterpriseForm.problems[.fein]!.prefix(30)))
        // A draft brings every typed field back.
        let resumed = EnterpriseForm(draft: wizard.enterpriseForm.draft)
        #expect(resumed.values[.legalName]?.text == "Ac")
        #expect(resumed.values[.fein]?.text == "12-34")
    }

    @Test func choiceFieldsFilterAsTypedAndCompleteWithRight() {
        var wizard = model(.enterprise)
        while wizard.enterpriseForm.focusedRow != .field(.industry) { _ = press([.down], &wizard) }
        _ = press(Key.typing("reta") + [.right], &wizard)
        #expect(wizard.enterpriseForm.values[.industry]?.text == "retail")
    }

    @Test func reviewingWithProblemsGoesToTheFirstOneInsteadOfSending() {
        var wizard = model(.enterprise)
        wizard.enterpriseForm.focus = wizard.enterpriseForm.rows.count - 1
        let commands = press([.enter], &wizard)
        #expect(!commands.contains { if case .send = $0 { true } else { false } })
        #expect(wizard.notice?.contains("need attention") == true)
        #expect(wizard.enterpriseForm.focusedRow == .field(.legalName))
    }

    @Test func theConfirmationNamesTheCostAndOnlyYesPays() {
        var wizard = model(.enable) { state in
            state.loaDocumentId = "doc-1"
            state.confirmation = PendingConfirmation(
                action: .enable(frequency: .weekly, plannedNumbers: 100),
                estimate: BillableAction.enable(frequency: .weekly, plannedNumbers: 100).estimate(.listPrices))
        }
        let text = screen(wizard)
        #expect(text.contains("This is billed"))
        #expect(text.contains("Cost: $100.00"))
        #expect(press([.enter, .character("a")], &wizard).isEmpty)
        #expect(press([.character("y")], &wizard) == [.send(.confirm)])
        #expect(press([.escape], &wizard) == [.send(.cancel)])
    }

    @Test func theFrequencyScreenProjectsTheMonthlyCost() {
        var wizard = model(.enable) { $0.loaDocumentId = "doc-1" }
        _ = press(Key.typing("1000"), &wizard)
        let text = screen(wizard)
        #expect(text.contains("every business day"))
        #expect(text.contains(CostEstimate.monthly(.businessDaily, numbers: 1000).amount.description))
        _ = press([.down, .down], &wizard)
        #expect(press([.enter], &wizard) == [.send(.chooseFrequency(.weekly, plannedNumbers: 1000))])
    }

    @Test func aRejectionShowsItsReasonsInFullSanitisedWithTheWayForwardOneKeyAway() {
        var wizard = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(
                status: "rejected", loaStatus: "pending",
                rejectionReasons: ["Legal name does not match IRS records for the given FEIN.", "Website\u{1B}[2J is unreachable."])
        }
        let text = screen(wizard)
        #expect(text.contains("! rejected"))
        #expect(text.contains("… pending"))
        // In full, wrapped to the screen.
        #expect(text.contains("• Legal name does not match IRS records for the"))
        #expect(text.contains("  given FEIN."))
        #expect(text.contains("• Website is unreachable."))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("c correct enterprise"))
        #expect(text.contains("! 6 Telnyx review"))
        #expect(press([.character("r")], &wizard) == [.checkReviewNow])
        #expect(press([.character("t")], &wizard) == [.advanceSandboxClock, .checkReviewNow])
        #expect(press([.character("l")], &wizard).isEmpty, "the correction carries a new LOA; l is not offered")
        #expect(press([.character("c")], &wizard) == [.loadEnterpriseRecord])
        wizard.startCorrection(record: telnyxRecord, draft: nil)
        #expect(screen(wizard).contains("│ The form shows what Telnyx holds; ◆ marks the"))
    }

    @Test func waitingOnReviewSaysWhenTheNextCheckIs() {
        var wizard = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "pending")
            state.gatesCheckedAt = Date(timeIntervalSince1970: 1_000)
        }
        wizard.now = Date(timeIntervalSince1970: 1_120)
        wizard.nextReviewCheckAt = Date(timeIntervalSince1970: 1_180)
        let text = screen(wizard)
        #expect(text.contains("│ last checked 2 min ago\n") && text.contains("│ next check in 1 min\n"))
        #expect(text.contains("… 6 Telnyx review"))
        #expect(text.contains("waiting on Telnyx"))
    }

    @Test func everyNumberLineIsCheckedAsItIsWritten() {
        var wizard = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
            state.monitoredNumbers = ["+13125550100"]
        }
        wizard.inventory = ["+13125550134", "+13125550100"]
        _ = press(Key.typing("(312) 555-0134\n312.555.0134\n+44 20 7946 0958\n3125550100\n2125550199"), &wizard)
        let text = screen(wizard)
        #expect(text.contains("✓ +13125550134"))
        #expect(text.contains("duplicate of line 1"))
        #expect(text.contains("already monitored"))
        #expect(text.contains("! at another carrier"))
        #expect(text.contains("1 to add in 1 batch of up to 100 · $0.10"))
        // The number outside the inventory goes too, to be set aside and named in the confirmation.
        // The line refused goes along, to be named in the confirmation.
        #expect(
            press([.function(2)], &wizard) == [
                .send(
                    .addNumbers(
                        ["+13125550134", "+12125550199"],
                        setAside: [
                            "+44 20 7946 0958": "line 3: is not a US number (country code +44); only US numbers (+1) can be monitored"
                        ]))
            ])
    }

    @Test func theTableShowsRiskAsAWordAndMarksBilledFirstReads() {
        var wizard = model(.query) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100", "+13125550101"]
            state.queriedNumbers = ["+13125550100"]
        }
        wizard.readings["+13125550100"] = NumberReading(
            phoneNumber: "+13125550100", spamRisk: "high", category: "telemarketing", maturity: 80, connection: 12, engagement: 40,
            sentiment: 5)
        let text = screen(wizard)
        // Scores as numbers with a one-cell bar beside them at 80 columns.
        #expect(text.contains("  +13125550100 HIGH   telemar  80▆  12▁  40▃   5"))
        #expect(text.contains("$ +13125550101 —"))
        #expect(press([.enter], &wizard) == [.send(.query(numbers: ["+13125550100", "+13125550101"], fresh: false))])
    }

    /// Many lines refused at step 7, each with a long reason: the confirmation still shows its
    /// cost and keys at 80×24 (each refused line takes one row, cut).
    @Test func aConfirmationWithManySetAsideLinesKeepsItsCostInView() {
        var wizard = model(.associate) { $0.reputationEnabled = true }
        let numbers = (0..<668).map { String(format: "+1312555%04d", $0) }
        let refused = Dictionary(
            uniqueKeysWithValues: (0..<1333).map {
                (
                    "line \($0)",
                    "numbers.csv line \($0), column 2 (Phone): is not a US number (country code +44); only US numbers (+1) can be monitored"
                )
            })
        let action = BillableAction.associate(numbers: numbers)
        wizard.state.confirmation = PendingConfirmation(
            action: action, estimate: action.estimate(.listPrices), setAside: SetAsideNumbers(refused))
        let shown = screen(wizard)
        #expect(shown.contains("Cost: $66.80"), "\(shown)")
        #expect(shown.contains("y  confirm and pay      n  cancel"), "\(shown)")
    }

    /// Help longer than the screen scrolls: the first page says how much is below, and the
    /// end of the list (the last keys, quitting) can be reached.
    @Test func helpLongerThanTheScreenScrolls() {
        var wizard = monitoring(["+13125550100"]) { state in
            state.gates = GateReport(status: "approved", loaStatus: "approved", externalVerificationStatus: "pending")
        }
        wizard.notice = "Sent the ownership proof (1 document); Telnyx reviews it and the wizard checks on its own."
        _ = press([.character("?")], &wizard)
        let first = screen(wizard).split(separator: "\n").map(String.init)
        #expect(first.contains { $0.contains("more · ↑↓ PgUp/PgDn scroll  Esc close") }, "\(first.joined(separator: "\n"))")
        #expect(!first.contains { $0.contains("quits at any time") })
        _ = press([.pageDown, .pageDown], &wizard)
        let last = screen(wizard).split(separator: "\n").map(String.init)
        #expect(last.contains { $0.contains("│ q (^Q in a text field) quits at any time; nothing is lost.") })
        #expect(last.contains { $0.contains("│ ↑↓ scroll  Esc close") })
        _ = press([.escape], &wizard)
        #expect(wizard.overlay == nil)
    }

    /// A number read a moment ago says so whole below the table, beside the longest count.
    @Test func aReadingOfAMomentAgoFitsBelowTheTable() {
        var wizard = monitoring((0..<450).map { String(format: "+1312555%04d", $0) })
        wizard.now = Date(timeIntervalSince1970: 1_800_000_000)
        wizard.table.cursor = 297
        wizard.readings["+13125550297"] = NumberReading(
            phoneNumber: "+13125550297", spamRisk: "low", lastRefreshedAt: wizard.now.addingTimeInterval(-20))
        let footer = screen(wizard).split(separator: "\n").first { $0.contains("by number") }
        #expect(footer == "                            │ 298/450 by number ▲  refreshed just now  $ billed")
    }

    @Test func theTableSortsByRiskAndScoresWithUnreadNumbersLast() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550103", "+13125550101", "+13125550102", "+13125550100"]
            state.queriedNumbers = ["+13125550100", "+13125550101", "+13125550102"]
        }
        wizard.readings["+13125550100"] = NumberReading(phoneNumber: "+13125550100", spamRisk: "low", maturity: 90)
        wizard.readings["+13125550101"] = NumberReading(phoneNumber: "+13125550101", spamRisk: "high", maturity: 20)
        wizard.readings["+13125550102"] = NumberReading(phoneNumber: "+13125550102", spamRisk: "medium", maturity: nil)
        func order() -> [String] { NumbersTable.rows(wizard) }
        #expect(order() == ["+13125550100", "+13125550101", "+13125550102", "+13125550103"])
        #expect(screen(wizard).contains("  Number▲"))
        _ = press([.character("s")], &wizard)
        #expect(order() == ["+13125550101", "+13125550102", "+13125550100", "+13125550103"])
        let text = screen(wizard)
        #expect(text.contains("Risk▼") && text.contains("1/4 by risk ▼"))
        _ = press([.character("s")], &wizard)
        #expect(order() == ["+13125550101", "+13125550100", "+13125550102", "+13125550103"])
        #expect(screen(wizard).contains("Mat▲"))
        _ = press([.character("S")], &wizard)
        // Reversed, numbers without the score still come last.
        #expect(order() == ["+13125550100", "+13125550101", "+13125550102", "+13125550103"])
        #expect(screen(wizard).contains("by maturity ▼"))
    }

    @Test func wideTerminalsDrawLongerScoreBarsAndWhenEachNumberWasRefreshed() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100"]
            state.queriedNumbers = ["+13125550100"]
        }
        wizard.now = Date(timeIntervalSince1970: 1_800_000_000)
        wizard.readings["+13125550100"] = NumberReading(
            phoneNumber: "+13125550100", spamRisk: "low", maturity: 80, connection: 100, engagement: 0, sentiment: nil,
            lastRefreshedAt: wizard.now.addingTimeInterval(-7200))
        let text = screen(wizard, width: 130)
        #expect(text.contains("low             80 ████  100 █████   0         —       2 h 0 min ago"))
        #expect(text.contains("Refreshed") && text.contains("2 h 0 min ago"))
    }

    @Test func everyKeyHelpLineLeavesTheLastColumnFree() {
        var models = Step.allCases.map { step in model(step) { $0.reputationEnabled = step >= .gates } }
        var loa = model(.loaRender)
        for _ in 0..<3 { _ = press([.down], &loa) }
        models.append(loa)
        for wizard in models {
            let help = WizardView.keyHelp(wizard)
            #expect(DisplayWidth.of(help) <= 79, "\(wizard.screenStep): \(help)")
        }
    }

    @Test func atEightyColumnsTheFocusedNumberSaysWhenItWasRefreshed() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100", "+13125550101"]
            state.queriedNumbers = Set(state.monitoredNumbers)
        }
        wizard.now = Date(timeIntervalSince1970: 1_800_000_000)
        wizard.readings["+13125550101"] = NumberReading(
            phoneNumber: "+13125550101", spamRisk: "low", lastRefreshedAt: wizard.now.addingTimeInterval(-300))
        #expect(screen(wizard).contains("1/2 by number ▲  * selected  $ billed"), "nothing refreshed yet for the first")
        _ = press([.down], &wizard)
        #expect(screen(wizard).contains("2/2 by number ▲  refreshed 5 min ago"))
    }

    @Test func refreshingMoreThanAHundredSaysHowManyRequests() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = (0..<150).map { String(format: "+1312555%04d", $0) }
        }
        _ = press([.character("/"), .enter], &wizard)
        for _ in 0..<150 { _ = press([.character(" ")], &wizard) }
        let commands = press([.character("R")], &wizard)
        #expect(commands == [.send(.refresh(wizard.state.monitoredNumbers))], "every selected number, not the first 100")
        wizard.state.confirmation = PendingConfirmation(
            action: .refresh(numbers: wizard.state.monitoredNumbers),
            estimate: BillableAction.refresh(numbers: wizard.state.monitoredNumbers).estimate(.listPrices))
        #expect(screen(wizard).contains("Refresh 150 numbers now, in 2 requests of up to 100"))
    }

    @Test func disablingNeedsTheWordTyped() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = ["+13125550100"]
        }
        #expect(press([.character("D")], &wizard) == [.send(.disable)])
        wizard.state.confirmation = PendingConfirmation(
            action: .disable(monitored: 1), estimate: BillableAction.disable(monitored: 1).estimate(.listPrices))
        #expect(screen(wizard).contains("Type DISABLE and press Enter"))
        #expect(press(Key.typing("DISABL") + [.enter], &wizard).isEmpty)
        #expect(wizard.notice == "Type DISABLE exactly to go ahead, or Esc to cancel.")
        #expect(press([.character("E"), .enter], &wizard) == [.send(.confirm)])
        #expect(press([.escape], &wizard) == [.send(.cancel)])
    }

    @Test func disabledReputationIsItsOwnScreenAndEnablingAgainIsAChoice() {
        var wizard = model(.loaRender) { state in
            state.disabledReputation = .init(numbersDropped: 3, outsideWizard: false)
        }
        wizard.disabledBy = .init(at: Date(timeIntervalSince1970: 1_795_000_000), user: "sam")
        let expected = """
             Telnyx Number Reputation · Acme Widgets Inc   SANDBOX (happy) · nothing billed
                                        │
             ✓ 1 Terms of Service       │ Reputation disabled · nothing monitored
                                        │
             ✓ 2 Enterprise             │ Reputation is disabled for Acme Widgets Inc.
                                        │ Disabled 2026-11-18 11:06 UTC by sam.
             ⊘ 3 Letter of authorization│ 3 numbers were dropped and no number is
                 reputation disabled    │ monitored. Nothing more is billed for monitoring.
               4 Sign and upload        │
                                        │ To monitor again, press e: you render, sign and
               5 Enable reputation      │ upload a new LOA, then enabling is billed $100.00
                                        │ a month (asked first). L shows the audit log:
               6 Telnyx review          │ when and by whom it was disabled.
                                        │
               7 Add numbers            │
                                        │
               8 Check reputation       │
                                        │
               9 Manage                 │
                                        │
                                        │
            ✓ done ▶ now … waiting ! fix│

             e enable again (new LOA, then billed)  L log  ? help  q quit
            """
        #expect(screen(wizard) == expected)
        #expect(press([.character("x"), .function(2)], &wizard).isEmpty, "the form waits behind the choice")
        wizard.state.checkFrequency = .weekly
        wizard.frequency = .daily
        let commands = press([.character("e")], &wizard)
        #expect(commands.first == .send(.enableAgain))
        #expect(wizard.frequency == .weekly, "step 5 starts from what is true now")
        #expect(wizard.plannedNumbers.text == "3", "the numbers it dropped")
    }

    @Test func removingAsksFirstNamingTheNumbersAndSaysWhatWasDone() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
            state.monitoredNumbers = ["+13125550100", "+13125550101", "+13125550102"]
        }
        _ = press([.character(" "), .character(" ")], &wizard)
        #expect(press([.character("x")], &wizard) == [.send(.removeNumbers(["+13125550100", "+13125550101"]))])
        let confirmation = PendingConfirmation(
            action: .remove(numbers: ["+13125550100", "+13125550101"]),
            estimate: BillableAction.remove(numbers: ["+13125550100", "+13125550101"]).estimate(.listPrices))
        wizard.state.confirmation = confirmation
        let expected = """
             Telnyx Number Reputation · Acme Widgets Inc   SANDBOX (happy) · nothing billed
                                        │
             ✓ 1 Terms of Service       │ Step 9 of 9 · Manage
                                        │
             ✓ 2 Enterprise             │ 3 numbers monitored every business day.
                                        │
             ✓ 3 Letter of authorization│    Number▲      Risk   Category Mat  Con  Eng  Sen
                   ┌─ Remove from monitoring ───────────────────────────────────────┐     —
             ✓ 4 S │ Stop monitoring 2 numbers:                                     │     —
                   │   +13125550100                                                 │     —
             ✓ 5 E │   +13125550101                                                 │
                   │                                                                │
             ✓ 6 T │ Cost: $0.00                                                    │
                   │ not billed; adding them back is billed again at $0.10 a number │
             ✓ 7 A │                                                                │
                   │ y  remove      n  keep them                                    │
             ✓ 8 C └────────────────────────────────────────────────────────────────┘
                                        │
             ▶ 9 Manage                 │
                 current                │
                                        │ 3/3 by number ▲  * selected  $ billed
            ✓ done ▶ now … waiting ! fix│

             y go ahead   n cancel   q quit
            """
        let text = screen(wizard)
        #expect(text == expected)
        #expect(text.hasSuffix("\n y go ahead   n cancel   q quit"))
        #expect(press([.character("y")], &wizard) == [.send(.confirm)])
        wizard.state.confirmation = nil
        wizard.state.monitoredNumbers = ["+13125550102"]
        WizardController.finished(.confirm, confirmationBefore: confirmation, &wizard)
        #expect(wizard.notice == "Removed 2 numbers from monitoring (+13125550100, +13125550101); the audit log (L) names each.")
    }

    @Test func theFrequencyIsChosenWithItsMonthlyCostAndOneRequestGoes() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
            state.monitoredNumbers = ["+13125550100", "+13125550101"]
            state.checkFrequency = .weekly
        }
        #expect(press([.character("F")], &wizard).isEmpty)
        #expect(wizard.overlay == .chooseFrequency(.weekly))
        let text = screen(wizard)
        #expect(text.contains("(•) every week                 $100.87/month  (now)"))
        #expect(text.contains("( ) every day                  $106.00/month"))
        #expect(press([.down, .down], &wizard).isEmpty, "moving chooses; nothing is sent")
        #expect(press([.enter], &wizard) == [.send(.changeFrequency(.monthly))])
        #expect(wizard.overlay == nil)
    }

    @Test func helpOpensForTheScreenAndQQuitsOutsideTextFields() {
        var wizard = model(.gates) { $0.gates = GateReport(status: "pending", loaStatus: "pending") }
        _ = press([.function(1)], &wizard)
        #expect(screen(wizard).contains("Help · Telnyx review"))
        _ = press([.escape], &wizard)
        #expect(press([.character("q")], &wizard) == [.quit])
        var typing = model(.enterprise)
        #expect(press([.character("q")], &typing).first == .saveDraft(form: .enterprise, fields: typing.enterpriseForm.draft))
        #expect(press([.control("q")], &typing) == [.quit])
    }
}

@Suite struct WizardPickerTests {
    @Test func anExistingEnterpriseIsChosenFromTheAccountsList() {
        var wizard = model(.enterprise)
        #expect(press([.function(3)], &wizard) == [.loadEnterprises])
        wizard.enterprises = [.init(id: "ent-1", label: "Acme Widgets Inc"), .init(id: "ent-2", label: "Other Shops Inc")]
        if case .pickEnterprise(var picker) = wizard.overlay {
            picker.items = wizard.enterprises!
            wizard.overlay = .pickEnterprise(picker)
        }
        _ = press(Key.typing("other"), &wizard)
        #expect(screen(wizard).contains("Other Shops Inc"))
        #expect(!screen(wizard).contains("Acme Widgets Inc"))
        #expect(press([.enter], &wizard) == [.send(.useExistingEnterprise(id: "ent-2", legalName: "Other Shops Inc"))])
    }

    @Test func numbersPickedFromTheInventoryAreCheckedLikeTypedOnes() {
        var wizard = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
            state.monitoredNumbers = ["+13125550100"]
        }
        wizard.inventory = ["+13125550100", "+13125550101", "+13125550102", "+14155550103"]
        _ = press([.function(3)], &wizard)
        let text = screen(wizard)
        #expect(text.contains("[ ] +13125550101"))
        #expect(!text.contains("[ ] +13125550100"), "already monitored numbers are not offered")
        _ = press(Key.typing("312") + [.control("a"), .enter], &wizard)
        #expect(wizard.overlay == nil)
        #expect(screen(wizard).contains("2 to add in 1 batch"))
        #expect(press([.function(2)], &wizard) == [.send(.addNumbers(["+13125550101", "+13125550102"]))])
    }

    @Test func theAuditLogOpensFromManage() {
        var wizard = model(.manage) { $0.monitoredNumbers = ["+13125550100"] }
        #expect(press([.character("L")], &wizard) == [.loadAuditLog])
        wizard.auditLines = ["2026-11-21T10:00:00Z sam: enable reputation · $100.00 → ok"]
        #expect(screen(wizard).contains("enable reputation · $100.00 → ok"))
        _ = press([.escape], &wizard)
        #expect(wizard.overlay == nil)
    }

    @Test func aRenderedLOAThatCarriesTheSignatureIsOfferedAndOpensWithCtrlO() {
        var upload = model(.signAndUpload) { state in
            state.renderedLOAPath = "/state/onb-screen/Acme-Widgets-Inc-LOA-2026-11-29.pdf"
            state.renderedLOASigned = true
        }
        let text = screen(upload)
        #expect(text.contains("│   /state/onb…/Acme-Widgets-Inc-LOA-2026-11-29.pdf\n"), "the path on one line, the name whole")
        #expect(text.contains("│ It already carries the signature image: Enter\n"))
        #expect(press([.control("o")], &upload) == [.openFile("/state/onb-screen/Acme-Widgets-Inc-LOA-2026-11-29.pdf")])
        #expect(press([.enter], &upload) == [.send(.useSignedLOA(path: "/state/onb-screen/Acme-Widgets-Inc-LOA-2026-11-29.pdf"))])
        var unsigned = model(.signAndUpload) { $0.renderedLOAPath = "/state/onb-screen/Acme-Widgets-Inc-LOA-2026-11-29.pdf" }
        #expect(screen(unsigned).contains("│ ^O opens it in a PDF viewer. Sign it, save the\n"))
        _ = press([.enter], &unsigned)
        #expect(unsigned.notice?.hasPrefix("Signed LOA:") == true, "without a signature image, a path is needed")
    }

    @Test func anErrorIsShownInWordsAndSigningAndUploadScreensSayWhereThingsAre() {
        let failed = model(.signAndUpload) { state in
            state.renderedLOAPath = "/state/onb-screen/loa-1.pdf"
            state.lastError = Failure(
                status: 422, message: "Telnyx refused the upload: the file is not a PDF. Sign the LOA and save it as PDF.")
        }
        let text = screen(failed)
        #expect(text.contains("/state/onb-screen/loa-1.pdf"))
        #expect(text.contains("Problem: Telnyx refused the upload"))
        #expect(text.contains("! 4 Sign and upload"))
        var upload = failed
        _ = press(Key.typing("/nonexistent/signed.pdf") + [.enter], &upload)
        #expect(upload.notice?.hasPrefix("Signed LOA:") == true)
        var render = model(.loaRender)
        _ = press(Key.typing("Sam Owner"), &render)
        #expect(screen(render).contains("Sam Owner"))
        // Enter moves on from a field; the LOA is rendered from its button (LOAFormTests).
        #expect(press([.enter], &render).allSatisfy { if case .send = $0 { false } else { true } })
    }
}

@Suite struct GoingBackTests {
    @Test func escAsksToGoBackUnlessTheScreenHasSomethingToLeave() {
        var upload = model(.signAndUpload)
        #expect(screen(upload).hasSuffix("\n Tab complete  Enter upload  ^O open the LOA  Esc step 3  ^Q quit  F1 help"))
        #expect(press([.escape], &upload) == [.send(.goBack)])
        var enable = model(.enable)
        #expect(press([.escape], &enable) == [.send(.goBack)])

        var filtering = model(.manage) { state in state.monitoredNumbers = ["+13125550100"] }
        _ = press([.character("/")], &filtering)
        #expect(press([.escape], &filtering).isEmpty, "Esc first ends the filter")
        #expect(!filtering.table.filtering)

        var correcting = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "rejected", loaStatus: "approved", rejectionReasons: ["FEIN does not match"])
        }
        correcting.startCorrection(record: telnyxRecord, draft: nil)
        #expect(press([.escape], &correcting) == [.saveDraft(form: .enterpriseCorrection, fields: [:])], "Esc first leaves the correction")
        #expect(correcting.screenStep == .gates)
    }
}

@Suite struct AddingMoreNumbersTests {
    @Test func moreNumbersCanBeAddedFromTheTableAndEscComesBack() {
        var wizard = model(.manage) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
            state.monitoredNumbers = ["+13125550100"]
        }
        #expect(press([.character("a")], &wizard) == [.reloadNumbers])
        #expect(screen(wizard).contains("Step 7 of 9 · Add numbers"))
        _ = press([.escape], &wizard)
        #expect(screen(wizard).contains("Step 9 of 9 · Manage"))
        _ = press([.character("a")] + Key.typing("3125550101"), &wizard)
        #expect(press([.function(2)], &wizard) == [.send(.addNumbers(["+13125550101"]))])
        #expect(!wizard.addingMoreNumbers)
    }
}

@Suite struct TypedDraftTests {
    @Test func everythingTypedOutsideTheFormIsKeptAndComesBack() {
        var wizard = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        let commands = press(Key.typing("(312) 555-0134\n312.555.01"), &wizard)
        #expect(commands.last == .saveTypedDraft, "typing numbers keeps a draft")
        var resumed = model(.associate)
        resumed.restoreTyped(wizard.typedDraft)
        #expect(resumed.numberLines == ["(312) 555-0134"])
        #expect(resumed.numbersText.text == "312.555.01")
        #expect(press([.down], &resumed).isEmpty, "a key that changes nothing typed saves nothing")
    }
}

@Suite struct AddingProgressAndResultsTests {
    @Test func batchesShowTheirProgressWhileTheyGo() {
        var wizard = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        wizard.busy = "Working (billed as confirmed)"
        wizard.batchProgress = BatchProgress(batchesDone: 3, batches: 12, added: 300, setAside: 2)
        #expect(screen(wizard).contains("Adding numbers [██░░░░░░░░] 3 of 12 batches · 300 added · 2 set aside"))
    }

    @Test func onceAddedEachNumberSaysWhatBecameOfIt() {
        let sent = ["+13125550100", "+13125550101", "+13125550102"]
        var wizard = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        let confirmation = PendingConfirmation(
            action: .associate(numbers: sent), estimate: CostEstimate.associating(3, wizard.state.prices))
        wizard.state.monitoredNumbers = ["+13125550100", "+13125550102"]
        wizard.state.step = .query
        wizard.state.lastError = Failure(
            message: "1 number was set aside", fieldProblems: ["+13125550101": "number is not \u{1b}[31mowned"])
        WizardController.finished(.confirm, confirmationBefore: confirmation, &wizard)
        let text = screen(wizard)
        #expect(text.contains("2 added · 1 not added"))
        #expect(text.contains("! +13125550101 set aside: number is not owned"), "Telnyx's text is sanitised")
        #expect(text.contains("✓ +13125550100 added") && text.contains("✓ +13125550102 added"))
        _ = press([.enter], &wizard)
        #expect(wizard.overlay == nil)

        var failed = wizard
        failed.state.lastError = Failure(status: 500, message: "Telnyx is unavailable")
        WizardController.finished(.confirm, confirmationBefore: confirmation, &failed)
        #expect(failed.overlay == nil, "an error that names no number is the error line's to tell")
        WizardController.finished(.checkGatesNow, confirmationBefore: nil, &wizard)
        #expect(wizard.overlay == nil)
    }
}

/// Telnyx's record of the enterprise the correction tests start from, as the engine flattens it.
let telnyxRecord: [String: String] = [
    "legal_name": "Acme Widgets Inc", "doing_business_as": "Acme Widgets", "organization_type": "commercial",
    "organization_legal_type": "corporation", "industry": "technology", "number_of_employees": "51-200", "fein": "12-3456789",
    "jurisdiction_of_incorporation": "Delaware", "website": "https://acme.example.com", "country_code": "US",
    "organization_contact.first_name": "Sam", "organization_contact.last_name": "Owner",
    "organization_contact.email": "sam@acme.example.com", "organization_contact.phone_number": "+13125550000",
    "billing_contact.first_name": "Alex", "billing_contact.last_name": "Bill", "billing_contact.email": "billing@acme.example.com",
    "billing_contact.phone_number": "+13125550001", "organization_physical_address.street_address": "100 Main St",
    "organization_physical_address.city": "Chicago", "organization_physical_address.administrative_area": "IL",
    "organization_physical_address.postal_code": "60601", "organization_physical_address.country": "US",
    "billing_address.street_address": "100 Main St", "billing_address.city": "Chicago",
    "billing_address.administrative_area": "IL", "billing_address.postal_code": "60601", "billing_address.country": "US",
]

@Suite struct OnboardingChooserTests {
    @Test func plainModeListsThemNumberedAndTakesANumberAnIdOrNew() {
        let chooser = OnboardingChooser(onboardings: [
            ListPicker.Item(id: "onb-1a", label: "Acme Plumbing LLC (96e16aef) · step 6 Telnyx review · 3 days ago · onb-1a"),
            ListPicker.Item(id: "onb-2b", label: "Beta Dental PC (1c2d3e4f) · reputation disabled · 5 min ago · onb-2b"),
        ])
        #expect(
            chooser.plainLines == [
                "This state directory holds several onboardings:",
                "  1. Acme Plumbing LLC (96e16aef) · step 6 Telnyx review · 3 days ago · onb-1a",
                "  2. Beta Dental PC (1c2d3e4f) · reputation disabled · 5 min ago · onb-2b",
                "  n. Start a new onboarding",
            ])
        #expect(chooser.choice(answering: " 2 ") == .open("onb-2b"))
        #expect(chooser.choice(answering: "onb-1") == .open("onb-1a"), "an id's start that only one id has")
        #expect(chooser.choice(answering: "onb-") == nil, "an id's start that both have")
        #expect(chooser.choice(answering: "3") == nil, "the new row is n, not a number")
        #expect(chooser.choice(answering: "") == nil)
        #expect(chooser.choice(answering: "N") == .new)
        #expect(chooser.choice(answering: "quit") == .quit)
    }

    @Test func severalOnboardingsAreChosenFromAListWithWhereEachStands() {
        var chooser = OnboardingChooser(onboardings: [
            ListPicker.Item(id: "onb-1", label: "Acme Plumbing LLC (96e16aef) · step 6 Telnyx review · 3 days ago · onb-1"),
            ListPicker.Item(id: "onb-2", label: "Beta Dental PC (1c2d3e4f) · reputation disabled · 5 min ago · onb-2"),
        ])
        let terminal = InMemoryTerminal(width: 80, height: 24)
        terminal.show(chooser.render(width: 80, height: 24))
        let lines = terminal.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            Array(lines.prefix(10)) == [
                " Telnyx Number Reputation", "",
                " This state directory holds several onboardings. Which one?",
                " Type to filter by name or id.", "",
                "  Filter: ▏",
                "  Acme Plumbing LLC (96e16aef) · step 6 Telnyx review · 3 days ago · onb-1",
                "  Beta Dental PC (1c2d3e4f) · reputation disabled · 5 min ago · onb-2",
                "  + Start a new onboarding",
                "  Enter choose  Esc cancel",
            ])
        #expect(lines.last == " ↑↓ move  Enter open  Esc or ^Q quit")
        #expect(chooser.handle(.down) == nil)
        #expect(chooser.handle(.enter) == .open("onb-2"))
        #expect(chooser.handle(.down) == nil)
        #expect(chooser.handle(.enter) == .new)
        #expect(chooser.handle(.escape) == .quit)
        var filtered = OnboardingChooser(onboardings: [
            ListPicker.Item(id: "onb-1", label: "Acme"), ListPicker.Item(id: "onb-2", label: "Beta"),
        ])
        for character in "beta" { _ = filtered.handle(.character(character)) }
        #expect(filtered.handle(.enter) == .open("onb-2"))
    }
}

@Suite struct EnterpriseReviewTests {
    /// The review before the first submission: the form's sections and labels, values as they
    /// will be sent, the billing address said once when it is the physical one.
    @Test func theReviewUsesTheFormsLabelsAndShowsValuesAsSent() {
        var wizard = model(.enterprise)
        wizard.enterpriseForm = EnterpriseForm(draft: [
            "legal_name": "Acme Widgets Inc", "fein": "123456789", "website": "acme.example.com",
            "organization_contact.phone_number": "(312) 555-0000",
        ])
        #expect(
            ReviewLines.lines(wizard).map(\.0) == [
                "── Business ──", "Legal name: Acme Widgets Inc", "Organisation type: commercial", "FEIN: 12-3456789",
                "Website: https://acme.example.com", "Country: US", "Role: enterprise",
                "── Organisation contact ──", "Phone: +13125550000",
                "── Physical address ──", "Country: US",
                "── Billing address ──", "Same as the physical address",
            ])
    }
}

@Suite struct AddNumbersReasonTests {
    @Test func theLastLineThatCannotBeAddedSaysWhyInFull() {
        var wizard = model(.associate) { $0.gates = GateReport(status: "approved", loaStatus: "approved") }
        wizard.inventory = ["+13125550100"]
        wizard.numberLines = ["+13125550100", "(311) 555-0100"]
        let text = screen(wizard)
        #expect(text.contains("│ ! Line 2, (311) 555-0100: has area code 311,\n"))
        #expect(text.contains("│ which does not exist; US area codes start with 2\n"), "in full, wrapped")
        #expect(text.contains("│ to 9 and are not N11\n"))
    }
}

@Suite struct MessageTests {
    /// A long message is never cut silently: its start, then where the rest is (F1).
    @Test func aLongMessageIsOneKeyAwayInFull() {
        var wizard = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "pending", loaStatus: "pending")
            state.lastError = Failure(
                status: 500,
                message:
                    "Telnyx answered 500 to GET /enterprises/ent-1/reputation: the service is unavailable; the wizard checks again on its schedule, or press r."
            )
        }
        let line = screen(wizard).split(separator: "\n", omittingEmptySubsequences: false)[22]
        #expect(line == " Problem: Telnyx answered 500 to GET /enterprises/ent-1/reputa… F1 reads it all")
        _ = press([.function(1)], &wizard)
        let help = screen(wizard)
        #expect(help.contains("│ Last message:"))
        #expect(help.contains("│ Telnyx answered 500 to GET /enterprises/ent-1/reputation: the       │"))
        #expect(help.contains("│ service is unavailable; the wizard checks again on its schedule, or │"))
        #expect(help.contains("│ press r.                                                            │"))
    }
}

@Suite struct ResumeTests {
    /// A quit and a start again bring back the focused field and step 5's choice, not only text.
    @Test func theFocusAndStepFivesChoiceComeBack() {
        var enterprise = model(.enterprise)
        var kept: [String: String] = [:]
        for case .saveDraft(.enterprise, let fields) in press([.down, .down, .down] + Key.typing("x"), &enterprise) { kept = fields }
        var resumedEnterprise = model(.enterprise)
        resumedEnterprise.restoreEnterprise(draft: kept)
        #expect(resumedEnterprise.enterpriseForm.focus == 3)
        #expect(resumedEnterprise.enterpriseForm.focusedRow == enterprise.enterpriseForm.focusedRow)

        var enable = model(.enable)
        var typed: [String: String] = [:]
        if press([.down, .down] + Key.typing("250"), &enable).contains(.saveTypedDraft) { typed = enable.typedDraft }
        var resumed = model(.enable)
        resumed.restoreTyped(typed)
        #expect(resumed.frequency == .weekly)
        #expect(resumed.plannedNumbers.text == "250")
        #expect(screen(resumed).contains("(•) every week"))

        var loa = model(.loaRender)
        if press([.down], &loa).contains(.saveTypedDraft) { typed = loa.typedDraft }
        var resumedLOA = model(.loaRender)
        resumedLOA.restoreTyped(typed)
        #expect(resumedLOA.loaForm.focusedRow == loa.loaForm.focusedRow)
        #expect(resumedLOA.loaForm.focus == 1)
    }
}

@Suite struct CorrectionScreenTests {
    static func rejected(loaStatus: ReviewStatus = .approved) -> WizardModel {
        model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(
                status: "rejected", loaStatus: loaStatus,
                rejectionReasons: ["Organization contact email domain does not match the business website."])
        }
    }

    /// Focuses a field of the correction form.
    static func focus(_ field: EnterpriseField, _ wizard: inout WizardModel) {
        wizard.enterpriseForm.focus = wizard.enterpriseForm.rows.firstIndex(of: .field(field)) ?? 0
    }

    @Test func theCorrectionStartsFromWhatTelnyxHoldsWithTheReasonsInView() {
        var wizard = Self.rejected()
        #expect(press([.character("c")], &wizard) == [.loadEnterpriseRecord], "the form is read from Telnyx, not from this machine")
        #expect(wizard.notice == "Reading the enterprise as Telnyx holds it…")
        // Job title is required, but Telnyx holds none (an adopted enterprise): left alone, it is no problem.
        wizard.startCorrection(record: telnyxRecord, draft: nil)
        #expect(wizard.screenStep == .enterprise)
        wizard.enterpriseForm.checkAll()
        #expect(wizard.enterpriseForm.problems.isEmpty)
        Self.focus(.contactEmail, &wizard)
        let expected = """
             Telnyx Number Reputation · Acme Widgets Inc   SANDBOX (happy) · nothing billed
                                        │
             ✓ 1 Terms of Service       │ Step 2 of 9 · Enterprise
                                        │
             ✓ 2 Enterprise             │ Telnyx's reasons:
                                        │  • Organization contact email domain does not
             ✓ 3 Letter of authorization│  match the business website.
                                        │ The form shows what Telnyx holds; ◆ marks the
             ✓ 4 Sign and upload        │ fields the reasons name. Only changed fields are
                                        │ sent; Enter on the last row reviews them.
             ✓ 5 Enable reputation      │ ◆ Website             https://acme.example.com
                                        │ ── Organisation contact ──
             ! 6 Telnyx review          │   First name          Sam
                 needs attention        │   Last name           Owner
               7 Add numbers            │   Job title
                                        │ ◆ Email               sam@acme.example.com
               8 Check reputation       │   Phone               +13125550000
                                        │ ── Billing contact ──
               9 Manage                 │   First name          Alex
                                        │   Last name           Bill
                                        │   Email               billing@acme.example.com
            ✓ done ▶ now … waiting ! fix│

             ↑↓/Tab move  Esc leave  ^Q quit  F1 help
            """
        #expect(screen(wizard) == expected)
    }

    @Test func onlyTheChangeIsSentAndTheReviewSaysWhatItSetsOffAndCosts() {
        var wizard = Self.rejected()
        wizard.startCorrection(record: telnyxRecord, draft: nil)
        Self.focus(.contactEmail, &wizard)
        var saved: [String: String]?
        for case .saveDraft(let form, let fields) in press([.control("u")] + Key.typing("sam@acmewidgets.example.com"), &wizard) {
            #expect(form == .enterpriseCorrection)
            saved = fields
        }
        #expect(saved?["organization_contact.email"] == "sam@acmewidgets.example.com")
        wizard.enterpriseForm.focus = wizard.enterpriseForm.rows.count - 1
        #expect(press([.enter], &wizard).isEmpty)
        #expect(wizard.overlay == .review(top: 0))
        #expect(
            ReviewLines.lines(wizard).map(\.0) == [
                "Telnyx holds → will be sent:",
                "── Organisation contact ──",
                "Email: sam@acme.example.com → sam@acmewidgets.example.com",
                "",
                "What happens:",
                "1. Reputation is disabled for the enterprise first (not billed):",
                "Telnyx refuses a new Organisation contact email while it is",
                "enabled.",
                "2. The enterprise is updated at Telnyx (not billed).",
                "3. You render, sign and upload a new LOA carrying the corrected",
                "details.",
                "4. Enabling again is billed $100.00: Telnyx reviews a corrected",
                "enterprise as a new registration.",
            ])
        #expect(screen(wizard).contains(" ↑↓ scroll  Enter send  Esc back to the form  ^Q quit"))
        // The draft stays until the correction has reached Telnyx.
        #expect(
            press([.enter], &wizard) == [.send(.correctEnterprise(fields: ["organization_contact.email": "sam@acmewidgets.example.com"]))])

        // A quit mid-correction: the draft comes back over Telnyx's record, the change alone.
        var resumed = Self.rejected()
        resumed.startCorrection(record: telnyxRecord, draft: saved)
        #expect(resumed.screenStep == .enterprise)
        #expect(resumed.enterpriseForm.changedFields == ["organization_contact.email": "sam@acmewidgets.example.com"])
        var approved = model(.associate) { $0.gates = GateReport(status: "approved", loaStatus: "approved") }
        approved.startCorrection(record: telnyxRecord, draft: saved)
        #expect(!approved.enterpriseForm.correcting, "a correction from before approval is not brought back")
    }

    /// Very long reasons take a few lines, so the form stays in view; F1 shows them all.
    @Test func longReasonsAreCappedAndHelpShowsThemAll() {
        var wizard = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(
                status: "rejected", loaStatus: "approved",
                rejectionReasons: ["Website " + String(repeating: "unreachable ", count: 60), "FEIN does not match."])
        }
        wizard.startCorrection(record: telnyxRecord, draft: nil)
        let text = screen(wizard)
        #expect(text.contains("│  … the reasons in full: F1\n"))
        #expect(text.contains("│   Legal name "), "the form is in view")
        _ = press([.function(1)], &wizard)
        #expect(wizard.helpMessage?.hasSuffix(" · FEIN does not match.") == true)
    }

    @Test func nothingChangedIsSaidAndEscLeavesTheCorrection() {
        var wizard = Self.rejected()
        wizard.startCorrection(record: telnyxRecord, draft: nil)
        wizard.enterpriseForm.focus = wizard.enterpriseForm.rows.count - 1
        _ = press([.enter], &wizard)
        #expect(wizard.overlay == nil)
        #expect(wizard.notice == "Nothing is changed yet: the form shows the enterprise as Telnyx holds it. Change what the reasons name.")
        #expect(press([.escape], &wizard) == [.saveDraft(form: .enterpriseCorrection, fields: [:])])
        #expect(wizard.screenStep == .gates)
    }

    @Test func replacingTheLOAIsOfferedWhereTelnyxAllowsItAndAsksFirst() {
        var rejectedVetting = Self.rejected(loaStatus: "pending")
        #expect(press([.character("l")], &rejectedVetting).isEmpty)
        #expect(rejectedVetting.overlay == nil)
        #expect(screen(rejectedVetting).contains(" r check now  c correct enterprise  t +1 h (sandbox)  ? help  q quit"))

        var pendingLOA = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "pending")
        }
        #expect(press([.character("l")], &pendingLOA).isEmpty)
        #expect(pendingLOA.overlay == .confirmLOAReplacement)
        #expect(press([.character("n")], &pendingLOA).isEmpty)
        #expect(pendingLOA.notice == "The LOA under review stays as it is.")
        #expect(press([.character("l"), .character("y")], &pendingLOA) == [.send(.startLOAReplacement)])
    }
}

@Suite struct SetAsideConfirmationTests {
    /// Numbers outside the inventory are named in the confirmation, before anything is paid,
    /// and the cost counts only those added.
    @Test func theConfirmationNamesTheNumbersSetAside() {
        var wizard = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        let added = ["+13125550100", "+13125550101", "+13125550102"]
        wizard.state.confirmation = PendingConfirmation(
            action: .associate(numbers: added), estimate: BillableAction.associate(numbers: added).estimate(.listPrices),
            setAside: SetAsideNumbers([
                "+17165550100": "not an active number in this Telnyx account's inventory",
                "+17165550101": "not an active number in this Telnyx account's inventory",
            ]))
        let expected = """
             Telnyx Number Reputation · Acme Widgets Inc   SANDBOX (happy) · nothing billed
                                        │
             ✓ 1 Terms of Service       │ Step 7 of 9 · Add numbers
                                        │
             ✓ 2 Enterprise             │ Type or paste US numbers, one per line, in any
                                        │ common writing; or ^O to load a CSV or text file.
             ✓  ┌─ This is billed ─────────────────────────────────────────────────────┐
                │ Add 3 numbers in one request                                         │
             ✓  │                                                                      │
                │ Set aside, not added and not billed (2):                             │
             ✓  │ +17165550100 not an active number in this Telnyx account's inventory │
                │ +17165550101 not an active number in this Telnyx account's inventory │
             ✓  │                                                                      │
                │ Cost: $0.30                                                          │
             ▶  │ 3 numbers × $0.10                                                    │
                │                                                                      │
                │ y  confirm and pay      n  cancel                                    │
                └──────────────────────────────────────────────────────────────────────┘
               9 Manage                 │
                                        │
                                        │
            ✓ done ▶ now … waiting ! fix│

             y confirm and pay   n cancel   q quit
            """
        #expect(screen(wizard) == expected)
    }
}

@Suite struct ASCIIScreenTests {
    /// Under `LC_ALL=C` the screen is drawn in ASCII, column for column: frames, marks, bars,
    /// quotes and accented names all have stand-ins; nothing is left for the terminal to mangle.
    @Test func aScreenUnderTheCLocaleIsCleanASCII() {
        var wizard = model(.associate) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "approved")
        }
        wizard.numberLines = ["(312) 555-0134", "1.77572E+10", "Café 312"]
        wizard.numberLineOrigins = [
            2: NumberLineOrigin(file: "numbers.csv", lineNumber: 4, column: NumberColumn(index: 2, heading: "Phone"))
        ]
        let terminal = InMemoryTerminal(width: 80, height: 24)
        terminal.show(WizardView.render(wizard, width: 80, height: 24).asciiOnly())
        let expected = """
             Telnyx Number Reputation - Acme Widgets Inc   SANDBOX (happy) - nothing billed
                                        |
             * 1 Terms of Service       | Step 7 of 9 - Add numbers
                                        |
             * 2 Enterprise             | Type or paste US numbers, one per line, in any
                                        | common writing; or ^O to load a CSV or text file.
             * 3 Letter of authorization| Reading your inventory.
                                        |
             * 4 Sign and upload        | (312) 555-0134          * +13125550134
                                        | 1.77572E+10             ! was turned into scienti
             * 5 Enable reputation      | Cafe 312                ! contains letters; write
                                        |
             * 6 Telnyx review          |
                                        | ! numbers.csv line 4, column 2 (Phone), Cafe 312:
             > 7 Add numbers            | contains letters; write the number in digits (2
                 current                | lines marked !)
               8 Check reputation       | 1 to add in 1 batch of up to 100 - $0.10
                                        | F2 asks before anything is billed.
               9 Manage                 |
                                        |
                                        |
            * done > now . waiting ! fix|

             Enter new line  F2 add  F3 inventory  ^O file  ^Q quit  F1 help
            """
        #expect(terminal.text == expected)
        #expect(terminal.text.unicodeScalars.allSatisfy { $0.isASCII })
        // A wide character keeps its two columns: `??`.
        var wide = Surface(width: 6, height: 1)
        wide.put("a東b", x: 0, y: 0)
        #expect(wide.asciiOnly().cells.map(\.text).joined() == "a??b  ")
    }

    @Test func onlyAUTF8CodesetDrawsUnicode() {
        #expect(NcursesTerminal.localeIsUTF8("UTF-8"))
        #expect(NcursesTerminal.localeIsUTF8("utf8"))
        #expect(!NcursesTerminal.localeIsUTF8("ANSI_X3.4-1968"))
        #expect(!NcursesTerminal.localeIsUTF8("ISO-8859-1"))
    }
}

@Suite struct ASCIIMessageTests {
    @Test func messagesOnAPlainTerminalAreASCIIUnderTheCLocale() {
        #expect(
            ASCIIStandIn.text("Checking the API key with Telnyx (at most 45 s; Ctrl-C stops)…")
                == "Checking the API key with Telnyx (at most 45 s; Ctrl-C stops)...")
        #expect(ASCIIStandIn.text("“Café” — 3 × $0.10 → ✓") == "\"Cafe\" -- 3 x $0.10 -> ok")
        #expect(ASCIIStandIn.localeIsUTF8(["LANG": "en_US.UTF-8"]))
        #expect(ASCIIStandIn.localeIsUTF8(["LC_ALL": "", "LC_CTYPE": "C.utf8", "LANG": "C"]))
        #expect(!ASCIIStandIn.localeIsUTF8(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
        #expect(!ASCIIStandIn.localeIsUTF8(["LC_ALL": "POSIX"]))
        #expect(!ASCIIStandIn.localeIsUTF8([:]))
    }
}
