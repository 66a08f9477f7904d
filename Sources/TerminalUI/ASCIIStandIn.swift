import Foundation

/// What the screens draw, for a terminal whose locale is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`,
/// common in containers and over ssh): every symbol has a one-column ASCII stand-in, so the
/// layout is unchanged and nothing is shown as `~T~B`.
public enum ASCIIStandIn {
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

    /// Wider stand-ins where no grid holds the text (messages on a plain terminal).
    static let inText: [Character: String] = ["…": "...", "→": "->", "←": "<-", "—": "--", "✓": "ok"]

    /// A whole message in ASCII, for a plain terminal whose locale is not UTF-8.
    public static func text(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        return text.map { character in
            if character.isASCII { return String(character) }
            if let wider = inText[character] { return wider }
            return of(String(character))
        }.joined()
    }

    /// Whether the locale the environment sets (`LC_ALL`, else `LC_CTYPE`, else `LANG`, as
    /// POSIX orders them; none is the C locale) writes UTF-8.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? "C"
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

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
