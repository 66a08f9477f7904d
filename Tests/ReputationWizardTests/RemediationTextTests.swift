import Foundation
import Onboarding
import Testing

@testable import WizardRuntime

/// A number's remediation in the box H opens: each request it was in, newest first, with its
/// outcome once known, else the request's status.
@Suite struct RemediationTextTests {
    @Test func eachRequestOfTheNumberIsSaidNewestFirst() {
        let number = "+13125550101"
        let requests = [
            RemediationRecord(
                id: "rem-1", numbers: [number], status: "completed", submitted: 1, ineligible: 0, callPurpose: "Reminders",
                createdAt: Date(timeIntervalSince1970: 1_764_000_000), results: [number: "not_flagged"]),
            RemediationRecord(id: "rem-2", numbers: ["+13125550100"], status: "pending", submitted: 1, ineligible: 0, callPurpose: "x"),
            RemediationRecord(
                id: "rem-3", numbers: [number], status: "in_progress", submitted: 1, ineligible: 0, callPurpose: "Reminders",
                createdAt: Date(timeIntervalSince1970: 1_766_000_000)),
        ]
        #expect(
            RemediationText.lines(for: number, in: requests) == [
                "", "Remediation, newest first:", "  2025-12-17 19:33 UTC  in progress (request rem-3)",
                "  2025-11-24 16:00 UTC  not flagged (request rem-1)",
            ])
        #expect(RemediationText.lines(for: "+13125550199", in: requests) == [])
    }
}
