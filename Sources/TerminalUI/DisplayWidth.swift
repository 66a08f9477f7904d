import CNcursesw

/// Columns a character takes on a terminal: 2 for wide (CJK, most emoji), 0 for combining
/// marks, 1 otherwise; from the C library's `wcwidth` under the user's locale.
enum DisplayWidth {
    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7f ? 0 : 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        let width = Int(cn_wcwidth(wchar_t(bitPattern: scalar.value)))
        if width >= 0 { return width }
        // Unknown to the C library (e.g. the "C" locale): East Asian wide ranges by hand.
        return isWide(scalar.value) ? 2 : 1
    }

    static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    private static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }
}
