import Foundation
import Onboarding
import Testing

@testable import TerminalUI

/// Each step's main state as a whole 80×24 frame, and as the plain renderer prints it, against
/// a golden text file in `Golden/` (as ratatui and swift-snapshot-testing do). A change to a
/// screen shows as a diff of the file; `UPDATE_GOLDEN=1 swift test --filter GoldenScreenTests`
/// writes the files anew, to be read and committed with the change.
@Suite struct GoldenScreenTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// One main state per step (and the $100 confirmation), named as its golden files are.
    static let states: [(name: String, model: WizardModel)] = {
        var states: [(String, WizardModel)] = []
        states.append(("1-terms", model(.terms)))
        // A desk's onboarding (not the sandbox): who handles it and when to look again, in the title.
        var handled = model(.terms)
        handled.sandboxScenario = nil
        handled.deskCase = DeskCase(assignee: "ana", handOffNote: "Signer back Monday", followUpOn: "2026-12-08")
        states.append(("1-terms-desk-case", handled))
        var enterprise = model(.enterprise)
        _ = press(Key.typing("Acme Widgets Inc") + [.down], &enterprise)
        states.append(("2-enterprise", enterprise))
        var loa = model(.loaRender)
        _ = press(Key.typing("Sam Owner"), &loa)
        states.append(("3-loa", loa))
        states.append(
            ("4-sign-and-upload", model(.signAndUpload) { $0.renderedLOAPath = "/state/onb-screen/Acme-Widgets-Inc-LOA-2026-11-29.pdf" }))
        var enable = model(.enable)
        _ = press(Key.typing("250"), &enable)
        states.append(("5-enable", enable))
        var confirming = model(.enable) { state in
            state.confirmation = PendingConfirmation(
                action: .enable(frequency: .weekly, plannedNumbers: 250),
                estimate: BillableAction.enable(frequency: .weekly, plannedNumbers: 250).estimate(.listPrices))
        }
        confirming.frequency = .weekly
        states.append(("5-enable-confirmation", confirming))
        var review = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(status: "approved", loaStatus: "pending")
            state.gatesCheckedAt = now.addingTimeInterval(-125)
        }
        review.nextReviewCheckAt = now.addingTimeInterval(250)
        states.append(("6-review", review))
        var rejected = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(
                status: "rejected", loaStatus: "approved", rejectionReasons: ["Legal name does not match IRS records for the given FEIN."])
            state.gatesCheckedAt = now.addingTimeInterval(-30)
        }
        rejected.nextReviewCheckAt = nil
        states.append(("6-review-rejected", rejected))
        var associate = model(.associate) { $0.reputationEnabled = true }
        associate.inventory = ["+13125550100", "+13125550101"]
        _ = press(Key.typing("(312) 555-0100\n312.555.0101\n555-1234\n"), &associate)
        states.append(("7-add-numbers", associate))
        let monitored = ["+13125550100", "+13125550101", "+13125550102"]
        var query = model(.query) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = monitored
        }
        query.readings = [:]
        states.append(("8-check-reputation", query))
        var manage = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = monitored
            state.queriedNumbers = Set(monitored)
        }
        manage.readings["+13125550100"] = NumberReading(
            phoneNumber: "+13125550100", spamRisk: "low", maturity: 90, connection: 71, engagement: 64, sentiment: 80,
            lastRefreshedAt: now.addingTimeInterval(-3600))
        manage.readings["+13125550101"] = NumberReading(
            phoneNumber: "+13125550101", spamRisk: "high", category: "telemarketing", maturity: 20, connection: 12, engagement: 40,
            sentiment: 5, lastRefreshedAt: now.addingTimeInterval(-7200))
        manage.readings["+13125550102"] = NumberReading(phoneNumber: "+13125550102", spamRisk: "medium", maturity: 55)
        states.append(("9-manage", manage))
        // Changed since the last look: marked ~, counted above the table; ~ shows only them.
        var changed = manage
        changed.changedSinceLook = ["+13125550101"]
        changed.lastLookAt = now.addingTimeInterval(-2 * 86400)
        states.append(("9-manage-changed", changed))
        _ = press([.character("~")], &changed)
        states.append(("9-manage-changed-only", changed))
        // A refresh that passes the monthly budget: where it leaves the month, and O to go over it.
        var overBudget = manage
        overBudget.state.monthlyBudget = .dollars(100)
        overBudget.state.monthSpend = MonthSpend(month: "2026-11", amount: Money(cents: 9_990))
        overBudget.state.confirmation = PendingConfirmation(
            action: .refresh(numbers: Array(monitored.prefix(3))),
            estimate: BillableAction.refresh(numbers: Array(monitored.prefix(3))).estimate(.listPrices),
            budget: BudgetCheck(
                month: "2026-11", spentThisMonth: Money(cents: 9_990), thisAction: Money(cents: 30), monthlyBefore: Money(cents: 10_130),
                monthlyAfter: Money(cents: 10_130), budget: .dollars(100)))
        states.append(("9-manage-over-budget", overBudget))
        // Help lists the step's keys as they are declared (the same list the key line reads).
        var help = manage
        _ = press([.character("?")], &help)
        states.append(("9-manage-help", help))
        // W at step 9: the ownership webhook's URL typed into its box.
        var webhook = manage
        _ = press([.character("W")] + Key.typing("https://hooks.example.com/telnyx"), &webhook)
        states.append(("9-manage-webhook", webhook))
        var enterpriseHelp = enterprise
        _ = press([.function(1)], &enterpriseHelp)
        states.append(("2-enterprise-help", enterpriseHelp))
        // Off the main path: a correction whose reasons are longer than their room (the rest
        // behind F1), ◆ on the fields they name, the focus scrolled down the form with a choice's
        // suggestions beside it.
        var correction = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(
                status: "rejected", loaStatus: "approved",
                rejectionReasons: [
                    "Legal name does not match IRS records for the given FEIN.", "Website is unreachable from our reviewers' network.",
                    "The organisation contact's email bounces; give a monitored mailbox.", "Industry does not match the website.",
                ])
        }
        correction.startCorrection(record: telnyxRecord, draft: nil)
        _ = press([.down, .down, .down, .down], &correction)
        states.append(("2-enterprise-correction", correction))
        // A replacement LOA with an agent acting for the enterprise, a problem under a row.
        var replacement = model(.loaRender) { state in
            state.loaRound = .replacement
            state.renderedLOAPath = "/state/onb-screen/Acme-Widgets-Inc-LOA-2026-11-29.pdf"
        }
        _ = press(
            Key.typing("Sam Owner") + [.down] + Key.typing("/nonexistent/signature.png") + [.down, .character(" "), .down]
                + Key.typing("Reseller & Sons") + [.down], &replacement)
        states.append(("3-loa-replacement", replacement))
        // A table longer than any screen, the cursor far down: the rows around it are shown,
        // and plain mode says the first 200 and how many more.
        var long = model(.manage) { state in
            state.reputationEnabled = true
            state.monitoredNumbers = (0..<450).map { String(format: "+1312555%04d", $0) }
            state.queriedNumbers = Set(state.monitoredNumbers.prefix(440))
        }
        for (index, number) in long.state.monitoredNumbers.prefix(300).enumerated() {
            long.readings[number] = NumberReading(
                phoneNumber: number, spamRisk: ["low", "medium", "high"][index % 3], maturity: index % 101, connection: (index * 3) % 101,
                engagement: (index * 7) % 101, sentiment: (index * 11) % 101, lastRefreshedAt: now.addingTimeInterval(-Double(index) * 60))
        }
        // Two numbers Telnyx has no analytics for: read, still null, so each read is billed ($).
        for number in ["+13125550001", "+13125550290"] { long.readings[number] = nil }
        long.state.readWithoutData = ["+13125550001", "+13125550290"]
        // Two numbers Telnyx asks about (!): one to confirm by a deadline, one flagged.
        long.state.ownershipNotices = [
            OwnershipNotice(
                phoneNumber: "+13125550002", status: .pendingConfirmation, flagReason: "carrier_changed",
                confirmBy: now.addingTimeInterval(3 * 24 * 3600)),
            OwnershipNotice(phoneNumber: "+13125550291", status: .flagged, flagReason: "reverification_due"),
        ]
        long.table.cursor = 297
        states.append(("9-manage-long", long))
        // The ownership proof: a third review at step 6, rejected with its reason and P to send
        // new evidence; at step 9, approved, with A to add the numbers that waited on it; the
        // box its documents are typed in, naming the numbers it is for.
        var proofRejected = model(.gates) { state in
            state.reputationEnabled = true
            state.gates = GateReport(
                status: "pending", loaStatus: "approved", externalVerificationStatus: "rejected",
                externalVerificationRejection:
                    "The documents do not show the enterprise as the holder of the listed numbers; send a recent carrier invoice or statement naming them."
            )
            state.gatesCheckedAt = now.addingTimeInterval(-90)
        }
        proofRejected.awaitingProof = ["+16465550142", "+16465550143"]
        states.append(("6-review-proof-rejected", proofRejected))
        var proofApproved = manage
        proofApproved.state.gates = GateReport(status: "approved", loaStatus: "approved", externalVerificationStatus: "approved")
        proofApproved.awaitingProof = ["+16465550142", "+16465550143", "+16465550144"]
        states.append(("9-manage-proof-approved", proofApproved))
        var proofBox = manage
        proofBox.awaitingProof = (0..<7).map { String(format: "+1646555%04d", 142 + $0) }
        _ = press([.character("P")] + Key.typing("~/Documents/carrier-invoice-2026-11.pdf; ~/scan 2.png"), &proofBox)
        states.append(("9-manage-proof-box", proofBox))
        // H: a number's ownership tracking and history, one key away.
        var history = manage
        _ = press([.down, .character("H")], &history)
        _ = WizardUpdate.update(
            &history,
            .ownershipHistory(
                number: "+13125550101",
                .success([
                    "+13125550101 · hosted at Telnyx",
                    "Ownership: pending confirmation (carrier changed); answer by 2026-12-02 09:00 UTC, or it is removed",
                    "Baseline carrier: 073H since 2026-11-20 10:00 UTC", "Last checked: 2026-11-29 09:00 UTC", "", "History, newest first:",
                    "  2026-11-29 09:00 UTC  flag  carrier changed", "  2026-11-28 09:00 UTC  check  verified",
                    "  2026-11-20 10:00 UTC  added",
                ])))
        states.append(("9-manage-ownership-history", history))
        // M: the selected numbers to remediation, the call purpose typed; then, sent, the
        // request under way says so above the table.
        var remediation = manage
        _ = press(
            [.down, .character(" "), .character(" "), .character("M")] + Key.typing("Appointment reminders") + [.down]
                + Key.typing("ops@acme.example.com"), &remediation)
        states.append(("9-manage-remediation-box", remediation))
        var underWay = manage
        underWay.state.remediations = [
            RemediationRecord(
                id: "rem-1", numbers: ["+13125550101", "+13125550102"], status: "in_progress", submitted: 2, ineligible: 0,
                callPurpose: "Appointment reminders")
        ]
        states.append(("9-manage-remediation-under-way", underWay))
        return states.map { name, model in
            var model = model
            model.now = now
            return (name, model)
        }
    }()

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The golden file's text, or, with `UPDATE_GOLDEN=1`, the actual text written as the new golden.
    func golden(_ name: String, _ actual: String) throws -> String {
        let file = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: file, encoding: .utf8)
    }

    @Test(arguments: states.map(\.name))
    func theFullScreenFrame(name: String) throws {
        let wizard = try #require(Self.states.first { $0.name == name }?.model)
        let frame = screen(wizard) + "\n"
        #expect(frame == (try golden("\(name).screen.txt", frame)))
    }

    @Test(arguments: states.map(\.name))
    func thePlainPage(name: String) throws {
        let wizard = try #require(Self.states.first { $0.name == name }?.model)
        var lines = PlainText.page(wizard)
        // Step 7's list is summed up when it ends, before the cost is asked.
        if wizard.screenStep == .associate { lines += [""] + PlainText.numbersSummary(wizard) }
        let page = lines.joined(separator: "\n") + "\n"
        #expect(page == (try golden("\(name).plain.txt", page)))
    }
}
