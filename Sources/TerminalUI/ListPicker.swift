import Onboarding

/// A list to choose from in a dialog: type to filter, ↑/↓ to move, Space to mark (when several
/// may be chosen), Enter to take.
public struct ListPicker: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var id: String
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    public var items: [Item]
    public var multiple: Bool
    public var filter = TextField()
    public var cursor = 0
    public var marked: Set<String> = []

    public init(items: [Item], multiple: Bool) {
        self.items = items
        self.multiple = multiple
    }

    public var visible: [Item] {
        let typed = filter.text.lowercased()
        let digits = typed.filter(\.isNumber)
        return typed.isEmpty
            ? items
            : items.filter {
                $0.label.lowercased().contains(typed) || (!digits.isEmpty && $0.id.contains(digits))
            }
    }

    public enum Outcome: Equatable, Sendable {
        case stay
        case cancel
        /// The chosen ids: the marked ones, or the one under the cursor.
        case take([String])
    }

    public mutating func handle(_ key: Key) -> Outcome {
        let shown = visible
        switch key {
        case .escape: return .cancel
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(max(0, shown.count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - 10)
        case .pageDown: cursor = min(max(0, shown.count - 1), cursor + 10)
        case .character(" ") where multiple:
            guard shown.indices.contains(cursor) else { return .stay }
            let id = shown[cursor].id
            if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
            cursor = min(max(0, shown.count - 1), cursor + 1)
        case .control("a") where multiple:
            marked.formUnion(shown.map(\.id))
        case .enter:
            if multiple && !marked.isEmpty { return .take(items.map(\.id).filter(marked.contains)) }
            return shown.indices.contains(cursor) ? .take([shown[cursor].id]) : .stay
        default:
            if filter.edit(key) { cursor = 0 }
        }
        return .stay
    }

    /// Lines for a dialog: the filter, then the items around the cursor.
    func lines(height: Int) -> [(String, Style)] {
        let shown = visible
        var lines: [(String, Style)] = [("Filter: \(filter.text)▏", .bold)]
        let room = max(1, height - 3)
        let top = min(max(0, cursor - room / 2), max(0, shown.count - room))
        for (index, item) in shown.enumerated().dropFirst(top).prefix(room) {
            let mark = multiple ? (marked.contains(item.id) ? "[x] " : "[ ] ") : ""
            lines.append((mark + RemoteText.sanitized(item.label), index == cursor ? .focus : .plain))
        }
        if shown.isEmpty { lines.append(("Nothing matches.", .muted)) }
        lines.append(
            (
                multiple ? "Space mark  ^A mark all shown  Enter take  Esc cancel · \(marked.count) marked" : "Enter choose  Esc cancel",
                .muted
            ))
        return lines
    }
}
