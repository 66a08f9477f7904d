import Foundation

/// What the screens draw, for a terminal whose locale is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`,
/// common in containers and over ssh): every symbol has a one-column ASCII stand-in, so the
/// layout is unchanged and nothing is shown as `~T~B`.
enum ASCIIStandIn {
    static let symbols: [Character: Character] = [
        // Frames.
        "│": "|", "┃": "|", "─": "-", "━": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+",
        // Marks.
        "✓": "*", "✔": "*", "▶": ">", "◆": "*", "•": "*", "⊘": "x", "×": "x", "·": "-", "…": ".",
        "▲": "^", "▼": "v", "↑": "^", "↓": "v", "→": ">", "←": "<",
        // Text.
        "—": "-", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'", "≈": "~", "\u{00A0}": " ",
        // Bars and the selection edge.
        "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "|", "░": ".",
        "▁": "_", "▂": "_", "▃": "=", "▄": "=", "▅": "=", "▆": "#", "▇": "#",
    ]

    /// One cell's text (one grapheme; "" for the second half of a wide one) in ASCII: a symbol's
    /// stand-in, a letter without its accent (`é` → `e`), else `?` (a wide character is `??`).
    static func of(_ text: String) -> String {
        guard let character = text.first else { return "?" }  // the second half of a wide character
        guard !text.allSatisfy(\.isASCII) else { return text }
        // Braille spinner frames: one turning bar.
        if let scalar = character.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) {
            return ["|", "/", "-", "\\"][Int(scalar.value) % 4]
        }
        if let standIn = symbols[character] { return String(standIn) }
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, folded.allSatisfy(\.isASCII) { return folded }
        return "?"
    }
}

extension Surface {
    /// The same grid with every cell in ASCII (`ASCIIStandIn`), column for column.
    public func asciiOnly() -> Surface {
        var ascii = self
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                ascii[x, y].text = ASCIIStandIn.of(cell.text)
            }
        }
        return ascii
    }
}
