import Onboarding

/// Step 3: the LOA's optional signature and agent, one row per field, scrolled to the focus.
enum LOAScreen {
    static let labelWidth = 20

    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        if let disabled = model.state.disabledReputation {
            let dropped = disabled.numbersDropped
            region.wrap(
                disabled.outsideWizard
                    ? "Reputation was found disabled at Telnyx (not from this wizard)."
                    : "Reputation is disabled for \(model.state.enterprise?.legalName ?? "the enterprise").",
                style: .colored(.warning, bold: true), into: &surface)
            if let by = model.disabledBy, !disabled.outsideWizard {
                region.wrap("Disabled \(ReportTime.stamp(by.at)) by \(RemoteText.sanitized(by.user)).", into: &surface)
            }
            region.wrap(
                "\(dropped) \(dropped == 1 ? "number was" : "numbers were") dropped and no number is monitored. Nothing more is billed for monitoring.",
                into: &surface)
            region.skip()
            region.wrap(
                "To monitor again, press e: you render, sign and upload a new LOA, then enabling is billed \(model.state.prices.monitoringPerMonth) a month (asked first). L shows the audit log: when and by whom it was disabled.",
                into: &surface)
            return
        }
        switch model.state.loaRound {
        case .first:
            region.wrap(
                "Telnyx fills a letter of authorization (LOA) PDF with the enterprise's details. All below is optional.", into: &surface)
        case .replacement:
            region.wrap(
                "The LOA is replaced: render a new one, sign it, and upload it. Replacing is not billed; until the upload, Esc keeps the one Telnyx has.",
                style: .colored(.warning), into: &surface)
        case .resubmission where model.state.pendingCorrection != nil:
            region.wrap(
                "The correction has not reached Telnyx yet, so no LOA is rendered for it: F4 opens the correction as you typed it, to send it again.",
                style: .colored(.danger, bold: true), into: &surface)
        case .resubmission:
            region.wrap("The corrected enterprise is submitted again with a newly signed LOA.", style: .colored(.warning), into: &surface)
        }
        if let path = model.state.renderedLOAPath { region.wrap("Last rendered: \(path)", style: .muted, into: &surface) }
        let form = model.loaForm
        var lines = ScrolledForm(width: region.width)
        for (index, row) in form.rows.enumerated() {
            switch row {
            case .signerName: lines.title("── Signature, printed on the LOA ──")
            case .actingAsAgent: lines.title("── Agent ──")
            default: break
            }
            lines.row(index, problem: form.problems[row])
        }
        for line in lines.visible(focus: form.focus, height: region.height - region.line) {
            guard let index = line.row else {
                region.write(line.text, style: line.style, into: &surface)
                continue
            }
            let row = form.rows[index]
            let focused = index == form.focus
            let y = region.y + region.line
            switch row {
            case .actingAsAgent:
                surface.put(
                    "[\(form.actingAsAgent ? "x" : " ")] A reseller or BPO acts for it (Space)", x: region.x, y: y,
                    style: focused ? .focus : .plain)
            case .render:
                surface.put("[ Render the LOA ]", x: region.x, y: y, style: focused ? .focus : .bold)
            default:
                let label =
                    switch row {
                    case .signerName: "  Signer's name"
                    case .signatureImage: "  Signature PNG"
                    case .agent(let field): (field.isRequired ? "* " : "  ") + field.label
                    default: ""
                    }
                surface.put(label, x: region.x, y: y, style: focused ? .bold : .plain, limit: labelWidth - 1)
                form[row]?.draw(into: &surface, x: region.x + labelWidth, y: y, width: region.width - labelWidth, focused: focused)
            }
            region.line += 1
        }
    }
}
