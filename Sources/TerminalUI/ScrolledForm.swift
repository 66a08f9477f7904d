/// A form's lines (section titles, its rows, the problem under a row) drawn from the line that
/// keeps the focused row in view. Problems are wrapped ahead so scrolling counts every line.
struct ScrolledForm {
    private var lines: [(text: String, style: Style, row: Int?)] = []
    let width: Int

    init(width: Int) { self.width = width }

    mutating func title(_ text: String) { lines.append((text, .colored(.accent), nil)) }

    mutating func row(_ index: Int, problem: String?) {
        lines.append(("", .plain, index))
        guard let problem else { return }
        for line in Region.wrapped("! \(problem)", width: width - 2) { lines.append(("  " + line, .colored(.danger), nil)) }
    }

    /// The lines that fit in `height`, from the one that keeps the focused row in view.
    func visible(focus: Int, height: Int) -> ArraySlice<(text: String, style: Style, row: Int?)> {
        let focusLine = lines.firstIndex { $0.row == focus } ?? 0
        let top = max(0, min(focusLine - height / 2, lines.count - height))
        return lines.dropFirst(top).prefix(height)
    }
}
