import Foundation
import Onboarding

/// Step 9's remediation box: the numbers chosen in the table, what their calls are for (sent
/// to the carriers' reviewers, 1 to 2,000 characters) and an optional contact email. Enter
/// asks the state machine, which shows the cost before anything is sent.
public struct RemediationForm: Equatable, Sendable {
    /// The numbers to send (E.164), as chosen in the table.
    public var numbers: [String]
    public var callPurpose = TextField()
    public var contactEmail = TextField()
    /// 0: the call purpose, 1: the contact email.
    public var focus = 0
    /// What is wrong with what was typed, said under the fields (nothing is sent meanwhile).
    public var problem: String?

    public init(numbers: [String]) { self.numbers = numbers }

    /// Characters of a field shown in the box at most (about three wrapped lines at 80 columns).
    static let shownAtMost = 160

    /// The box's lines.
    func lines(prices: PriceTable) -> [(String, Style)] {
        let count = "\(numbers.count) \(numbers.count == 1 ? "number" : "numbers")"
        func row(_ label: String, _ field: TextField, _ index: Int) -> (String, Style) {
            // A long text shows its end (where typing goes) and its length, so the box keeps room
            // for the other field and for what is wrong.
            let long = field.text.count > Self.shownAtMost
            let text = long ? "…" + field.text.suffix(Self.shownAtMost) : field.text
            let label = long ? "\(label) (\(CallPurpose.characters(field.text.count)) characters)" : label
            return ("\(focus == index ? "▸" : " ") \(label): \(text)\(focus == index ? "▏" : "")", focus == index ? .bold : .plain)
        }
        return [
            ("Send \(count) to the carriers for review (\(prices.remediation) a number,", .plain),
            ("the cost is asked first): \(Effect.sample(numbers))", .plain),
            ("", .plain),
            ("What are the calls from these numbers for? The reviewers read it.", .muted),
            row("Call purpose", callPurpose, 0),
            row("Contact email (optional)", contactEmail, 1),
            ("", .plain),
        ] + (problem.map { [("! \($0)", .colored(.danger)), ("", .plain)] } ?? []) + [
            ("↑↓ field   Enter go on   Esc cancel", .muted)
        ]
    }

    /// A key typed in the box: nil when it is done (Esc), the decision when Enter sends it.
    mutating func handle(_ key: Key) -> (done: Bool, decision: Event?) {
        switch key {
        case .escape: return (true, nil)
        case .up, .down, .tab: focus = 1 - focus
        case .enter:
            let email = contactEmail.text.trimmingCharacters(in: .whitespaces)
            // The state machine's own rules, said here so nothing typed is lost to a refusal.
            if let purposeProblem = CallPurpose.problem(callPurpose.text) {
                (focus, problem) = (0, purposeProblem)
                return (false, nil)
            }
            if !email.isEmpty, !EmailAddress.looksValid(email) {
                (focus, problem) = (1, "\(RemoteText.sanitized(email)) is not an email address (name@example.com); or leave it empty.")
                return (false, nil)
            }
            return (
                true,
                .remediate(numbers: numbers, callPurpose: callPurpose.text, contactEmail: email.isEmpty ? nil : email)
            )
        default:
            problem = nil
            if focus == 0 { callPurpose.edit(key) } else { contactEmail.edit(key) }
        }
        return (false, nil)
    }
}
