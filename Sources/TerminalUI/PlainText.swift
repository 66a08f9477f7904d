import Foundation
import Onboarding

/// What the plain renderer prints: the same content the full-screen wizard draws, as lines of
/// text with no position, colour or box (for screen readers, Emacs shell buffers, CI logs).
public enum PlainText {
    /// The pending confirmation's title and lines (what is done, the cost, its basis), naming
    /// at most 50 numbers; nil when nothing waits for one.
    public static func confirmation(_ model: WizardModel) -> (title: String, lines: [String])? {
        guard let pending = model.state.confirmation else { return nil }
        let (title, lines) = Overlays.confirmation(pending, model: model, room: 50)
        // The keys line is the full screen's; the plain prompt asks in words.
        return (title, lines.map(\.0).filter { !$0.hasPrefix("y  ") && !$0.hasPrefix("Type ") && $0 != "Esc cancels." })
    }

    /// The enterprise (or its correction) as it will be sent, for review before sending.
    public static func enterpriseReview(_ model: WizardModel) -> [String] {
        ReviewLines.lines(model).map(\.0)
    }

    /// The step's heading (`Step 5 of 9 · Enable reputation`).
    public static func heading(_ model: WizardModel) -> String { StepScreens.heading(model) }

    /// Help for the step on screen.
    public static func help(_ model: WizardModel) -> [String] {
        Overlays.help(model)
    }

    /// The word typed to confirm disabling reputation.
    public static var disableWord: String { WizardModel.disableWord }
}

extension PlainText {
    /// Whether a line typed at step 7 is a file's path rather than a number.
    public static func isPath(_ text: String) -> Bool { AddNumbersScreen.isPath(text) }

    /// Step 7's list in a few lines: how many numbers go and are billed, how many are set aside
    /// (not in the inventory, already monitored), and the lines that are not numbers, in the
    /// order they were given, with why.
    public static func numbersSummary(_ model: WizardModel) -> [String] {
        let lines = model.numberMemo.parse(model.numberLines + [model.numbersText.text])
        let toSend = AddNumbersScreen.toSend(model, parsed: lines)
        let addable = AddNumbersScreen.addable(model, parsed: lines)
        var summary = ["\(addable.count) \(addable.count == 1 ? "number" : "numbers") to add."]
        let elsewhere = toSend.filter { !addable.contains($0) }
        let tollFree = elsewhere.filter(AddNumbersScreen.isTollFree).count
        if elsewhere.count > tollFree {
            summary.append(
                "\(elsewhere.count - tollFree) hosted at another carrier: set aside, not billed; Telnyx monitors them once the enterprise's ownership proof is approved (`proof PATH` sends it)."
            )
        }
        if tollFree > 0 {
            summary.append(
                "\(tollFree) toll-free, hosted at another carrier: set aside, not billed; Telnyx monitors only the toll-free numbers it hosts."
            )
        }
        var refused: [String] = []
        for line in lines {
            guard case .invalid(let problem) = line.verdict, !isPath(line.text), !line.text.trimmingCharacters(in: .whitespaces).isEmpty
            else { continue }
            let place = model.numberLineOrigins[line.lineNumber - 1]?.description ?? "line \(line.lineNumber)"
            refused.append("  \(place), \(RemoteText.sanitized(String(line.text.prefix(40)))): \(problem)")
        }
        if !refused.isEmpty {
            summary.append("\(refused.count) \(refused.count == 1 ? "line is" : "lines are") not a number that can be added:")
            summary += refused.prefix(20)
            if refused.count > 20 { summary.append("  … and \(refused.count - 20) more") }
        }
        return summary
    }

    /// The account's active numbers not yet monitored, in order: what step 7 can add.
    public static func inventoryToAdd(_ model: WizardModel) -> [String]? {
        guard let inventory = model.inventory else { return nil }
        return inventory.subtracting(model.state.monitoredNumbers).sorted()
    }

    /// Where an onboarding stands, said once as plain mode opens (for someone picking it up):
    /// its enterprise, the steps done, and the step now with what to do.
    public static func standing(_ model: WizardModel) -> [String] {
        let state = model.state
        var lines: [String] = []
        if let enterprise = state.enterprise {
            lines.append("Onboarding \(state.id) for \(RemoteText.sanitized(enterprise.legalName)) (enterprise \(enterprise.id)).")
        } else {
            lines.append("Onboarding \(state.id).")
        }
        let done = Step.allCases.filter { state.marker(for: $0) == .done }
        let doneText = done.isEmpty ? "no step is done yet" : done.count == 1 ? "step 1 is done" : "steps 1 to \(done.count) are done"
        lines.append(
            "Where it stands: \(doneText); now step \(state.step.rawValue) of 9, \(state.step.title): \(RemoteText.sanitized(state.nextAction))"
        )
        return lines
    }

    /// The table's numbers in the order `table` lists them (its `1.`, `2.`…).
    public static func tableRows(_ model: WizardModel) -> [String] { NumbersTable.rows(model) }

    /// The numbers named to the ownership proof's reviewer (`OwnershipProofScreen.numbersForReviewer`).
    public static func numbersForReviewer(_ model: WizardModel) -> [String] { OwnershipProofScreen.numbersForReviewer(model) }

    /// What the plain renderer prints for the situation: the pending confirmation, an open
    /// list or dialog, or the step's page (a form's page is its introduction: its fields are
    /// asked one at a time). Lines are not cut: the terminal, or the screen reader, wraps them.
    public static func page(_ model: WizardModel) -> [String] {
        if let confirmation = PlainText.confirmation(model) {
            return ["\(confirmation.title):"] + confirmation.lines.filter { !$0.isEmpty }.map { "  \($0)" }
        }
        switch model.overlay {
        case .review?:
            return ["About to send:"] + enterpriseReview(model).map { "  \($0)" }
        case .associationResults(let numbers, let setAside, _)?:
            let monitored = Set(model.state.monitoredNumbers)
            let added = numbers.filter(monitored.contains)
            let before = setAside.map { ["\($0.summary): not sent, not billed."] } ?? []
            return ["\(added.count) of \(numbers.count) numbers are monitored now."] + before
        case .chooseFrequency?:
            return ["How often should Telnyx check the numbers?"]
                + CheckFrequency.allCases.enumerated().map { index, frequency in
                    "  \(index + 1). \(frequency.label)\(frequency == model.state.checkFrequency ? " (now)" : "")"
                }
        case .pickEnterprise(let picker)?:
            return ["The account's enterprises:"] + picker.items.enumerated().map { "  \($0.offset + 1). \($0.element.label)" }
                + (picker.items.isEmpty ? ["  (being read…)"] : [])
        case .auditLog?:
            return ["Audit log:"] + model.auditLines.map { "  \($0)" }
        case .confirmLOAReplacement?:
            return ["Replace the LOA under review? Its review starts again (not billed)."]
        case .removedNumbers(let lines, _)?:
            return ["No longer monitored:"] + (lines ?? ["(being read…)"]).map { "  \($0)" }
        case .ownershipHistory(let number, let lines, _)?:
            return ["History of \(number):"] + (lines ?? ["(being read…)"]).map { "  \($0)" }
        case .help?, .pickNumbers?, .webhook?, .ownershipProof?, .remediation?, nil: break
        }
        // The screen's own content: the same blocks the full screen places, with paths whole,
        // choices numbered, a table's rows as sentences, keys said as plain mode has them and
        // forms left to their questions.
        return [StepScreens.heading(model), ""] + ScreenLayout.plainLines(StepScreens.screen(model).content(model))
    }

    /// Whether the step on screen is a form the plain renderer asks field by field.
    public static func isForm(_ model: WizardModel) -> Bool {
        switch model.screenStep {
        case .enterprise, .associate: true
        case .loaRender: model.state.disabledReputation == nil
        case .terms, .signAndUpload, .enable, .gates, .query, .manage: false
        }
    }
}
