import Foundation

/// Text from Telnyx (rejection reasons, categories, error details) made safe to draw: escape
/// sequences removed whole, other control characters replaced by a space, so nothing from the
/// network can move the cursor, change colours or retitle the terminal.
public enum RemoteText {
    public static func sanitized(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B, 0x9B:
                skipEscapeSequence(&scalars, introducer: scalar)
            case 0x00..<0x20, 0x7F..<0xA0:
                result.unicodeScalars.append(" ")
            case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF:
                // Zero-width marks and bidirectional overrides can disguise what is shown.
                continue
            case 0x2028, 0x2029:
                // Line and paragraph separators would break a line where none is meant.
                result.unicodeScalars.append(" ")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `sanitized`, without a closing full stop: for a reason set inside a sentence of ours
    /// ("rejected (the documents do not show …): send …").
    public static func clause(_ text: String) -> String {
        let safe = sanitized(text).trimmingCharacters(in: .whitespaces)
        return safe.hasSuffix(".") ? String(safe.dropLast()) : safe
    }

    /// A list from Telnyx (rejection reasons) bounded for a terminal: at most `atMost` items,
    /// each cut at `length` characters, and a last item counting the rest. JSON output keeps
    /// them all.
    public static func bounded(_ items: [String], atMost: Int = 10, length: Int = 300) -> [String] {
        var shown = items.prefix(atMost).map { $0.count > length ? String($0.prefix(length)) + "…" : $0 }
        if items.count > atMost { shown.append("and \(items.count - atMost) more (`status --json` lists them all)") }
        return shown
    }

    /// `sanitized` line by line: the line breaks of a multi-line message are kept.
    public static func sanitizedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitized(String($0)) }.joined(separator: "\n")
    }

    /// Characters a JSON encoder leaves raw that a terminal (or a reader of the JSON) would act
    /// on: DEL, the C1 controls (U+0080–U+009F), zero-width marks and the bidirectional
    /// overrides and isolates. JSON output writes them as `\uXXXX` escapes.
    public static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Consumes a CSI (`ESC [ … final`), OSC (`ESC ] … BEL or ESC \`) or two-character escape.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator, introducer: Unicode.Scalar) {
        let kind: Unicode.Scalar? = introducer.value == 0x9B ? "[" : scalars.next()
        switch kind {
        case "[":
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        case "]", "P", "_", "^":
            var previous: Unicode.Scalar?
            while let next = scalars.next() {
                if next.value == 0x07 || (previous?.value == 0x1B && next == "\\") { break }
                previous = next
            }
        default:
            break
        }
    }
}
