import ArgumentParser
import Foundation
import OnboardingEngine
import OnboardingStore

/// `webhook [--id ID] URL` or `webhook [--id ID] --clear`: the enterprise's ownership webhook,
/// set or cleared through the onboarding's engine (journaled before and after, and audited).
struct Webhook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set or clear the enterprise's ownership webhook (free).",
        discussion: """
            Telnyx calls it when a monitored number is flagged or removed and when the ownership proof is decided. \
            The wizard itself polls Telnyx and needs none: this is for a receiver of your own.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The onboarding (default: the most recently active).") var id: String?
    @Argument(help: "A public HTTPS URL, e.g. https://hooks.example.com/telnyx.") var url: String?
    @Flag(help: "Clear the webhook: Telnyx stops calling it.") var clear = false

    func validate() throws {
        if clear && url != nil { throw ValidationError("Give a URL to set the webhook, or --clear to clear it, not both.") }
        if !clear && url == nil { throw ValidationError("Give the webhook's URL (https://…), or --clear to clear it.") }
    }

    func run() async throws {
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let store = try global.existingStore(sandbox: sandbox != nil)
        let (engine, id) = try global.openOnboarding(id, store: store, client: client)
        _ = try await engine.reconcile()
        let wanted = clear ? nil : url?.trimmingCharacters(in: .whitespaces)
        if await engine.state.webhookURL == wanted {
            // Asked for what already is: done, not an error (a script may repeat itself).
            await engine.close()
            return Output.line(
                wanted.map { "Onboarding \(id): Telnyx already calls \($0) for ownership events." }
                    ?? "Onboarding \(id): there is no ownership webhook to clear.")
        }
        let refusal = try await engine.send(.setWebhook(url: wanted))
        let state = await engine.state
        await engine.close()
        if let refusal { throw UsageProblem.stop(refusal) }
        if let error = state.lastError, state.inFlight == nil, state.webhookURL != wanted {
            Output.say("\(error.message)\n")
            throw ExitCode(1)
        }
        Output.line(
            state.webhookURL.map { "Onboarding \(id): Telnyx calls \($0) for ownership events." }
                ?? "Onboarding \(id): no ownership webhook.")
    }
}
