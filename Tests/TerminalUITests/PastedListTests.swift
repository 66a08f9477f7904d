import Foundation
import Onboarding
import Testing

@testable import TerminalUI

/// A pasted list at step 7 is read a line at a time and kept once a frame, so 20,000 lines
/// cost what their keys cost (the figures are `reputation-bench`'s).
@Suite struct PastedListTests {
    @Test func readingsKeptBetweenFramesParseAsAFreshReading() {
        let lines = ["(312) 555-0101", "312.555.0101", "# comment", "", "phone,name", "555-0102", "+1 312 555 0103, Acme", "call me"]
        let memo = NumberLineMemo()
        #expect(memo.parse(lines) == NumberListParser.parse(lines.joined(separator: "\n")))
        // Again, from the kept readings: the same lines, duplicates found anew.
        #expect(memo.parse(lines + ["3125550103"]) == NumberListParser.parse((lines + ["3125550103"]).joined(separator: "\n")))
    }

    /// Each key says whether what is typed changed; the draft itself is built once a frame.
    @Test func aKeyAsksForTheTypedDraftOnlyWhenSomethingTypedChanged() {
        var model = WizardModel(state: OnboardingState(id: "onb-1"))
        model.state.step = .associate
        model.numberLines = (0..<20_000).map { String(format: "312555%04d", $0 % 10_000) }
        #expect(WizardController.handle(.character("3"), &model) == [.saveTypedDraft])
        #expect(WizardController.handle(.enter, &model) == [.saveTypedDraft])
        #expect(WizardController.handle(.left, &model) == [], "moving the cursor changes nothing typed")
        #expect(WizardController.handle(.backspace, &model) == [.saveTypedDraft], "back onto the last line")
        #expect(model.numberLines.count == 20_000)
        #expect(model.typedDraft["numbers"]?.hasSuffix("\n3") == true)
    }
}
