/// A form as content: section titles and rows, one of them focused. Placed on screen with
/// labels in a column, each row's problem under it, scrolled so the focused row stays in view.
struct ScreenForm: Equatable {
    enum Item: Equatable {
        case title(String)
        case row(ScreenFormRow)
    }

    var items: [Item]
    /// The focused row, counted among rows only (titles are not rows).
    var focus: Int
    /// Columns the labels take on screen; values start after them.
    var labelWidth: Int

    func place(in region: inout Region, on surface: inout Surface) {
        var lines = ScrolledForm(width: region.width)
        var rows: [ScreenFormRow] = []
        for item in items {
            switch item {
            case .title(let text): lines.title(text)
            case .row(let row):
                lines.row(rows.count, problem: row.problem)
                rows.append(row)
            }
        }
        for line in lines.visible(focus: focus, height: region.height - region.line) {
            guard let index = line.row else {
                region.write(line.text, style: line.style, into: &surface)
                continue
            }
            rows[index].place(
                x: region.x, y: region.y + region.line, width: region.width, labelWidth: labelWidth, focused: index == focus, on: &surface)
            region.line += 1
        }
    }
}

/// One row of a form: a labelled text field, a check box or a button, and its problem.
struct ScreenFormRow: Equatable {
    enum Kind: Equatable {
        /// The label (with its mark: `* ` required, `◆ ` named by Telnyx) and the field;
        /// `hint` is drawn after the typed text while the row is focused.
        case field(label: String, value: TextField?, hint: String? = nil)
        case checkBox(label: String, checked: Bool)
        case button(String)
    }

    var kind: Kind
    /// Said under the row, wrapped.
    var problem: String?

    func place(x: Int, y: Int, width: Int, labelWidth: Int, focused: Bool, on surface: inout Surface) {
        switch kind {
        case .field(let label, let value, let hint):
            surface.put(label, x: x, y: y, style: focused ? .bold : .plain, limit: labelWidth - 1)
            value?.draw(into: &surface, x: x + labelWidth, y: y, width: width - labelWidth - 1, focused: focused)
            if focused, let hint {
                surface.put(hint, x: x + labelWidth + DisplayWidth.of(value?.text ?? "") + 2, y: y, style: .muted)
            }
        case .checkBox(let label, let checked):
            surface.put("[\(checked ? "x" : " ")] \(label)", x: x, y: y, style: focused ? .focus : .plain)
        case .button(let label):
            surface.put("[ \(label) ]", x: x, y: y, style: focused ? .focus : .bold)
        }
    }
}
