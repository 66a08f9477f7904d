import Onboarding

/// Dialogs drawn over the screen: the cost confirmation, help, the enterprise review, and the
/// typed confirmation of destructive actions.
enum Overlays {
    /// `lines` as a box on a surface `width` wide shows them: long lines wrapped, not cut.
    static func wrapped(_ lines: [(String, Style)], width: Int) -> [(String, Style)] {
        lines.flatMap { line in
            DisplayWidth.of(line.0) <= width - 12 ? [line] : Region.wrapped(line.0, width: width - 12).map { ($0, line.1) }
        }
    }

    /// `margin`: rows kept free above and below the box (help takes all but one, its list is long).
    static func box(_ lines: [(String, Style)], title: String, margin: Int = 2, on surface: inout Surface) {
        let lines = wrapped(lines, width: surface.width)
        let width = min(surface.width - 8, max(DisplayWidth.of(title) + 4, lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 4)
        let height = min(surface.height - 2 * margin, lines.count + 2)
        let x = (surface.width - width) / 2
        let y = (surface.height - height) / 2
        for row in y..<(y + height) {
            // A blank column either side keeps the screen below from touching the border.
            surface.put(String(repeating: " ", count: width + 2), x: x - 1, y: row)
            surface.put("│", x: x, y: row, style: .colored(.accent))
            surface.put("│", x: x + width - 1, y: row, style: .colored(.accent))
        }
        surface.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: .colored(.accent))
        surface.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: .colored(.accent))
        surface.put(" \(title) ", x: x + 2, y: y, style: .bold)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            surface.put(line.0, x: x + 2, y: y + 1 + index, style: line.1, limit: width - 4)
        }
    }

    static func drawConfirmation(_ confirmation: PendingConfirmation, model: WizardModel, on surface: inout Surface) {
        let (title, lines) = Self.confirmation(
            confirmation, model: model, room: max(1, surface.height - 14), rowWidth: surface.width - 12)
        box(lines, title: title, on: &surface)
    }

    /// A confirmation's title and lines (what is done, what is set aside, the cost and its
    /// basis, the keys), naming at most `room` numbers; on the screen (`rowWidth`: the box's
    /// inner width) each number set aside takes one row, cut, so the cost stays in view; the
    /// plain renderer prints them as they are.
    static func confirmation(
        _ confirmation: PendingConfirmation, model: WizardModel, room: Int, rowWidth: Int? = nil
    ) -> (title: String, lines: [(String, Style)]) {
        let what: String
        switch confirmation.action {
        case .remove(let numbers):
            var lines: [(String, Style)] = [("Stop monitoring \(numbers.count) \(numbers.count == 1 ? "number" : "numbers"):", .plain)]
            // Numbers Telnyx asks about are given up by answering it: no longer yours.
            let asked = Set((model.state.ownershipNotices ?? []).map(\.phoneNumber))
            lines += numbers.prefix(room).map { ("  \($0)\(asked.contains($0) ? "  ! Telnyx is told it is no longer yours" : "")", .plain) }
            if numbers.count > room { lines.append(("  … and \(numbers.count - room) more", .muted)) }
            return (
                "Remove from monitoring",
                lines + [
                    ("", .plain), ("Cost: \(confirmation.estimate.amount)", .colored(.warning, bold: true)),
                    (confirmation.estimate.basis, .muted),
                ] + budgetLines(confirmation) + [("", .plain), keysLine(confirmation, "y  remove      n  keep them")]
            )
        case .changeFrequency(let from, let to, _):
            return (
                "Change the check frequency",
                [
                    ("Check numbers \(to.label) instead of \(from.label)", .plain), ("", .plain),
                    ("Cost now: \(confirmation.estimate.amount)", .colored(.warning, bold: true)),
                    (confirmation.estimate.basis, .muted),
                ] + budgetLines(confirmation) + [("", .plain), keysLine(confirmation, "y  change      n  keep \(from.label)")]
            )
        case .disable(let monitored):
            return (
                "Disable reputation",
                [
                    (
                        "Monitoring stops now for \(monitored) \(monitored == 1 ? "number" : "numbers"), and Telnyx drops them;",
                        .colored(.danger, bold: true)
                    ),
                    ("enabling again needs a newly signed LOA and is billed again.", .plain),
                    ("Cost: \(confirmation.estimate.amount) (\(confirmation.estimate.basis))", .muted),
                ] + budgetLines(confirmation) + [
                    ("", .plain), ("Type \(WizardModel.disableWord) and press Enter: \(model.confirmationWord.text)", .bold),
                    ("Esc cancels.", .muted),
                ]
            )
        case .enable, .associate, .query, .refresh, .remediate: break
        }
        what =
            switch confirmation.action {
            case .enable(let frequency, _): "Enable reputation, checking numbers \(frequency.label)"
            case .associate(let numbers) where numbers.count > 100:
                "Add \(numbers.count) numbers in \((numbers.count + 99) / 100) batches of up to 100"
            case .associate(let numbers): "Add \(numbers.count) \(numbers.count == 1 ? "number" : "numbers") in one request"
            case .query(let numbers, let fresh, let billed):
                "\(fresh ? "Fresh read" : "Read") of \(numbers.count) \(numbers.count == 1 ? "number" : "numbers") (\(billed.count) billed\(Self.billedAgain(billed, fresh: fresh, model)))"
            case .refresh(let numbers) where numbers.count > 100:
                "Refresh \(numbers.count) numbers now, in \((numbers.count + 99) / 100) requests of up to 100"
            case .refresh(let numbers): "Refresh \(numbers.count) \(numbers.count == 1 ? "number" : "numbers") now"
            case .remediate(let numbers, let callPurpose, let contactEmail):
                "Send \(numbers.count) \(numbers.count == 1 ? "number" : "numbers") to remediation (\(Effect.sample(numbers))); call purpose: “\(RemoteText.sanitized(String(callPurpose.prefix(60))))\(callPurpose.count > 60 ? "…" : "")”\(contactEmail.map { "; contact \(RemoteText.sanitized($0))" } ?? "")"
            case .remove, .changeFrequency, .disable: ""
            }
        // Numbers given but not in the estimate are named here, before anything is paid.
        var setAside: [(String, Style)] = []
        if let refused = confirmation.setAside {
            let room = max(1, room - 2)
            let verb = if case .remediate = confirmation.action { "sent" } else { "added" }
            setAside = [("", .plain), ("Set aside, not \(verb) and not billed (\(refused.count)):", .colored(.danger, bold: true))]
            let sorted = refused.named.sorted { $0.key < $1.key }.prefix(room)
            // On the screen one row each, so the cost and the keys below stay in view; the plain
            // renderer (no `rowWidth`) prints each reason whole.
            setAside += sorted.map { entry in
                let line = "  \(entry.key)  \(RemoteText.sanitized(entry.value))"
                guard let rowWidth, case let rows = Region.wrapped(line, width: rowWidth), rows.count > 1 else { return (line, .plain) }
                return (String(rows[0].prefix(rowWidth - 1)) + "…", .plain)
            }
            if refused.count > sorted.count {
                setAside.append(("  … and \(refused.count - sorted.count) more (`status` names them all)", .muted))
            }
        }
        return (
            "This is billed",
            [(what, .plain)] + setAside + [
                ("", .plain),
                ("Cost: \(confirmation.estimate.amount)", .colored(.warning, bold: true)),
                (confirmation.estimate.basis, .muted),
            ] + budgetLines(confirmation) + [("", .plain), keysLine(confirmation, "y  confirm and pay      n  cancel")]
        )
    }

    /// Where the charge leaves the month (spent so far, with this, the monthly run) and the
    /// budget; nothing while the month's spend is not known.
    static func budgetLines(_ confirmation: PendingConfirmation) -> [(String, Style)] {
        guard let budget = confirmation.budget else { return [] }
        var lines: [(String, Style)] = [(budget.said, .muted)]
        if let said = budget.budgetSaid { lines.append((said, budget.passes ? .colored(.danger, bold: true) : .muted)) }
        return lines
    }

    /// The keys: `y` as usual, or, when the charge passes the budget, `O` to go over it.
    static func keysLine(_ confirmation: PendingConfirmation, _ usual: String) -> (String, Style) {
        guard confirmation.budget?.passes == true else { return (usual, .bold) }
        return ("O  go over the budget and pay      n  cancel", .colored(.danger, bold: true))
    }

    static func draw(_ overlay: WizardModel.Overlay, model: WizardModel, on surface: inout Surface) {
        switch overlay {
        case .help(let top):
            // Wrapped as the box wraps them, so the scroll moves by the rows shown.
            let lines = wrapped(helpLines(model), width: surface.width)
            let room = max(1, surface.height - 4)
            guard lines.count > room else {
                return box(lines, title: "Help · \(model.screenStep.title)", margin: 1, on: &surface)
            }
            // Too many for the screen: a page of them, and what is below.
            let first = min(top, lines.count - (room - 1))
            let shown = Array(lines.dropFirst(first).prefix(room - 1))
            let below = lines.count - first - shown.count
            let hint = below > 0 ? "↓ \(below) more · ↑↓ PgUp/PgDn scroll  Esc close" : "↑↓ scroll  Esc close"
            box(shown + [(hint, .muted)], title: "Help · \(model.screenStep.title)", margin: 1, on: &surface)
        case .review(let top):
            // The keys stay in view below however far the review scrolls.
            let lines = ReviewLines.lines(model)
            let room = max(1, surface.height - 8)
            let shown = Array(lines.dropFirst(top).prefix(room))
            let more = top + room < lines.count ? "↓ \(lines.count - top - room) more lines  " : ""
            let keys = "\(more)↑↓ scroll  Enter send  Esc back to the form"
            let title = model.enterpriseForm.correcting ? "Review the correction before sending" : "Review before sending"
            box(shown + [("", .plain), (keys, .bold)], title: title, on: &surface)
        case .confirmLOAReplacement:
            let status = model.state.gates?.loaStatus ?? "pending"
            box(
                [
                    ("Replace the LOA Telnyx is reviewing (\(RemoteText.sanitized(status.rawValue)))?", .bold), ("", .plain),
                    ("You render, sign and upload a new LOA; once it is uploaded it", .plain),
                    ("replaces the one under review and Telnyx's LOA review starts again", .plain),
                    ("(it can take days). Not billed.", .plain),
                    ("Until you upload, Esc goes back and the current LOA stays.", .muted), ("", .plain),
                    ("y  replace      n  keep the one under review", .bold),
                ], title: "Replace the LOA", on: &surface)
        case .pickEnterprise(let picker):
            box(picker.lines(height: surface.height - 6), title: "Use one of the account's enterprises", on: &surface)
        case .pickNumbers(let picker):
            box(picker.lines(height: surface.height - 6), title: "Numbers in your inventory", on: &surface)
        case .webhook(let field):
            let now = model.state.webhookURL.map { "Now: \(RemoteText.sanitized($0))" } ?? "Now: none"
            box(
                [
                    ("Telnyx calls this URL when a monitored number is flagged or removed", .plain),
                    ("and when the ownership proof is decided. For a receiver of your own:", .plain),
                    ("the wizard polls and needs none. Free.", .plain), ("", .plain), (now, .muted), ("", .plain),
                    ("URL: \(field.text)▏", .bold), ("", .plain),
                    ("Enter sets it (empty: clears it)   Esc cancels", .muted),
                ], title: "Ownership webhook", on: &surface)
        case .remediation(let form):
            box(form.lines(prices: model.state.prices), title: "Remediation", on: &surface)
        case .removedNumbers(let lines, let top):
            let shown = lines.map { Array($0.dropFirst(top).prefix(surface.height - 8)) } ?? ["Reading them from Telnyx…"]
            box(
                shown.map { ($0, .plain) } + [("", .plain), ("↑↓ scroll  Esc close", .muted)], title: "No longer monitored",
                on: &surface)
        case .ownershipHistory(let number, let lines, let top):
            let shown = lines.map { Array($0.dropFirst(top).prefix(surface.height - 8)) } ?? ["Reading it…"]
            box(
                shown.map { ($0, .plain) } + [("", .plain), ("↑↓ scroll  Esc close", .muted)], title: "History · \(number)", on: &surface)
        case .ownershipProof(let field):
            box(OwnershipProofScreen.box(model, field: field), title: "Ownership proof", on: &surface)
        case .auditLog(let top):
            let lines =
                model.auditLines.isEmpty ? ["Nothing recorded yet."] : Array(model.auditLines.dropFirst(top).prefix(surface.height - 8))
            box(lines.map { ($0, .plain) } + [("↑↓ scroll  Esc close", .muted)], title: "Audit log · who, when, what, cost", on: &surface)
        case .associationResults(let numbers, let setAside, let top):
            let results = AssociationResults.lines(numbers, state: model.state, setAsideBefore: setAside)
            let shown = Array(results.lines.dropFirst(top).prefix(surface.height - 9))
            box(
                [(results.summary, .bold), ("", .plain)] + shown + [("↑↓ scroll  Enter or Esc close", .muted)], title: "Numbers sent",
                on: &surface)
        case .chooseFrequency(let chosen):
            let monitored = model.state.monitoredNumbers.count
            var lines: [(String, Style)] = [("How often should Telnyx check the \(monitored) monitored numbers?", .plain), ("", .plain)]
            for frequency in CheckFrequency.allCases {
                let cost = CostEstimate.monthly(frequency, numbers: monitored, model.state.prices)
                let now = frequency == model.state.checkFrequency ? "  (now)" : ""
                let line =
                    "\(frequency == chosen ? "(•)" : "( )") \(frequency.label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(cost.amount)/month\(now)"
                lines.append((line, frequency == chosen ? .focus : .plain))
            }
            lines += [("", .plain), ("Enter asks before anything changes; Esc keeps the frequency.", .muted)]
            box(lines, title: "Check frequency", on: &surface)
        }
    }

    /// Help for the step on screen: a line for each key it answers (from its declared bindings,
    /// at every row of a form), what it says about itself, then the keys of every step.
    /// Help as the box shows it: the message on screen when help was opened, in full, then the
    /// step's keys.
    static func helpLines(_ model: WizardModel) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        if let message = model.helpMessage {
            lines = [("Last message:", .bold), (RemoteText.sanitized(message), .colored(.warning)), ("", .plain)]
        }
        return lines + help(model).map { ($0, .plain) }
    }

    static func help(_ model: WizardModel) -> [String] {
        var lines: [String] = []
        for binding in StepScreens.screen(model).everyKey(model) where !lines.contains(binding.help) { lines.append(binding.help) }
        lines += StepScreens.screen(model).about(model)
        lines += ["", "q (^Q in a text field) quits at any time; nothing is lost."]
        // Going back undoes nothing at Telnyx only before reputation is enabled.
        if model.screenStep <= .enable { lines.append("Esc goes back a step where nothing done at Telnyx is undone (from steps 4 and 5).") }
        return lines
    }

    /// Numbers without analytics data are billed at every read (Telnyx keeps them null): said
    /// beside the count, so a second charge for them is not a surprise.
    static func billedAgain(_ billed: [String], fresh: Bool, _ model: WizardModel) -> String {
        let again = fresh ? 0 : billed.filter(model.state.numbersWithoutData.contains).count
        return again > 0 ? ", \(again) of them again: Telnyx has no data for them yet" : ""
    }
}
