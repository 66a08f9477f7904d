import Foundation

/// The first screen when a state directory holds several onboardings and none was named: each
/// one with its enterprise, enterprise id, step and last activity, and "start a new one".
public struct OnboardingChooser: Equatable, Sendable {
    /// The id of the row that starts a new onboarding.
    public static let newOnboarding = "+new"

    /// What the person chose: an onboarding by id, a new one, or to leave.
    public enum Choice: Equatable, Sendable {
        case open(String)
        case new
        case quit
    }

    public var picker: ListPicker

    /// `onboardings`: (id, one line that says where it stands), most recently active first.
    public init(onboardings: [ListPicker.Item]) {
        picker = ListPicker(
            items: onboardings + [ListPicker.Item(id: Self.newOnboarding, label: "+ Start a new onboarding")], multiple: false)
    }

    /// A key; nil while the person is still choosing.
    public mutating func handle(_ key: Key) -> Choice? {
        if key == .control("q") || key == .control("c") || key == .escape { return .quit }
        switch picker.handle(key) {
        case .stay: return nil
        case .cancel: return .quit
        case .take(let ids):
            guard let id = ids.first else { return nil }
            return id == Self.newOnboarding ? .new : .open(id)
        }
    }

    /// The onboardings as plain mode lists them: numbered from 1, then how to start a new one.
    public var plainLines: [String] {
        let onboardings = picker.items.filter { $0.id != Self.newOnboarding }
        return ["This state directory holds several onboardings:"]
            + onboardings.enumerated().map { "  \($0.offset + 1). \($0.element.label)" } + ["  n. Start a new onboarding"]
    }

    /// The question plain mode asks after `plainLines`.
    public static let plainQuestion = "Number of the onboarding to continue, n for a new one, q to quit:"

    /// A line answered in plain mode: an onboarding's number, or its id (or the id's start when
    /// only one id starts so); `n` or `new`; `q` or `quit`. Nil when it names none.
    public func choice(answering line: String) -> Choice? {
        let text = line.trimmingCharacters(in: .whitespaces)
        let onboardings = picker.items.filter { $0.id != Self.newOnboarding }
        switch text.lowercased() {
        case "q", "quit": return .quit
        case "n", "new": return .new
        case "": return nil
        default: break
        }
        if let number = Int(text) { return onboardings.indices.contains(number - 1) ? .open(onboardings[number - 1].id) : nil }
        let starting = onboardings.filter { $0.id.hasPrefix(text) }
        return starting.count == 1 ? .open(starting[0].id) : nil
    }

    /// The whole screen.
    public func render(width: Int, height: Int) -> Surface {
        var surface = Surface(width: width, height: height)
        guard width >= WizardView.minimumWidth, height >= WizardView.minimumHeight else {
            surface.put("The window is \(width)×\(height); please enlarge it to 80×24.", x: 0, y: 0)
            return surface
        }
        surface.put(" Telnyx Number Reputation", x: 0, y: 0, style: .bold)
        surface.put(" This state directory holds several onboardings. Which one?", x: 0, y: 2)
        surface.put(" Type to filter by name or id.", x: 0, y: 3, style: .muted)
        var row = 5
        for line in picker.lines(height: height - 8) {
            surface.put("  " + line.0, x: 0, y: row, style: line.1, limit: width - 1)
            row += 1
        }
        surface.put(" ↑↓ move  Enter open  Esc or ^Q quit", x: 0, y: height - 1, style: .muted)
        return surface
    }
}
