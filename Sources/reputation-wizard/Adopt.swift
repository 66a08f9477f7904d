import ArgumentParser
import Foundation
import OnboardingEngine
import OnboardingStore

struct Adopt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a local onboarding from what Telnyx already has for an enterprise, landing on the right step.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The enterprise's id at Telnyx.") var enterpriseId: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let store = try global.store(sandbox: sandbox != nil)
        // An enterprise already tracked is continued, not duplicated.
        if let tracked = try store.onboardings(enterpriseId: enterpriseId).first {
            let report = try store.report(tracked.state.id)
            if json { return print(try Output.json(report)) }
            Output.line(
                "Enterprise \(enterpriseId) is already tracked by onboarding \(tracked.state.id)\(tracked.archivedAt == nil ? "" : " (archived)")."
            )
            Output.line(report.text)
            Output.line("Continue it with: \(global.command("run --id \(tracked.state.id)", sandbox: sandbox != nil))")
            return
        }
        let engine = try await OnboardingEngine.adopt(enterpriseId: enterpriseId, store: store, client: client)
        let id = await engine.state.id
        await engine.close()
        let report = try store.report(id)
        if json { return print(try Output.json(report)) }
        Output.line(report.text)
        Output.line("Continue it with: \(global.command("run --id \(id)", sandbox: sandbox != nil))")
    }
}
