import Foundation

/// A remediation request's `call_purpose`: what the numbers' calls are for, read by the
/// carriers' reviewers. Telnyx takes 1 to 2,000 characters (api-notes, since SDK 4.189.0).
public enum CallPurpose {
    /// Telnyx's bounds, in characters.
    public static let lengths = 1...2000

    /// A count of characters as the messages write it (`2,001`), whatever the locale.
    public static func characters(_ count: Int) -> String { count.grouped }

    /// What is wrong with `text` as a call purpose (after trimming), or nil when it can be sent.
    /// Control characters (an escape sequence, a line break) are refused: the confirmation
    /// shows the text without them, and what is confirmed must be what the reviewers read.
    public static func problem(_ text: String) -> String? {
        let purpose = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !lengths.contains(purpose.count) {
            let said = purpose.isEmpty ? "" : "; this is \(characters(purpose.count))"
            return "Say what the calls from these numbers are for (1 to 2,000 characters\(said))."
        }
        if purpose.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return
                "Write the call purpose as plain text on one line: it holds a line break or control characters (an escape sequence, say)."
        }
        return nil
    }
}
