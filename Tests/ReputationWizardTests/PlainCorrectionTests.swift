import Foundation
import Onboarding
import TerminalUI
import Testing

@testable import WizardRuntime

/// Steps 3 to 5 of a resubmission: plain mode offers `correct` where the full screen has F4, and
/// says so on the page and in help; outside a resubmission the word is only an answer.
@Suite struct PlainCorrectionTests {
    static func model(_ step: Step, round: OnboardingState.LOARound) -> WizardModel {
        var state = OnboardingState(id: "onb-plain-correct")
        state.step = step
        state.terms = .agreed(version: "v1")
        state.enterprise = .init(id: "ent-1", legalName: "Acme Widgets Inc")
        state.loaRound = round
        return WizardModel(state: state)
    }

    @Test(arguments: [Step.loaRender, .signAndUpload, .enable])
    func correctOpensTheEnterpriseAgainDuringAResubmission(step: Step) {
        var wizard = Self.model(step, round: .resubmission)
        var printer = PlainPrinter()
        let console = ScriptedConsole([])
        let question = PlainQuestion.current(wizard)
        #expect(question.answer("correct", &wizard, printer: &printer, console: console) == [.key(.function(4))])
        #expect(WizardController.handle(.function(4), &wizard) == [.loadEnterpriseRecord])
        #expect(question.help(wizard).contains("`correct` opens the corrected enterprise again, to change it before its new LOA."))
    }

    @Test func theResubmissionsPageSaysSo() {
        let page = PlainText.page(Self.model(.loaRender, round: .resubmission))
        #expect(
            page == [
                "Step 3 of 9 · Letter of authorization", "",
                "The corrected enterprise is submitted again with a newly signed LOA (`correct` changes it first).",
            ])
    }

    @Test func outsideAResubmissionCorrectIsTheSignersName() {
        var wizard = Self.model(.loaRender, round: .first)
        var printer = PlainPrinter()
        let answered = PlainQuestion.current(wizard).answer("correct", &wizard, printer: &printer, console: ScriptedConsole([]))
        #expect(answered == [.key(.down)])
        #expect(wizard.loaForm.signerName.text == "correct")
    }
}
