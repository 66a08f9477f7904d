import Onboarding

/// Step 3: the LOA's optional signature and agent, one row per field, scrolled to the focus.
enum LOAScreen {
    static let labelWidth = 20

    static func content(_ model: WizardModel) -> [ScreenBlock] {
        if let disabled = model.state.disabledReputation {
            let dropped = disabled.numbersDropped
            var blocks: [ScreenBlock] = [
                .paragraph(
                    disabled.outsideWizard
                        ? "Reputation was found disabled at Telnyx (not from this wizard)."
                        : "Reputation is disabled for \(model.state.enterprise?.legalName ?? "the enterprise").",
                    .colored(.warning, bold: true))
            ]
            if let by = model.disabledBy, !disabled.outsideWizard {
                blocks.append(.paragraph("Disabled \(ReportTime.stamp(by.at)) by \(RemoteText.sanitized(by.user))."))
            }
            return blocks + [
                .paragraph(
                    "\(dropped) \(dropped == 1 ? "number was" : "numbers were") dropped and no number is monitored. Nothing more is billed for monitoring."
                ), .blank,
                .wording(
                    fullScreen:
                        "To monitor again, press e: you render, sign and upload a new LOA, then enabling is billed \(model.state.prices.monitoringPerMonth) a month (asked first). L shows the audit log: when and by whom it was disabled.",
                    plain:
                        "To monitor again, answer e: you render, sign and upload a new LOA, then enabling is billed \(model.state.prices.monitoringPerMonth) a month (asked first). Answer L for the audit log: when and by whom it was disabled."
                ),
            ]
        }
        var blocks: [ScreenBlock] =
            switch model.state.loaRound {
            case .first:
                [
                    .wording(
                        fullScreen:
                            "Telnyx fills a letter of authorization (LOA) PDF with the enterprise's details. All below is optional.",
                        plain:
                            "Telnyx fills a letter of authorization (LOA) PDF with the enterprise's details. Every question here is optional."
                    )
                ]
            case .replacement:
                [
                    .wording(
                        fullScreen:
                            "The LOA is replaced: render a new one, sign it, and upload it. Replacing is not billed; until the upload, Esc keeps the one Telnyx has.",
                        plain: "The LOA is replaced: render a new one, sign it, and upload it. Replacing is not billed.", .colored(.warning)
                    )
                ]
            case .resubmission where model.state.pendingCorrection != nil:
                [
                    .wording(
                        fullScreen:
                            "The correction has not reached Telnyx yet, so no LOA is rendered for it: F4 opens the correction as you typed it, to send it again.",
                        plain:
                            "The correction has not reached Telnyx yet, so no LOA is rendered for it: answer `correct` to send it again.",
                        .colored(.danger, bold: true))
                ]
            case .resubmission:
                [
                    .wording(
                        fullScreen: "The corrected enterprise is submitted again with a newly signed LOA.",
                        plain: "The corrected enterprise is submitted again with a newly signed LOA (`correct` changes it first).",
                        .colored(.warning))
                ]
            }
        if let path = model.state.renderedLOAPath { blocks += [.line("Last rendered:", .muted), .path(path)] }
        let form = model.loaForm
        var items: [ScreenForm.Item] = []
        for row in form.rows {
            switch row {
            case .signerName: items.append(.title("── Signature, printed on the LOA ──"))
            case .actingAsAgent: items.append(.title("── Agent ──"))
            case .signatureImage, .agent, .render: break
            }
            let kind: ScreenFormRow.Kind =
                switch row {
                case .actingAsAgent: .checkBox(label: row.label + " (Space)", checked: form.actingAsAgent)
                case .render: .button(row.label)
                case .agent(let field): .field(label: (field.isRequired ? "* " : "  ") + row.label, value: form[row])
                case .signerName, .signatureImage: .field(label: "  " + row.label, value: form[row])
                }
            items.append(.row(.init(kind: kind, problem: form.problems[row])))
        }
        return blocks + [.form(ScreenForm(items: items, focus: form.focus, labelWidth: labelWidth))]
    }
}
