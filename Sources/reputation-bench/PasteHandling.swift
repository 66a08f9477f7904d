import Foundation
import Onboarding
import TerminalUI

/// A paste of many numbers at step 7, handled as the wizard's loop does: up to 4,096 keys a
/// frame, the typed draft built once a frame, then the frame drawn. What the worst frame costs
/// says whether the wizard stays responsive (and ^Q answers) while a large list arrives.
struct PasteHandling {
    /// The wizard's `keysPerFrame`.
    static let keysPerFrame = 4096

    struct Figures {
        let numbers: Int
        let keys: Int
        let frames: Int
        let totalSeconds: Double
        let worstFrameMilliseconds: Double
    }

    static func measure(numbers: Int) -> Figures {
        var state = OnboardingState(id: "onb-bench")
        state.step = .associate
        state.terms = .agreed(version: "v1")
        state.reputationEnabled = true
        var model = WizardModel(state: state)
        model.inventory = Set((0..<numbers).map { String(format: "+1312%07d", ($0 * 7_919) % 10_000_000) })
        var keys: [Key] = []
        for index in 0..<numbers {
            let digits = (index * 7_919) % 10_000_000
            keys += Key.typing(String(format: "(312) %03d-%04d\n", digits / 10_000, digits % 10_000))
        }
        var worst = Duration.zero
        var frames = 0
        let start = ContinuousClock.now
        for frameStart in stride(from: 0, to: keys.count, by: keysPerFrame) {
            let frameBegan = ContinuousClock.now
            var typedChanged = false
            for key in keys[frameStart..<min(frameStart + keysPerFrame, keys.count)] {
                for command in WizardController.handle(key, &model) where command == .saveTypedDraft { typedChanged = true }
            }
            if typedChanged { _ = model.typedDraft }
            _ = WizardView.render(model, width: 80, height: 24)
            worst = max(worst, ContinuousClock.now - frameBegan)
            frames += 1
        }
        let total = ContinuousClock.now - start
        return Figures(
            numbers: numbers, keys: keys.count, frames: frames, totalSeconds: seconds(total), worstFrameMilliseconds: seconds(worst) * 1000)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func report(numbers: Int) -> String {
        let small = measure(numbers: 1_000)
        let large = measure(numbers: numbers)
        func row(_ figures: Figures) -> String {
            String(
                format: "| %d | %d | %d | %.2f s | %.1f ms |", figures.numbers, figures.keys, figures.frames, figures.totalSeconds,
                figures.worstFrameMilliseconds)
        }
        return """
            Step 7, a pasted list, one run (\(keysPerFrame) keys a frame, then the draft and the frame):

            | numbers | keys | frames | whole paste | worst frame |
            |---|---|---|---|---|
            \(row(small))
            \(row(large))

            \(numbers) numbers take \(String(format: "%.1f", large.totalSeconds / small.totalSeconds))× the time of 1,000 (\(numbers / 1_000)× the keys); the worst frame is \(String(format: "%.1f", large.worstFrameMilliseconds / small.worstFrameMilliseconds))× that of 1,000 and \(String(format: "%.2f", large.worstFrameMilliseconds / (1000.0 / 60))) of a 60 Hz frame.
            """
    }
}
