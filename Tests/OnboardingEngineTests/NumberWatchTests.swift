import Foundation
import NumberFiles
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import Testing

/// `watch` on the simulated clock: Telnyx's scheduled checks change readings between two looks,
/// and each look says what changed since the one before, for free, beside an open wizard.
@Suite struct NumberWatchTests {
    static func path(_ number: String, _ action: String) -> String {
        "/_simulator/numbers/\(number.replacingOccurrences(of: "+", with: "%2B"))/\(action)"
    }

    @Test func eachWatchSaysWhatChangedSinceTheLastAndBillsNothing() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                // The wizard stays open on the onboarding (holding its lock) while watch reads.
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-watch")
                try await walkToManage(engine, simulator)  // weekly checks; Friday 2027-01-01 00:05 UTC
                let numbers = await engine.state.monitoredNumbers
                let withoutData = await engine.state.numbersWithoutData
                let billedBefore = try await simulator.ledger().count
                let clock = Mutex(Date(timeIntervalSince1970: 1_798_761_900))
                let watch = NumberWatch(store: store, client: try simulator.client(), now: { clock.withLock { $0 } })

                let first = try await watch.watch("onb-watch")
                #expect(first.previousAt == nil)
                #expect(first.numbersListed == 5)
                #expect(first.readingsKept == 0, "the list shows the readings the wizard kept already")
                #expect(
                    first.changes
                        == withoutData.sorted().map { ReadingChange(phoneNumber: $0, kind: .stillWithoutData, severity: .info) })
                #expect(first.severity == (withoutData.isEmpty ? nil : .info))

                // Monday's scheduled check finds numbers[0] high risk; Telnyx asks about numbers[1]
                // and numbers[3] is ported away.
                #expect(
                    try await simulator.raw(.POST, Self.path(numbers[0], "reputation"), json: #"{"spam_risk": "high"}"#, key: nil).status
                        == 204)
                try await simulator.advanceClock(seconds: 3 * 86400 + 6 * 3600)
                #expect(
                    try await simulator.raw(.POST, Self.path(numbers[1], "flag"), json: #"{"reason": "carrier_changed"}"#, key: nil).status
                        == 204)
                #expect(try await simulator.raw(.POST, Self.path(numbers[3], "port-away"), key: nil).status == 204)
                clock.withLock { $0 += 86400 }
                let second = try await watch.watch("onb-watch")
                #expect(second.previousAt == Date(timeIntervalSince1970: 1_798_761_900))
                #expect(second.numbersListed == 4)
                let deadline = ReadingChange(
                    phoneNumber: numbers[1], kind: .ownershipDeadline, to: "2027-01-07 06:05 UTC", detail: "carrier_changed",
                    severity: .attention)
                let worse = numbers[0]
                #expect(
                    second.changes == [
                        ReadingChange(phoneNumber: numbers[3], kind: .removed, detail: "ported_away", severity: .attention),
                        ReadingChange(
                            phoneNumber: worse, kind: .riskWorse, from: "low", to: "high", detail: "survey", severity: .attention),
                        ReadingChange(phoneNumber: worse, kind: .categoryAppeared, to: "survey", severity: .change),
                        ReadingChange(
                            phoneNumber: worse, kind: .scoreDropped, from: "76", to: "22", detail: "connection_score", severity: .change),
                        ReadingChange(
                            phoneNumber: worse, kind: .scoreDropped, from: "63", to: "11", detail: "engagement_score", severity: .change),
                        ReadingChange(
                            phoneNumber: worse, kind: .scoreDropped, from: "76", to: "19", detail: "sentiment_score", severity: .change),
                        deadline,
                    ], "by number (\(numbers[3]) < \(worse) < \(numbers[1])), then kind")
                #expect(second.readingsKept == 4, "Monday's check refreshed the four numbers with data")
                #expect(second.severity == .attention)
                #expect(
                    second.text(now: Date(timeIntervalSince1970: 1_798_761_900 + 86400 + 600)) == """
                        Acme Plumbing LLC (onb-watch): 4 numbers monitored, since the last watch (2027-01-01 00:05 UTC, 1 day ago)
                          ! \(numbers[3])  no longer monitored (ported away)
                          ! \(worse)  risk low → high (survey)
                          ! \(numbers[1])  Telnyx asks to confirm ownership by 2027-01-07 06:05 UTC (carrier changed)
                            \(worse)  category appeared: survey
                            \(worse)  connection score 76 → 22 (−54)
                            \(worse)  engagement score 63 → 11 (−52)
                            \(worse)  sentiment score 76 → 19 (−57)
                          3 need attention now, 4 other changes; answer Telnyx with `reputation-wizard confirm-ownership --id onb-watch NUMBER…` (or `C` at step 9).

                        """)

                // Nothing new after: the deadline stands until answered; the removal is said once.
                clock.withLock { $0 += 3600 }
                let third = try await watch.watch("onb-watch")
                #expect(third.changes == [deadline])
                #expect(
                    third.text(now: Date(timeIntervalSince1970: 1_798_761_900 + 86400 + 3600)) == """
                        Acme Plumbing LLC (onb-watch): 4 numbers monitored, since the last watch (2027-01-02 00:05 UTC, 1 h ago)
                          ! \(numbers[1])  Telnyx asks to confirm ownership by 2027-01-07 06:05 UTC (carrier changed)
                          1 needs attention now; answer Telnyx with `reputation-wizard confirm-ownership --id onb-watch NUMBER…` (or `C` at step 9).

                        """)
                #expect(third.readingsKept == 0)
                let fourth = try await watch.watch("onb-watch")
                #expect(fourth.changes == [deadline], "the removal stays said once, at every later watch too")
                let csv = String(decoding: try SpreadsheetCSV.bytes(header: WatchReport.csvHeader, rows: third.csvRows), as: UTF8.self)
                #expect(
                    csv == "\u{FEFF}observed_at,onboarding_id,enterprise_id,phone_number,kind,severity,from,to,detail,said\r\n"
                        + "2027-01-02T01:05:00Z,onb-watch,\(third.enterpriseId!),\"=\"\"\(numbers[1])\"\"\",ownership_deadline,attention,,"
                        + "2027-01-07 06:05 UTC,carrier_changed,Telnyx asks to confirm ownership by 2027-01-07 06:05 UTC (carrier changed)\r\n"
                )
                #expect(try store.history("onb-watch", phoneNumber: worse).count == 2, "the first read and Monday's check")
                let history = try NumberHistory.kept(store: store, onboardingId: "onb-watch", phoneNumber: worse)
                #expect(
                    history.text(owner: "Acme Plumbing LLC (onb-watch)") == """
                        \(worse) · Acme Plumbing LLC (onb-watch) · 2 readings, 2027-01-01 00:05 UTC to 2027-01-04 06:00 UTC · $0.20 (one live check each)
                        When                  Risk     Category               Mat  Con  Eng  Sen  Cost
                        2027-01-01 00:05 UTC  low      —                       88   76   63   76  $0.10
                        2027-01-04 06:00 UTC  high*    survey*                  —   22   11   19  $0.10
                        * 2027-01-04 06:00 UTC: risk low → high, category — → survey
                        maturity    ▇\u{20}
                        connection  ▇▂
                        engagement  ▅▁
                        sentiment   ▇▂

                        """)
                #expect(history.lines.map(\.riskChange) == [nil, "low → high"])
                #expect(history.totalCost == Money(cents: 20))
                #expect(
                    try await simulator.ledger().filter { $0["scheduled"] as? Bool != true }.count == billedBefore, "watch bills nothing")
                await engine.close()
            }
        }
    }
}

/// `status` without `--check` says what the last watch saw that the state does not know yet.
@Suite struct StatusAfterWatchTests {
    @Test func whatTheLastWatchSawIsSaidUntilACheckReadsIt() async throws {
        try await withStore { store in
            let t0 = Date(timeIntervalSince1970: 1_798_761_900)
            try store.create(OnboardingState(id: "onb-seen"), at: t0)
            #expect(try store.report("onb-seen", now: t0).lastWatch == nil)
            try store.recordWatch(
                "onb-seen", at: t0,
                ownership: ["+13125550102": "pending_confirmation", "+13125550101": "flagged", "+13125550109": "removed"])
            let report = try store.report("onb-seen", now: t0 + 120)
            #expect(
                report.lastWatch
                    == OnboardingReport.WatchSighting(
                        at: t0, ownership: ["+13125550101": "flagged", "+13125550102": "pending_confirmation"], removed: ["+13125550109"]))
            #expect(
                report.text.split(separator: "\n").filter { $0.hasPrefix("Last watch") }
                    == [
                        "Last watch (\(ReportTime.stamp(t0)), 2 min ago): Telnyx asks about 2 numbers' ownership (+13125550101, +13125550102); 1 number is no longer monitored (+13125550109). `reputation-wizard status --check` reads Telnyx's details."
                    ])
            // `list` reads the same report: where it stands, why, and what to do next.
            let listed = try store.report(try store.summary("onb-seen"), now: t0 + 120)
            #expect(listed.stalled == "the last watch saw that Telnyx asks about 2 numbers' ownership and 1 number is no longer monitored")
            #expect(listed.next.hasPrefix("Read what Telnyx says about them: `reputation-wizard status --check` (free). "))
            #expect(listed.lastWatch == report.lastWatch)
        }
    }
}
