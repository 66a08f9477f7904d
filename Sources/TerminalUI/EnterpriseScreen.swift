import Onboarding

/// Step 2: the enterprise form, one row per field, grouped by section, scrolled to the focus.
enum EnterpriseScreen {
    static let labelWidth = 22
    /// The most lines Telnyx's reasons take above the correction form.
    static let reasonLines = 6

    static func content(_ model: WizardModel) -> [ScreenBlock] {
        let form = model.enterpriseForm
        var blocks: [ScreenBlock] = []
        let named =
            form.correcting
            ? model.rejectionReasons.reduce(into: Set<EnterpriseField>()) { $0.formUnion(EnterpriseField.named(in: $1)) } : []
        if form.correcting {
            let reasons = model.rejectionReasons.map(RemoteText.sanitized)
            blocks.append(
                .wording(
                    fullScreen: reasons.isEmpty ? "" : "Telnyx's reasons:",
                    plain: reasons.isEmpty
                        ? "Correcting the enterprise Telnyx rejected." : "Correcting the enterprise Telnyx rejected. Telnyx's reasons:",
                    .colored(.danger, bold: true)))
            // At most a few lines on screen, so the form stays in view; F1 shows them all.
            blocks.append(.bullets(reasons, .colored(.danger), room: reasonLines, overflow: "… the reasons in full: F1"))
            blocks.append(
                .wording(
                    fullScreen:
                        "The form shows what Telnyx holds\(named.isEmpty ? "" : "; ◆ marks the fields the reasons name"). Only changed fields are sent; Enter on the last row reviews them.",
                    plain: "Each question shows the value Telnyx holds: Enter keeps it. Only what you change is sent.", .colored(.warning)))
        } else {
            blocks.append(
                .wording(
                    fullScreen: "The business Telnyx vets. * marks required fields. Each field is checked as you leave it.",
                    plain:
                        "The business Telnyx vets. Each question names a field; optional ones say so, and each answer is checked at once.",
                    .muted))
        }
        var items: [ScreenForm.Item] = []
        var section: EnterpriseField.Section?
        for (index, row) in form.rows.enumerated() {
            switch row {
            case .field(let field):
                if field.section != section {
                    section = field.section
                    items.append(.title("── \(field.section.rawValue) ──"))
                }
                let mark = named.contains(field) ? "◆ " : form.correcting ? "  " : field.isRequired ? "* " : "  "
                var hint: String?
                // Suggestions while the typed text is not yet one of the choices.
                if index == form.focus, case .choice(let options) = field.kind, !options.contains(form.values[field]?.text ?? "") {
                    let suggestions = form.suggestions(for: field).prefix(4).joined(separator: " | ")
                    hint = "→ " + (suggestions.isEmpty ? "no match" : suggestions)
                }
                items.append(
                    .row(
                        .init(kind: .field(label: mark + field.label, value: form.values[field], hint: hint), problem: form.problems[field])
                    ))
            case .sameAsPhysical:
                section = .billingAddress
                items.append(.title("── \(EnterpriseField.Section.billingAddress.rawValue) ──"))
                items.append(
                    .row(.init(kind: .checkBox(label: "Same as the physical address (Space)", checked: form.billingSameAsPhysical))))
            case .review:
                items.append(.row(.init(kind: .button(form.correcting ? "Review the correction" : "Review and submit"))))
            }
        }
        return blocks + [.form(ScreenForm(items: items, focus: form.focus, labelWidth: labelWidth))]
    }
}
