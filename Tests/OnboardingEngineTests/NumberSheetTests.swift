import Foundation
import NumberFiles
import Onboarding
import OnboardingEngine
import SimulatorTestSupport
import Testing

/// `numbers --csv`: the monitored numbers as a spreadsheet, which reads back as a numbers list.
@Suite struct NumberSheetTests {
    @Test func theSheetHoldsEveryMonitoredNumberAndReadsBackAsAList() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-sheet")
                try await walkToManage(engine, simulator)
                let state = await engine.state
                await engine.close()
                let listed = try await simulator.client().allNumbers(enterpriseId: state.enterprise!.id)
                let rows = NumberSheet.rows(listed)
                let bytes = try NumberSheet.csv(rows)
                let text = String(decoding: bytes, as: UTF8.self)
                let lines = text.components(separatedBy: "\r\n")
                #expect(
                    lines[0]
                        == "\u{FEFF}phone_number,spam_risk,spam_category,maturity_score,connection_score,engagement_score,sentiment_score,last_refreshed_at,source,ownership_status,confirm_by"
                )
                // The simulator's seed gives these readings; a number without data has empty cells.
                #expect(
                    Array(lines.dropFirst()) == [
                        #""=""+13209373870""",,,,,,,,telnyx,verified,"#,
                        #""=""+13527223816""",medium,scam_likely,50,64,63,52,2027-01-01T00:05:01Z,telnyx,verified,"#,
                        #""=""+17167336520""",low,,87,,,63,2027-01-01T00:05:01Z,telnyx,verified,"#,
                        #""=""+17757190590""",low,,88,76,63,76,2027-01-01T00:05:01Z,telnyx,verified,"#,
                        #""=""+19049610048""",medium,scam_likely,66,47,54,44,2027-01-01T00:05:01Z,telnyx,verified,"#,
                        "",
                    ])

                #expect(lines.count == 1 + 5 + 1, "a heading, five numbers, and the last line's end")

                let readBack = try NumberFile.read(Data(bytes)).get()
                #expect(readBack.column == NumberColumn(index: 1, heading: "phone_number"))
                let read = readBack.lines.compactMap { line -> String? in
                    if case .number(let number) = line.verdict { number.e164 } else { nil }
                }
                #expect(read == state.monitoredNumbers.sorted())
                #expect(readBack.lines.count == 5, "nothing refused")
                #expect(readBack.otherNumberColumns.isEmpty)
            }
        }
    }
}

/// A reading's words (Telnyx's, or a hand-over file's) reach a sheet without escape sequences.
@Suite struct HistorySheetTests {
    @Test func escapeSequencesInAReadingAreStrippedFromTheSheet() {
        let at = Date(timeIntervalSince1970: 1_798_761_600)
        let reading = NumberReading(
            phoneNumber: "+13125550101", spamRisk: "\u{1B}[31mEVIL", category: "survey\u{1B}]0;title\u{07}", maturity: 50, connection: 40,
            engagement: 30, sentiment: 20, lastRefreshedAt: at)
        let history = NumberHistory(phoneNumber: "+13125550101", readings: [(reading, at)], liveCheck: Money(cents: 10))
        #expect(
            history.csvRows == [
                [
                    .phoneNumber("+13125550101"), .text("2027-01-01T00:00:00Z"), .text("EVIL"), .text("survey"), .integer(50),
                    .integer(40), .integer(30), .integer(20), .text("0.10"), .text(""), .text(""),
                ]
            ])
    }
}
