import Onboarding

/// Step 2: the enterprise form, one row per field, grouped by section, scrolled to the focus.
enum EnterpriseScreen {
    static let labelWidth = 22
    /// The most lines Telnyx's reasons take above the correction form.
    static let reasonLines = 6

    static func draw(_ model: WizardModel, in region: inout Region, on surface: inout Surface) {
        let form = model.enterpriseForm
        var named: Set<EnterpriseField> = []
        if form.correcting {
            let reasons = model.rejectionReasons
            if !reasons.isEmpty { region.write("Telnyx's reasons:", style: .colored(.danger, bold: true), into: &surface) }
            // At most a few lines, so the form stays in view; F1 shows them all.
            var reasonLines: [String] = []
            for reason in reasons {
                reasonLines += Region.wrapped("• " + RemoteText.sanitized(reason), width: region.width - 1)
                named.formUnion(EnterpriseField.named(in: reason))
            }
            let room = EnterpriseScreen.reasonLines
            for line in reasonLines.prefix(reasonLines.count > room ? room - 1 : room) {
                region.write(line, style: .colored(.danger), into: &surface, indent: 1)
            }
            if reasonLines.count > room {
                region.write("… the reasons in full: F1", style: .colored(.danger, bold: true), into: &surface, indent: 1)
            }
            region.wrap(
                "The form shows what Telnyx holds\(named.isEmpty ? "" : "; ◆ marks the fields the reasons name"). Only changed fields are sent; Enter on the last row reviews them.",
                style: .colored(.warning), into: &surface)
        } else {
            region.wrap(
                "The business Telnyx vets. * marks required fields. Each field is checked as you leave it.", style: .muted, into: &surface)
        }
        var lines = ScrolledForm(width: region.width)
        var section: EnterpriseField.Section?
        for (index, row) in form.rows.enumerated() {
            switch row {
            case .field(let field):
                if field.section != section {
                    section = field.section
                    lines.title("── \(field.section.rawValue) ──")
                }
                lines.row(index, problem: form.problems[field])
            case .sameAsPhysical:
                section = .billingAddress
                lines.title("── \(EnterpriseField.Section.billingAddress.rawValue) ──")
                lines.row(index, problem: nil)
            case .review:
                lines.row(index, problem: nil)
            }
        }
        for line in lines.visible(focus: form.focus, height: region.height - region.line) {
            guard let index = line.row else {
                region.write(line.text, style: line.style, into: &surface)
                continue
            }
            let y = region.y + region.line
            let focused = index == form.focus
            switch form.rows[index] {
            case .field(let field):
                let mark = named.contains(field) ? "◆ " : form.correcting ? "  " : field.isRequired ? "* " : "  "
                let label = mark + field.label
                surface.put(label, x: region.x, y: y, style: focused ? .bold : .plain, limit: labelWidth - 1)
                let valueWidth = region.width - labelWidth - 1
                form.values[field]?.draw(into: &surface, x: region.x + labelWidth, y: y, width: valueWidth, focused: focused)
                if focused, case .choice = field.kind {
                    let suggestions = form.suggestions(for: field).prefix(4).joined(separator: " | ")
                    let typed = form.values[field]?.text ?? ""
                    let hint = "→ " + (suggestions.isEmpty ? "no match" : suggestions)
                    surface.put(hint, x: region.x + labelWidth + DisplayWidth.of(typed) + 2, y: y, style: .muted)
                }
            case .sameAsPhysical:
                surface.put(
                    "[\(form.billingSameAsPhysical ? "x" : " ")] Same as the physical address (Space)", x: region.x, y: y,
                    style: focused ? .focus : .plain)
            case .review:
                let button = form.correcting ? "[ Review the correction ]" : "[ Review and submit ]"
                surface.put(button, x: region.x, y: y, style: focused ? .focus : .bold)
            }
            region.line += 1
        }
    }
}
