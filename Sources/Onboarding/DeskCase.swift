import Foundation

/// How a support desk handles an onboarding: who has it, what the last person left for the
/// next, and the day to look again. Kept beside the onboarding, never in its state (setting
/// them changes nothing at Telnyx and costs nothing).
public struct DeskCase: Sendable, Equatable, Codable {
    /// The person handling it (a login name, as `osUser` in the audit log); nil when nobody is.
    public var assignee: String?
    /// A hand-off note for the next person, one line, at most `noteLimit` characters.
    public var handOffNote: String?
    /// The day to look at it again, `yyyy-MM-dd` (the desk's calendar day, not a moment).
    public var followUpOn: String?

    public init(assignee: String? = nil, handOffNote: String? = nil, followUpOn: String? = nil) {
        self.assignee = assignee
        self.handOffNote = handOffNote
        self.followUpOn = followUpOn
    }

    /// The longest hand-off note kept, in characters.
    public static let noteLimit = 500
    /// The longest assignee kept, in characters.
    public static let assigneeLimit = 64

    enum CodingKeys: String, CodingKey {
        case assignee
        case handOffNote = "hand_off_note"
        case followUpOn = "follow_up_on"
    }

    /// Why `text` is not a follow-up day, naming the fix; nil for a real `yyyy-MM-dd` day.
    public static func dayProblem(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), (1900...9999).contains(year), (1...12).contains(month)
        else { return "“\(text.prefix(40))” is not a day; give it as YYYY-MM-DD, such as 2026-12-08" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return "\(text) is not a day of the calendar (month \(month) has \(days) days)" }
        return nil
    }

    /// Why `text` cannot be kept as a note or an assignee (`limit` characters, one line, no
    /// control characters); nil when it can.
    public static func textProblem(_ text: String, field: String, limit: Int) -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return "the \(field) is empty; give some text, or --clear" }
        if text.count > limit { return "the \(field) is \(text.count) characters; keep it to \(limit)" }
        let hidden: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator]
        if text.unicodeScalars.contains(where: { hidden.contains($0.properties.generalCategory) }) {
            return "the \(field) holds a line break or a control character; keep it to one line of plain text"
        }
        return nil
    }

    /// What the wizard's title and `list` say of it: "handled by ana · follow up 2026-12-08";
    /// empty when nothing is set.
    public var label: String { label(today: nil) }

    /// `label`, the follow-up day marked "(today)" or "(overdue)" as of `today` (`yyyy-MM-dd`, the
    /// desk's calendar day), and an assignee longer than `assigneeWidth` characters cut with "…";
    /// `compact` leaves out "handled by " (a narrow title).
    public func label(today: String?, assigneeWidth: Int = assigneeLimit, compact: Bool = false) -> String {
        let person = assignee.map { $0.count > assigneeWidth ? String($0.prefix(max(1, assigneeWidth - 1))) + "…" : $0 }
        let due = followUpOn.map { day -> String in
            guard let today else { return "follow up \(day)" }
            // yyyy-MM-dd compares as text.
            return "follow up \(day)" + (day == today ? " (today)" : day < today ? " (overdue)" : "")
        }
        return [person.map { compact ? $0 : "handled by \($0)" }, due].compactMap { $0 }.joined(separator: " · ")
    }

    /// Today's day where this runs, `yyyy-MM-dd`: what a follow-up day is compared with.
    public static func today(_ now: Date = Date(), timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: now)
    }
}
