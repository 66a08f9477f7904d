import Foundation
import Onboarding
import Testing

/// A desk's case: the follow-up day and the texts are checked before anything is kept, and the
/// label says when a follow-up is due.
@Suite struct DeskCaseTests {
    @Test(arguments: [
        ("2026-12-08", nil),
        ("1999-01-01", nil),
        ("2028-02-29", nil),
        ("2026-02-30", "2026-02-30 is not a day of the calendar (month 2 has 28 days)"),
        ("2026-13-01", "“2026-13-01” is not a day; give it as YYYY-MM-DD, such as 2026-12-08"),
        ("8/12/2026", "“8/12/2026” is not a day; give it as YYYY-MM-DD, such as 2026-12-08"),
        ("２０２６-12-08", "“２０２６-12-08” is not a day; give it as YYYY-MM-DD, such as 2026-12-08"),
    ])
    func aFollowUpDayIsACalendarDay(_ text: String, _ problem: String?) {
        #expect(DeskCase.dayProblem(text) == problem)
    }

    @Test(arguments: [
        ("Call before noon", nil),
        ("two\nlines", "the note holds a line break or a control character; keep it to one line of plain text"),
        ("two\u{2028}lines", "the note holds a line break or a control character; keep it to one line of plain text"),
        ("red \u{1B}[31m", "the note holds a line break or a control character; keep it to one line of plain text"),
        ("   ", "the note is empty; give some text, or --clear"),
    ])
    func aNoteIsOneLineOfPlainText(_ text: String, _ problem: String?) {
        #expect(DeskCase.textProblem(text, field: "note", limit: DeskCase.noteLimit) == problem)
    }

    @Test func theLabelSaysWhenTheFollowUpIsDue() {
        let handled = DeskCase(assignee: "ana", followUpOn: "2026-12-04")
        #expect(handled.label(today: "2026-12-03") == "handled by ana · follow up 2026-12-04")
        #expect(handled.label(today: "2026-12-04") == "handled by ana · follow up 2026-12-04 (today)")
        #expect(handled.label(today: "2026-12-05") == "handled by ana · follow up 2026-12-04 (overdue)")
        #expect(DeskCase(handOffNote: "only a note").label == "")
        #expect(DeskCase.today(Date(timeIntervalSince1970: 1_800_000_000), timeZone: TimeZone(identifier: "UTC")!) == "2027-01-15")
    }
}
