import Onboarding

/// What the review before sending the enterprise shows, by the form's sections and labels, with
/// values as they will be sent (normalised). For a correction: each change as Telnyx holds it →
/// as it will be sent, then what sending it sets off and what that costs.
enum ReviewLines {
    /// Lines are wrapped to this many columns, so the dialog fits 80 columns and scrolling
    /// counts the lines that are drawn.
    static let width = 66

    static func lines(_ model: WizardModel) -> [(String, Style)] {
        let form = model.enterpriseForm
        var lines: [(String, Style)] = []
        func add(_ text: String, _ style: Style = .plain) {
            for line in Region.wrapped(text, width: width) { lines.append((line, style)) }
        }
        var section: EnterpriseField.Section?
        func heading(_ field: EnterpriseField) {
            guard field.section != section else { return }
            section = field.section
            add("── \(field.section.rawValue) ──", .bold)
        }
        if form.correcting {
            let correction = form.correction
            if let warning = correction.warning(reasons: model.rejectionReasons) {
                add("! " + warning, .colored(.danger, bold: true))
                lines.append(("", .plain))
            }
            add("Telnyx holds → will be sent:", .bold)
            for change in correction.changes {
                heading(change.field)
                add("\(change.field.label): \(change.old ?? "(none)") → \(change.new.isEmpty ? "(cleared)" : change.new)")
            }
            lines.append(("", .plain))
            add("What happens:", .bold)
            let steps = correction.plan(reputationEnabled: model.state.reputationEnabled, prices: model.state.prices)
            for (index, step) in steps.enumerated() { add("\(index + 1). \(step)") }
            return lines
        }
        let fields = form.fields
        for field in EnterpriseField.allCases {
            if field.section == .billingAddress && form.billingSameAsPhysical {
                if section != .billingAddress {
                    heading(field)
                    add("Same as the physical address")
                }
                continue
            }
            guard let raw = fields[field.key], !raw.isEmpty else { continue }
            heading(field)
            let value = (try? EnterpriseValidation.check(field, raw).get()) ?? raw
            add("\(field.label): \(value)")
        }
        return lines
    }
}
