/// A key press, as the screens understand it, whatever terminal it came from.
public enum Key: Equatable, Sendable {
    case character(Character)
    /// Ctrl with a letter, e.g. `.control("q")`.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size.
    case resize
    /// Text pasted at once (the terminal's bracketed paste): it goes into the text field being
    /// typed in, never read as keys, so a pasted `y` cannot answer a cost's question.
    case paste(String)

    /// Keys for tests and scripts: each character as typed, with `\n` as Enter.
    public static func typing(_ text: String) -> [Key] {
        text.map { $0 == "\n" ? .enter : $0 == "\t" ? .tab : .character($0) }
    }
}
