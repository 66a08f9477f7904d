import Foundation
import Onboarding

/// What the plain renderer prints: the same content the full-screen wizard draws, as lines of
/// text with no position, colour or box (for screen readers, Emacs shell buffers, CI logs).
public enum PlainText {
    /// The step's screen as the full-screen wizard draws it on the right, as lines `width`
    /// columns wide at most, trailing spaces and trailing blank lines dropped. The numbers table
    /// shows up to `rows` rows.
    public static func step(_ model: WizardModel, width: Int = 100, rows: Int = 60) -> [String] {
        var surface = Surface(width: width, height: rows + 20)
        var region = Region(x: 0, y: 0, width: width, height: rows + 20)
        StepScreens.draw(model, in: &region, on: &surface)
        return trimmed(surface.text)
    }

    /// The pending confirmation's title and lines (what is done, the cost, its basis), naming
    /// at most 50 numbers; nil when nothing waits for one.
    public static func confirmation(_ model: WizardModel) -> (title: String, lines: [String])? {
        guard let pending = model.state.confirmation else { return nil }
        let (title, lines) = Overlays.confirmation(pending, model: model, room: 50)
        // The keys line is the full screen's; the plain prompt asks in words.
        return (title, lines.map(\.0).filter { !$0.hasPrefix("y  ") && !$0.hasPrefix("Type ") && $0 != "Esc cancels." })
    }

    /// The enterprise (or its correction) as it will be sent, for review before sending.
    public static func enterpriseReview(_ model: WizardModel) -> [String] {
        ReviewLines.lines(model).map(\.0)
    }

    /// Help for the step on screen.
    public static func help(_ model: WizardModel) -> [String] {
        Overlays.help(model.screenStep, sandbox: model.sandboxScenario != nil)
    }

    /// The word typed to confirm disabling reputation.
    public static var disableWord: String { WizardModel.disableWord }

    static func trimmed(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // Runs of blank lines are one.
        var kept: [String] = []
        for line in lines where !(line.isEmpty && kept.last?.isEmpty == true) { kept.append(line) }
        return kept
    }
}

extension PlainText {
    /// Whether a line typed at step 7 is a file's path rather than a number.
    public static func isPath(_ text: String) -> Bool { AddNumbersScreen.isPath(text) }

    /// Step 7's list in a few lines: how many numbers go, and the first lines that cannot
    /// (with why), as the full screen marks them.
    public static func numbersSummary(_ model: WizardModel) -> [String] {
        let toSend = AddNumbersScreen.toSend(model)
        let refused = AddNumbersScreen.refused(model).sorted { $0.key < $1.key }
        var lines = ["\(toSend.count) \(toSend.count == 1 ? "number" : "numbers") to add."]
        if !refused.isEmpty {
            lines.append("\(refused.count) \(refused.count == 1 ? "line is" : "lines are") not a number that can be added:")
            lines += refused.prefix(20).map { "  \(RemoteText.sanitized($0.key)): \(RemoteText.sanitized($0.value))" }
            if refused.count > 20 { lines.append("  … and \(refused.count - 20) more") }
        }
        return lines
    }
}
