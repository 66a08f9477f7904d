import Foundation
import Onboarding
import TerminalUI

/// The number table of step 9 with many numbers: what one key costs (the controller's answer,
/// the frame drawn, the rows that changed found), scrolling, paging, sorting and filtering.
struct TableRendering {
    struct Figures {
        let numbers: Int
        let keys: Int
        let meanMilliseconds: Double
        let worstMilliseconds: Double
        let idleFrameMilliseconds: Double
    }

    /// The keys a person uses on a long table: scroll, page, jump, each sort, a filter, clear it.
    static let script: [Key] =
        Array(repeating: .down, count: 100) + Array(repeating: .pageDown, count: 20) + [.end, .home]
        + Array(repeating: .character("s"), count: 7) + [.character("S")]
        + [.character("/")] + Key.typing("555") + [.enter, .character("/"), .backspace, .backspace, .backspace, .enter]

    static func model(numbers: Int) -> WizardModel {
        var state = OnboardingState(id: "onb-bench")
        state.step = .manage
        state.terms = .agreed(version: "v1")
        state.enterprise = .init(id: "ent-bench", legalName: "Bench Table LLC")
        state.reputationEnabled = true
        state.monitoredNumbers = (0..<numbers).map { String(format: "+1312%07d", ($0 * 7_919) % 10_000_000) }
        state.queriedNumbers = Set(state.monitoredNumbers)
        var model = WizardModel(state: state)
        let risks = ["low", "low", "low", "medium", "high", nil]
        let now = Date()
        for (index, number) in state.monitoredNumbers.enumerated() {
            model.readings[number] = NumberReading(
                phoneNumber: number, spamRisk: risks[index % risks.count], category: index % 3 == 0 ? "robocall" : nil,
                maturity: index % 101, connection: (index * 3) % 101, engagement: (index * 7) % 101,
                sentiment: index % 5 == 0 ? nil : (index * 11) % 101,
                lastRefreshedAt: now.addingTimeInterval(-Double(index % 86_400)))
        }
        return model
    }

    static func measure(numbers: Int, width: Int = 80, height: Int = 24) -> Figures {
        var model = model(numbers: numbers)
        let terminal = InMemoryTerminal(width: width, height: height)
        terminal.show(WizardView.render(model, width: width, height: height))
        var total = Duration.zero
        var worst = Duration.zero
        for key in script {
            let start = ContinuousClock.now
            _ = WizardController.handle(key, &model)
            terminal.show(WizardView.render(model, width: width, height: height))
            let spent = ContinuousClock.now - start
            total += spent
            worst = max(worst, spent)
        }
        precondition(terminal.text.contains("by number"), "the script must end on the unfiltered table")
        // The wizard draws again every 80 ms while it waits for a key.
        let idleStart = ContinuousClock.now
        let idleFrames = 50
        for _ in 0..<idleFrames { terminal.show(WizardView.render(model, width: width, height: height)) }
        let idle = (ContinuousClock.now - idleStart) / idleFrames
        func milliseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        }
        return Figures(
            numbers: numbers, keys: script.count, meanMilliseconds: milliseconds(total / script.count),
            worstMilliseconds: milliseconds(worst), idleFrameMilliseconds: milliseconds(idle))
    }

    /// The report: the same keys on a small and a large table, as ratios of one run.
    static func report(numbers: Int) -> String {
        let small = measure(numbers: 100)
        let large = measure(numbers: numbers)
        // A frame at 60 Hz; a key answered within it feels immediate.
        let frameBudget = 1000.0 / 60
        func row(_ figures: Figures) -> String {
            String(
                format: "| %d | %d | %.2f ms | %.2f ms | %.2f ms | %.2f of a 60 Hz frame |", figures.numbers, figures.keys,
                figures.meanMilliseconds, figures.worstMilliseconds, figures.idleFrameMilliseconds, figures.worstMilliseconds / frameBudget)
        }
        return """
            table: step 9 at 80×24, the same \(large.keys) keys (scroll, page, end/home, every sort, a filter typed and cleared), one run

            | numbers | keys | mean per key | worst key | idle frame | worst key vs frame |
            |---|---|---|---|---|---|
            \(row(small))
            \(row(large))

            \(numbers) vs 100 numbers: mean per key \(String(format: "%.1f", large.meanMilliseconds / max(small.meanMilliseconds, 0.0001)))×, worst key \(String(format: "%.1f", large.worstMilliseconds / max(small.worstMilliseconds, 0.0001)))×, idle frame \(String(format: "%.1f", large.idleFrameMilliseconds / max(small.idleFrameMilliseconds, 0.0001)))×.
            """
    }
}
