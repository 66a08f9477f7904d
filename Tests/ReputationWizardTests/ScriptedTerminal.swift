import Foundation
import TerminalUI

/// A terminal in memory that plays a script: keys to press, and text to wait for on screen
/// before going on. When the script is done it quits (^Q). Waiting is bounded by a generous
/// deadline only so a broken wizard fails the test instead of hanging it.
final class ScriptedTerminal: Terminal, @unchecked Sendable {
    enum Step {
        case press([Key])
        case waitFor(String)
        /// Something the test does at this point of the script (move its clock, say).
        case perform(@Sendable () -> Void)
    }

    let size: (width: Int, height: Int) = (80, 24)
    private var steps: [Step]
    private(set) var screen = ""
    /// The text waited for in vain, with the screen at the time.
    private(set) var failure: String?
    private var waitingSince: ContinuousClock.Instant?
    private static let deadline = Duration.seconds(30)

    init(_ steps: [Step]) { self.steps = steps }

    /// Frames drawn so far.
    private(set) var frames = 0

    func show(_ surface: Surface) {
        screen = surface.text
        frames += 1
    }

    func nextKey(timeoutMilliseconds: Int) -> Key? {
        guard failure == nil, let step = steps.first else { return .control("q") }
        switch step {
        case .press(let keys):
            steps[0] = .press(Array(keys.dropFirst()))
            if keys.count <= 1 { steps.removeFirst() }
            return keys.first
        case .perform(let action):
            steps.removeFirst()
            action()
            return nil
        case .waitFor(let text):
            if screen.contains(text) {
                steps.removeFirst()
                waitingSince = nil
                return nil
            }
            let since = waitingSince ?? .now
            waitingSince = since
            if ContinuousClock.now - since > Self.deadline {
                failure = "“\(text)” never appeared; the screen was:\n\(screen)"
                return .control("q")
            }
            return nil
        }
    }

    func restore() {}
}
