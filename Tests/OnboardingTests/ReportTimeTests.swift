import Foundation
import Testing

@testable import Onboarding

/// Times as support staff read them: a past moment says how long ago, a deadline how long until.
@Suite struct ReportTimeTests {
    @Test func aDeadlineSaysHowLongUntilItAndAPastMomentHowLongAgo() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(ReportTime.said(now.addingTimeInterval(3 * 86_400), now: now) == "2027-01-18 08:00 UTC, in 3 days")
        #expect(ReportTime.said(now.addingTimeInterval(-(2 * 3_600 + 600)), now: now) == "2027-01-15 05:50 UTC, 2 h 10 min ago")
        #expect(ReportTime.said(now.addingTimeInterval(30), now: now) == "2027-01-15 08:00 UTC, just now")
    }
}
