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
