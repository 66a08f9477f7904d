import Foundation
import Onboarding
import TerminalUI
import WizardRuntime

/// The wizard's history view (H at step 9) of one number with a year of readings, over a table
/// of many numbers: building its lines once, then what each scrolling key costs (answered and
/// drawn), against a 60 Hz frame.
enum HistoryViewRendering {
    static func report(numbers: Int, readings: Int) -> String {
        var model = TableRendering.model(numbers: numbers)
        let number = model.state.monitoredNumbers[0]
        let start = Date(timeIntervalSince1970: 1_798_761_600)
        let kept = (0..<readings).map { day -> (reading: NumberReading, keptAt: Date) in
            let at = start.addingTimeInterval(Double(day) * 86400)
            let score = 40 + day % 50
            let reading = NumberReading(
                phoneNumber: number, spamRisk: day % 40 < 30 ? "low" : "high", category: day % 40 < 30 ? nil : "robocall",
                maturity: score, connection: score - 5, engagement: score + 3, sentiment: score - 2, lastRefreshedAt: at)
            return (reading, at)
        }
        let buildStart = ContinuousClock.now
        let lines = ReadingHistoryText.lines(NumberHistory(phoneNumber: number, readings: kept, liveCheck: Money(cents: 10)))
        let build = ContinuousClock.now - buildStart
        model.overlay = .ownershipHistory(number: number, lines: lines, top: 0)
        let terminal = InMemoryTerminal(width: 80, height: 24)
        terminal.show(WizardView.render(model, width: 80, height: 24))
        let keys: [Key] = Array(repeating: .down, count: 100) + Array(repeating: .pageDown, count: 20) + [.end, .home]
        var total = Duration.zero
        var worst = Duration.zero
        for key in keys {
            let keyStart = ContinuousClock.now
            _ = WizardController.handle(key, &model)
            terminal.show(WizardView.render(model, width: 80, height: 24))
            let spent = ContinuousClock.now - keyStart
            total += spent
            worst = max(worst, spent)
        }
        precondition(terminal.text.contains("History · \(number)"), "the history view must stay open")
        func milliseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        }
        let frame = 1000.0 / 60
        return String(
            format: """
                history view (H): one number with %d readings (%d lines) over a table of %d numbers, 80×24, one run

                | measure | value | vs a 60 Hz frame |
                |---|---|---|
                | building its lines (once, on H) | %.2f ms | %.2f |
                | mean per scrolling key (%d keys) | %.2f ms | %.2f |
                | worst key | %.2f ms | %.2f |
                """, readings, lines.count, numbers, milliseconds(build), milliseconds(build) / frame, keys.count,
            milliseconds(total / keys.count), milliseconds(total / keys.count) / frame, milliseconds(worst), milliseconds(worst) / frame)
    }
}
