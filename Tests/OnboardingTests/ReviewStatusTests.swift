import Foundation
import Testing

@testable import Onboarding

@Suite struct ReviewStatusTests {
    /// Saved onboardings hold the statuses as Telnyx's strings: they read back as the same
    /// cases, and a value Telnyx adds later is kept as it came and waited on like pending.
    @Test func statusesAreTelnyxsStringsAndAnUnknownOneIsKept() throws {
        let saved = #"{"status":"rejected","loaStatus":"in_review","rejectionReasons":["x"]}"#
        let report = try JSONDecoder().decode(GateReport.self, from: Data(saved.utf8))
        #expect(report == GateReport(status: .rejected, loaStatus: .other("in_review"), rejectionReasons: ["x"]))
        #expect(report.vettingRejected && !report.loaRejected && !report.bothApproved)
        let written = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(written.contains(#""loaStatus":"in_review""#) && written.contains(#""status":"rejected""#))
    }
}
