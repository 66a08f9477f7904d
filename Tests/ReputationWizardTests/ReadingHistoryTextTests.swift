import Foundation
import Onboarding
import Testing

@testable import WizardRuntime

/// The wizard's history box (H at step 9) draws a number's readings in about 60 columns.
@Suite struct ReadingHistoryTextTests {
    @Test func scoresOverTimeChangesAndEachReadingWithItsCost() {
        let t0 = Date(timeIntervalSince1970: 1_798_761_900)  // 2027-01-01 00:05 UTC
        let day: TimeInterval = 86400
        func reading(_ risk: String?, _ category: String?, _ scores: [Int?], _ at: Date?) -> NumberReading {
            NumberReading(
                phoneNumber: "+13125550101", spamRisk: risk, category: category, maturity: scores[0], connection: scores[1],
                engagement: scores[2], sentiment: scores[3], lastRefreshedAt: at)
        }
        let history = NumberHistory(
            phoneNumber: "+13125550101",
            readings: [
                (reading("low", nil, [88, 76, 63, 76], t0), t0),
                (reading("low", nil, [86, 74, 60, 77], t0 + 3 * day), t0 + 3 * day),
                (reading("high", "survey", [nil, 22, 11, 19], t0 + 10 * day), t0 + 10 * day),
            ], liveCheck: Money(cents: 10))
        #expect(
            ReadingHistoryText.lines(history) == [
                "Readings: 3 kept, 2027-01-01 00:05 UTC to 2027-01-11 00:05 UTC, $0.30 (one live check each)",
                "  maturity    ▇▇                            88 → —",
                "  connection  ▇▆▂                           76 → 22",
                "  engagement  ▅▅▁                           63 → 11",
                "  sentiment   ▇▇▂                           76 → 19",
                "Changes:",
                "  2027-01-11 00:05 UTC  risk low → high, category — → survey",
                "Each reading, newest first:           Mat Con Eng Sen  Cost",
                "  2027-01-11 00:05  high    survey     —  22  11  19  $0.10",
                "  2027-01-04 00:05  low     —         86  74  60  77  $0.10",
                "  2027-01-01 00:05  low     —         88  76  63  76  $0.10",
            ])
        #expect(
            ReadingHistoryText.lines(NumberHistory(phoneNumber: "+13125550101", readings: [], liveCheck: Money(cents: 10)))
                == ["Readings: none kept yet (the first read, or `watch` after Telnyx's first check, keeps one)."])
    }
}
