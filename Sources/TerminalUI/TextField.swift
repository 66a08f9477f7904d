/// One line of editable text with a cursor.
public struct TextField: Equatable, Sendable {
    public var text: String
    /// In characters from the start.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; answers whether the key was one.
    @discardableResult
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            let index = text.index(text.startIndex, offsetBy: cursor)
            text.insert(character, at: index)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        default:
            return false
        }
        return true
    }

    /// The text drawn in `width` columns with the cursor visible (as a reversed cell).
    func draw(into surface: inout Surface, x: Int, y: Int, width: Int, focused: Bool) {
        let characters = Array(text)
        // Focused, the text scrolls to keep the cursor in view; otherwise it shows its start.
        let start = focused ? max(0, cursor - width + 1) : 0
        let visible = String(characters[min(start, characters.count)...].prefix(width))
        surface.put(visible, x: x, y: y, style: focused ? .bold : .plain, limit: width)
        guard focused else { return }
        let column = x + DisplayWidth.of(String(characters[min(start, characters.count)..<cursor]))
        if column < x + width && column < surface.width {
            let cell = surface[column, y]
            surface[column, y] = .init(text: cell.text.isEmpty || cell.text == " " ? " " : cell.text, style: .focus)
        }
    }
}
