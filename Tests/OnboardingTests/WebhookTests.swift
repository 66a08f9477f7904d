import Foundation
import Testing

@testable import Onboarding

/// The ownership webhook: set once reputation is enabled, a public HTTPS URL or cleared; free,
/// so sent without a confirmation; the same value again is refused, not sent.
@Suite struct WebhookTests {
    static func enabled() -> OnboardingState {
        var state = NumbersWithoutDataTests.manage(["+13125550100"])
        state.webhookURL = nil
        return state
    }

    @Test func aWebhookIsSetClearedAndCheckedBeforeAnythingIsSent() {
        var state = Self.enabled()
        let url = "https://hooks.example.com/telnyx"
        let set = transition(state, .setWebhook(url: " \(url) "))
        #expect(set.refusal == nil && set.state.confirmation == nil, "free: no confirmation")
        #expect(set.effects == [.setWebhook(enterpriseId: "ent-1", url: url)])
        state = transition(set.state, .webhookSet(url: url)).state
        #expect(state.webhookURL == url && state.inFlight == nil)
        #expect(transition(state, .setWebhook(url: url)).refusal == "The ownership webhook is already \(url).")
        #expect(transition(state, .setWebhook(url: nil)).effects == [.setWebhook(enterpriseId: "ent-1", url: nil)])
        for wrong in ["http://hooks.example.com/telnyx", "hooks.example.com", "https://"] {
            #expect(
                transition(state, .setWebhook(url: wrong)).refusal
                    == "webhook URL: give a public HTTPS URL (https://…), e.g. https://hooks.example.com/telnyx.", "\(wrong)")
        }
        var notEnabled = OnboardingState(id: "onb-hook")
        notEnabled.step = .enterprise
        #expect(
            transition(notEnabled, .setWebhook(url: url)).refusal
                == "The ownership webhook is set once reputation is enabled for the enterprise.")
    }
}
