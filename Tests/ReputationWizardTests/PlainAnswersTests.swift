import Foundation
import Onboarding
import TerminalUI
import Testing

@testable import WizardRuntime

/// Plain mode's answers off the happy path, as a newcomer gave them: a wrong answer asks again
/// instead of being taken for another; `back`; a choice's start that fits several; a value
/// refused is not offered back; a planned count that is not a number.
@Suite struct PlainAnswersTests {
    static func model(_ step: Step) -> WizardModel {
        var state = OnboardingState(id: "onb-plain-answers")
        state.step = step
        state.terms = .agreed(version: "v1")
        if step > .enterprise { state.enterprise = .init(id: "ent-1", legalName: "Acme Widgets Inc") }
        return WizardModel(state: state)
    }

    func answer(_ text: String, _ wizard: inout WizardModel) -> (messages: [WizardMessage], said: String) {
        var printer = PlainPrinter()
        let console = ScriptedConsole([])
        let messages = PlainQuestion.current(wizard).answer(text, &wizard, printer: &printer, console: console)
        return (messages, console.transcript)
    }

    @Test func aWrongAnswerToSendingTheEnterpriseAsksAgain() {
        var wizard = Self.model(.enterprise)
        wizard.overlay = .review(top: 0)
        let (messages, said) = answer("maybe", &wizard)
        #expect(messages.isEmpty && wizard.overlay == .review(top: 0) && wizard.enterpriseForm.focus == 0)
        #expect(said == "! Answer y to send it to Telnyx, or n to go through the fields again; nothing is sent until then.\n")
        #expect(answer("n", &wizard).messages.isEmpty && wizard.overlay == nil, "n goes through the fields again")
    }

    @Test func backGoesToTheFieldBeforeAndAChoiceStartThatFitsSeveralIsNamed() {
        var wizard = Self.model(.enterprise)
        wizard.enterpriseForm.focus = 3
        _ = answer("back", &wizard)
        #expect(wizard.enterpriseForm.focus == 2)
        let industry = wizard.enterpriseForm.rows.firstIndex(of: .field(.industry))!
        wizard.enterpriseForm.focus = industry
        let (_, said) = answer("fin", &wizard)
        #expect(said == "! Industry: fin could be finance, financial; type more of it.\n")
        #expect(wizard.enterpriseForm.focus == industry && wizard.enterpriseForm.values[.industry]?.text ?? "" == "")
    }

    @Test func aRefusedSignatureIsNotOfferedBackAndEnterLeavesItEmpty() {
        var wizard = Self.model(.loaRender)
        wizard.loaForm.focus = 1
        wizard.loaForm.signatureImage = TextField("/tmp/signed-loa.pdf")
        wizard.loaForm.problems[.signatureImage] = "is not a PNG"
        #expect(PlainQuestion.current(wizard).prompt(wizard) == "Signature image, a PNG's path (optional; Enter for none):")
        #expect(answer("", &wizard).messages == [.key(.down)])
        #expect(wizard.loaForm.signatureImage.text == "")
    }

    @Test func aPlannedCountThatIsNotANumberIsAskedAgain() {
        var wizard = Self.model(.enable)
        let (messages, said) = answer("3 abc", &wizard)
        #expect(messages.isEmpty && wizard.plannedNumbers.text == "")
        #expect(said == "! Give the frequency's number (1 to 6), then how many numbers, e.g. `2 250`.\n")
        #expect(answer("3 1,500", &wizard).messages == [.key(.enter)])
        #expect(wizard.frequency == .weekly && wizard.plannedNumbers.text == "1500")
    }

    @Test func theWebhookIsSetOrClearedFromStepNine() {
        var wizard = Self.model(.manage)
        #expect(
            answer("webhook https://hooks.example.com/telnyx", &wizard).messages == [
                .decide(.setWebhook(url: "https://hooks.example.com/telnyx"))
            ])
        #expect(answer("webhook clear", &wizard).messages == [.decide(.setWebhook(url: nil))])
        let (messages, said) = answer("webhook", &wizard)
        #expect(messages.isEmpty && said == "! Give the webhook's URL after `webhook` (https://…), or `webhook clear` to clear it.\n")
    }

    @Test func confirmTakesNumbersAsRAndXDo() {
        var wizard = Self.model(.manage)
        wizard.state.monitoredNumbers = ["+13125550100", "+13125550101"]
        wizard.state.queriedNumbers = Set(wizard.state.monitoredNumbers)
        wizard.state.reputationEnabled = true
        #expect(answer("C (312) 555-0101", &wizard).messages == [.key(.character("C"))])
        #expect(wizard.table.selected == ["+13125550101"])
    }

    @Test func twoNumbersOnOneLineAreNeitherTakenSilently() {
        #expect(NumberListParser.reading(of: "904.961.0048, 716 733 6520") == .invalid(.severalNumbers(2)))
        #expect(NumberListParser.reading(of: "Acme, 904.961.0048, Chicago") == .number(try! USPhoneNumber("904.961.0048")))
    }
}
