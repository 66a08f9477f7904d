import Foundation
import Onboarding
import Testing

/// What `watch` reports from two looks at the numbers: each kind of change, its severity, and
/// what it does not report (small wobbles, the same reading twice).
@Suite struct WatchComparisonTests {
    static func reading(
        _ number: String, _ risk: String?, _ category: String? = nil, scores: [Int?] = [70, 70, 70, 70]
    ) -> NumberReading {
        NumberReading(
            phoneNumber: number, spamRisk: risk, category: category, maturity: scores[0], connection: scores[1],
            engagement: scores[2], sentiment: scores[3], lastRefreshedAt: risk == nil ? nil : Date(timeIntervalSince1970: 0))
    }

    static let noData = NumberReading(phoneNumber: "+13125550105")

    @Test func everyKindIsReportedWithItsSeverity() {
        let previous = [
            "+13125550101": Self.reading("+13125550101", "medium", "survey"),
            "+13125550102": Self.reading("+13125550102", "high", "robocall"),
            "+13125550103": Self.reading("+13125550103", "low", scores: [80, 80, 80, 80]),
            "+13125550104": Self.reading("+13125550104", "low"),
            "+13125550105": Self.noData,
            "+13125550106": Self.noData,
            "+13125550107": Self.reading("+13125550107", "low"),
            "+13125550108": Self.reading("+13125550108", "low"),
            "+13125550109": Self.reading("+13125550109", "low"),
        ]
        let current = [
            WatchedNumber(reading: Self.reading("+13125550101", "high", "robocall")),
            WatchedNumber(reading: Self.reading("+13125550102", "medium", nil)),
            WatchedNumber(reading: Self.reading("+13125550103", "low", scores: [66, 65, 80, nil])),
            WatchedNumber(reading: Self.reading("+13125550104", "low"), ownershipStatus: "flagged", flagReason: "reverification_due"),
            WatchedNumber(reading: Self.noData),
            WatchedNumber(reading: Self.reading("+13125550106", "medium", "telemarketing")),
            WatchedNumber(
                reading: Self.reading("+13125550107", "low"), ownershipStatus: "pending_confirmation",
                confirmBy: Date(timeIntervalSince1970: 86400), flagReason: "carrier_changed"),
            WatchedNumber(reading: Self.reading("+13125550110", "high", "scam_likely")),
        ]
        let changes = WatchComparison.changes(
            previous: previous, current: current, removalReasons: ["+13125550108": "ported_away"],
            dateText: { "day \(Int($0.timeIntervalSince1970) / 86400)" })
        #expect(
            changes == [
                ReadingChange(
                    phoneNumber: "+13125550101", kind: .riskWorse, from: "medium", to: "high", detail: "robocall", severity: .attention),
                ReadingChange(phoneNumber: "+13125550101", kind: .categoryChanged, from: "survey", to: "robocall", severity: .change),
                ReadingChange(phoneNumber: "+13125550102", kind: .riskBetter, from: "high", to: "medium", severity: .change),
                ReadingChange(phoneNumber: "+13125550102", kind: .categoryCleared, from: "robocall", severity: .change),
                ReadingChange(
                    phoneNumber: "+13125550103", kind: .scoreDropped, from: "80", to: "65", detail: "connection_score", severity: .change),
                ReadingChange(phoneNumber: "+13125550104", kind: .ownershipFlagged, detail: "reverification_due", severity: .change),
                ReadingChange(phoneNumber: "+13125550105", kind: .stillWithoutData, severity: .info),
                ReadingChange(phoneNumber: "+13125550106", kind: .dataArrived, to: "medium", detail: "telemarketing", severity: .change),
                ReadingChange(
                    phoneNumber: "+13125550107", kind: .ownershipDeadline, to: "day 1", detail: "carrier_changed", severity: .attention),
                ReadingChange(phoneNumber: "+13125550108", kind: .removed, detail: "ported_away", severity: .attention),
                ReadingChange(phoneNumber: "+13125550109", kind: .removed, severity: .change),
                ReadingChange(phoneNumber: "+13125550110", kind: .dataArrived, to: "high", detail: "scam_likely", severity: .attention),
            ])
        #expect(
            changes.map(\.said)[0...4] == [
                "risk medium → high (robocall)", "category survey → robocall", "risk high → medium", "category robocall cleared",
                "connection score 80 → 65 (−15)",
            ])
    }

    @Test func aDeadlineAlreadyPastIsSaidPassed() {
        let asked = WatchedNumber(
            reading: Self.reading("+13125550107", "low"), ownershipStatus: "pending_confirmation",
            confirmBy: Date(timeIntervalSince1970: 86400), flagReason: "carrier_changed")
        let day = { (date: Date) in "day \(Int(date.timeIntervalSince1970) / 86400)" }
        let before = WatchComparison.changes(previous: [:], current: [asked], dateText: day, now: Date(timeIntervalSince1970: 86399))
        let after = WatchComparison.changes(previous: [:], current: [asked], dateText: day, now: Date(timeIntervalSince1970: 86400))
        #expect(
            before.filter { $0.kind == .ownershipDeadline }.map(\.said) == ["Telnyx asks to confirm ownership by day 1 (carrier changed)"])
        #expect(
            after.filter { $0.kind == .ownershipDeadline }.map(\.said) == [
                "the deadline to confirm ownership passed at day 1 (carrier changed); Telnyx acts on it at its next check"
            ])
    }

    @Test func theSameReadingAWobbleAndAKnownFlagAreNotChanges() {
        let previous = ["+13125550101": Self.reading("+13125550101", "low", scores: [70, 70, 70, 70])]
        let current = [
            WatchedNumber(reading: Self.reading("+13125550101", "low", scores: [56, 84, 70, nil]), ownershipStatus: "flagged")
        ]
        let changes = WatchComparison.changes(
            previous: previous, current: current, previousOwnership: ["+13125550101": "flagged"], dateText: { _ in "" })
        #expect(changes == [ReadingChange(phoneNumber: "+13125550101", kind: .ownershipFlagged, severity: .info)])
        let stricter = WatchComparison.changes(previous: previous, current: current, scoreDrop: 14, dateText: { _ in "" })
        #expect(
            stricter == [
                ReadingChange(
                    phoneNumber: "+13125550101", kind: .scoreDropped, from: "70", to: "56", detail: "maturity_score", severity: .change),
                ReadingChange(phoneNumber: "+13125550101", kind: .ownershipFlagged, severity: .change),
            ])
    }

    @Test func aRiskTelnyxMayAddLaterNeedsALook() {
        let changes = WatchComparison.changes(
            previous: ["+13125550101": Self.reading("+13125550101", "high")],
            current: [WatchedNumber(reading: Self.reading("+13125550101", "severe"))], dateText: { _ in "" })
        #expect(changes == [ReadingChange(phoneNumber: "+13125550101", kind: .riskWorse, from: "high", to: "severe", severity: .attention)])
    }
}

@Suite struct SparklineTests {
    @Test func scoresAreEighthsOfTheirOwnScaleAndGapsAreSpaces() {
        #expect(Sparkline.line([0, 12, 13, 25, 50, 63, 88, 100, nil, -5, 140], width: 20) == "▁▁▂▂▄▅▇█ ▁█")
        #expect(Sparkline.line([0, 50, 100], width: 2) == "▄█", "the latest readings when there are more than fit")
    }
}

@Suite struct NumberHistoryTests {
    @Test func firstDataIsAChangeAndUncountedChecksAreSaid() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let none = NumberReading(phoneNumber: "+13125550101")
        let medium = NumberReading(phoneNumber: "+13125550101", spamRisk: "medium", category: "survey", lastRefreshedAt: t0 + 86400)
        let history = NumberHistory(
            phoneNumber: "+13125550101", readings: [(none, t0), (medium, t0 + 90000)], liveCheck: Money(cents: 10))
        #expect(history.entries.map(\.riskChange) == [nil, "no data → medium"])
        #expect(history.entries.map(\.at) == [t0, t0 + 86400], "Telnyx's time when it gave one, else when kept")
        #expect(history.totalCost == Money(cents: 20))
        #expect(
            history.uncountedChecksNote
                == "checks that found no data are billed too and leave no reading here, so Telnyx may have billed more")
        #expect(
            NumberHistory(phoneNumber: "+13125550101", readings: [(medium, t0)], liveCheck: Money(cents: 10)).uncountedChecksNote == nil)
    }
}
