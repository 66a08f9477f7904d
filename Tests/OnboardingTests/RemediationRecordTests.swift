import Foundation
import Testing

@testable import Onboarding

/// A remediation request said in a few words, and its estimate.
@Suite struct RemediationRecordTests {
    @Test func aRequestIsSaidByStatusThenByOutcome() {
        var record = RemediationRecord(
            id: "rem-1", numbers: ["+13125550100", "+13125550101", "+13125550102"], status: "in_progress", submitted: 3, ineligible: 0,
            callPurpose: "Reminders")
        #expect(record.summary == "in progress (3 numbers)")
        #expect(!record.isFinished)
        record.status = "completed"
        record.results = ["+13125550100": "remediated", "+13125550101": "not_flagged", "+13125550102": "remediated"]
        #expect(record.summary == "completed (3 numbers): 2 remediated, 1 not flagged")
        #expect(record.isFinished)
    }

    @Test func theEstimateCountsRequestsOf2000() {
        let numbers = (0..<2001).map { String(format: "+1312555%04d", $0) }
        let estimate = BillableAction.remediate(numbers: numbers, callPurpose: "Reminders", contactEmail: nil).estimate(.listPrices)
        #expect(estimate.amount == Money(cents: 200_100))
        #expect(
            estimate.basis == "2001 numbers × $1.00, in 2 requests of up to 2,000; a number Telnyx finds ineligible now is not billed")
    }

    @Test func whatIsWrongWithTheRequestIsSaidBeforeAnythingIsSent() {
        var state = NumbersWithoutDataTests.manage(["+13125550100"])
        #expect(
            transition(state, .remediate(numbers: ["+13125550100"], callPurpose: "  ", contactEmail: nil)).refusal
                == "call_purpose: Say what the calls from these numbers are for (1 to 2,000 characters). The carriers' reviewers read it.")
        #expect(
            transition(state, .remediate(numbers: ["+13125550100"], callPurpose: String(repeating: "a", count: 2001), contactEmail: nil))
                .refusal
                == "call_purpose: Say what the calls from these numbers are for (1 to 2,000 characters; this is 2,001). The carriers' reviewers read it."
        )
        // What the confirmation shows is what the reviewers read: no escape sequences, no line breaks.
        #expect(
            transition(state, .remediate(numbers: ["+13125550100"], callPurpose: "Calls \u{1B}[31mRED\u{1B}[0m end", contactEmail: nil))
                .refusal
                == "call_purpose: Write the call purpose as plain text on one line: it holds a line break or control characters (an escape sequence, say). The carriers' reviewers read it."
        )
        #expect(
            transition(state, .remediate(numbers: ["+13125550100"], callPurpose: "line one\nline two", contactEmail: nil)).refusal
                == "call_purpose: Write the call purpose as plain text on one line: it holds a line break or control characters (an escape sequence, say). The carriers' reviewers read it."
        )
        #expect(
            transition(state, .remediate(numbers: ["+13125550100"], callPurpose: "Reminders", contactEmail: "ops at acme")).refusal
                == "contact_email: ops at acme is not an email address (name@example.com).")
        #expect(
            transition(state, .remediate(numbers: ["+13125550199"], callPurpose: "Reminders", contactEmail: nil)).refusal
                == "Only monitored numbers can be sent to remediation: +13125550199 is not.")
        state.gates = GateReport(status: "approved", loaStatus: "pending")
        #expect(
            transition(state, .remediate(numbers: ["+13125550100"], callPurpose: "Reminders", contactEmail: nil)).refusal
                == "Remediation is for monitored numbers, once Telnyx approves the enterprise and the LOA.")
    }
}
