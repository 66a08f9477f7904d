import Foundation
import Onboarding

/// Draws the whole wizard for a model: the frame (title, step list, notice, key help), the
/// current step's screen, and any overlay. Pure: the same model gives the same grid.
public enum WizardView {
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    static let stepListWidth = 28

    public static func render(_ model: WizardModel, width: Int, height: Int) -> Surface {
        var surface = Surface(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            drawTooSmall(&surface)
            return surface
        }
        drawTitle(model, &surface)
        drawStepList(model, &surface)
        for row in 1..<(height - 2) { surface.put("│", x: stepListWidth, y: row, style: .muted) }
        var body = Region(x: stepListWidth + 2, y: 2, width: width - stepListWidth - 3, height: height - 5)
        StepScreens.draw(model, in: &body, on: &surface)
        drawNotice(model, &surface)
        surface.put(keyHelp(model), x: 0, y: height - 1, style: .muted)
        if let overlay = model.overlay {
            Overlays.draw(overlay, model: model, on: &surface)
        } else if let confirmation = model.state.confirmation, model.busy == nil {
            Overlays.drawConfirmation(confirmation, model: model, on: &surface)
        }
        return surface
    }

    static func drawTooSmall(_ surface: inout Surface) {
        let lines = [
            "The terminal is \(surface.width)×\(surface.height).",
            "The wizard needs at least \(minimumWidth)×\(minimumHeight):",
            "please enlarge the window.", "", "Nothing is lost. q quits.",
        ]
        for (index, line) in lines.enumerated() {
            surface.put(line, x: max(0, (surface.width - DisplayWidth.of(line)) / 2), y: max(0, surface.height / 2 - 2) + index)
        }
    }

    static func drawTitle(_ model: WizardModel, _ surface: inout Surface) {
        surface.fill(x: 0, y: 0, width: surface.width, height: 1, style: .focus)
        let name = model.state.enterprise.map { " · " + RemoteText.sanitized($0.legalName) } ?? ""
        // The product and enterprise keep the left; the desk's case gets shorter (no "handled
        // by", a long name cut) before they are cut.
        let room = surface.width - DisplayWidth.of(" Telnyx Number Reputation\(name)") - 3
        var caseLabel = model.deskCase.label(today: nil)
        var assigneeWidth = DeskCase.assigneeLimit
        while DisplayWidth.of(caseLabel) > room && assigneeWidth > 6 {
            caseLabel = model.deskCase.label(today: nil, assigneeWidth: assigneeWidth, compact: true)
            assigneeWidth -= 1
        }
        let desk = caseLabel.isEmpty ? "" : " \(RemoteText.sanitized(caseLabel)) "
        let label = model.sandboxScenario.map { " SANDBOX (\($0)) · nothing billed " } ?? desk
        let labelWidth = DisplayWidth.of(label)
        surface.put(
            " Telnyx Number Reputation\(name)", x: 0, y: 0, style: Style(bold: true, reverse: true), limit: surface.width - labelWidth - 1)
        if !label.isEmpty {
            surface.put(label, x: surface.width - labelWidth, y: 0, style: Style(bold: true, reverse: true, color: .sandbox))
        }
    }

    /// Symbol and word for each marker: meaning never rests on colour alone.
    static func marker(_ marker: StepMarker) -> (symbol: String, style: Style) {
        switch marker {
        case .done: ("✓", .colored(.good))
        case .current: ("▶", .colored(.accent, bold: true))
        case .waiting: ("…", .colored(.warning))
        case .attention: ("!", .colored(.danger, bold: true))
        case .disabled: ("⊘", .colored(.warning, bold: true))
        case .notReached: (" ", .muted)
        }
    }

    static func drawStepList(_ model: WizardModel, _ surface: inout Surface) {
        for step in Step.allCases {
            let state = model.state.marker(for: step)
            let (symbol, style) = marker(state)
            let row = 1 + step.rawValue * 2 - 1
            surface.put(
                "\(symbol) \(step.rawValue) \(step.title)", x: 1, y: row,
                style: step == model.state.step ? Style(bold: true, color: style.color) : style)
            let word: String? =
                switch state {
                case .waiting: "waiting on Telnyx"
                case .attention: "needs attention"
                case .current: "current"
                case .disabled: "reputation disabled"
                case .done, .notReached: nil
                }
            if let word { surface.put(word, x: 5, y: row + 1, style: style) }
        }
        surface.put("✓ done ▶ now … waiting ! fix", x: 0, y: surface.height - 3, style: .muted, limit: stepListWidth)
    }

    static func drawNotice(_ model: WizardModel, _ surface: inout Surface) {
        let row = surface.height - 2
        // The newest news wins: work under way, then the answer to the last key, then the error kept in the state.
        let then = model.queued.map { " · then \(name($0))" } ?? ""
        if let lost = model.storeLost {
            // Above all else, for good: nothing on screen can be acted on any more.
            surface.put(oneLine(RemoteText.sanitized(lost), width: surface.width - 2), x: 1, y: row, style: .colored(.danger, bold: true))
        } else if model.busy != nil, let progress = model.batchProgress {
            let line = "\(spinner(model.tick)) Adding numbers \(progressBar(progress)) \(progress.description)\(then)"
            surface.put(line, x: 1, y: row, style: .colored(.accent), limit: surface.width - 2)
        } else if let busy = model.busy {
            surface.put("\(spinner(model.tick)) \(busy)…\(then)", x: 1, y: row, style: .colored(.accent), limit: surface.width - 2)
        } else if let notice = model.notice {
            surface.put(oneLine(RemoteText.sanitized(notice), width: surface.width - 2), x: 1, y: row, style: .colored(.warning))
        } else if let error = model.state.lastError {
            let prefix = error.outcomeUnknown ? "Checking: " : "Problem: "
            surface.put(
                oneLine(prefix + RemoteText.sanitized(error.message), width: surface.width - 2), x: 1, y: row,
                style: .colored(error.outcomeUnknown ? .warning : .danger, bold: true))
        }
    }

    /// A message that fits `width`, or its start and where the rest is: never cut silently.
    static func oneLine(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let more = "… F1 reads it all"
        var kept = ""
        for character in text {
            if DisplayWidth.of(kept + String(character)) + DisplayWidth.of(more) > width { break }
            kept.append(character)
        }
        return kept.trimmingCharacters(in: .whitespaces) + more
    }

    /// A decision in a few words, for the one waiting its turn.
    static func name(_ event: Event) -> String {
        switch event {
        case .addNumbers(let numbers, _): "add \(numbers.count) number\(numbers.count == 1 ? "" : "s")"
        case .query(_, let fresh): fresh ? "fresh read" : "read"
        case .refresh(let numbers): "refresh \(numbers.count)"
        case .removeNumbers(let numbers): "remove \(numbers.count)"
        case .changeFrequency: "change frequency"
        case .goBack: "go back"
        case .agreeToTerms: "agree to the terms"
        case .submitEnterprise, .useExistingEnterprise: "the enterprise"
        case .correctEnterprise: "the correction"
        case .renderLOA: "render the LOA"
        case .useSignedLOA: "upload the LOA"
        case .chooseFrequency: "enable"
        case .startLOAReplacement: "replace the LOA"
        case .checkGatesNow: "check the review"
        case .disable: "disable"
        default: "the next decision"
        }
    }

    /// Batches done as a bar of ten cells.
    static func progressBar(_ progress: BatchProgress) -> String {
        let filled = progress.batches == 0 ? 10 : progress.batchesDone * 10 / progress.batches
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled) + "]"
    }

    /// The spinner's frame for a tick of the loop: something is under way.
    static func spinner(_ tick: Int) -> String {
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        return frames[tick % frames.count]
    }

    static func keyHelp(_ model: WizardModel) -> String {
        switch model.overlay {
        case .help?: return " Esc close help"
        case .review?: return " ↑↓ scroll  Enter send  Esc back to the form  ^Q quit"
        case .confirmLOAReplacement?: return " y replace the LOA   n keep the one under review   ^Q quit"
        case .chooseFrequency?: return " ↑↓ frequency  Enter change (asks first)  Esc keep  ^Q quit"
        case .pickEnterprise?, .pickNumbers?: return " ↑↓ move  type to filter  Enter take  Esc cancel  ^Q quit"
        case .auditLog?, .associationResults?, .ownershipHistory?, .removedNumbers?: return " ↑↓ scroll  Esc close  ^Q quit"
        case .webhook?: return " type the URL  Enter set (empty: clear)  Esc cancel  ^Q quit"
        case .ownershipProof?: return " type the paths (; between)  Enter send  Esc cancel  ^Q quit"
        case .remediation?: return " ↑↓ field  Enter go on (the cost is asked)  Esc cancel  ^Q quit"
        case nil: break
        }
        if model.state.confirmation?.budget?.passes == true { return " O go over the budget and pay   n cancel   q quit" }
        switch model.state.confirmation?.action {
        case .disable?: return " type DISABLE, Enter  Esc cancel  ^Q quit"
        case .remove?, .changeFrequency?: return " y go ahead   n cancel   q quit"
        case .enable?, .associate?, .query?, .refresh?, .remediate?: return " y confirm and pay   n cancel   q quit"
        case nil: break
        }
        let step = StepScreens.keys(model)
        // In a text field q and ? are text. Within 79 columns: a terminal does not draw the
        // bottom-right cell.
        return WizardController.isTyping(model) ? " \(step)  ^Q quit  F1 help" : " \(step)  ? help  q quit"
    }
}
