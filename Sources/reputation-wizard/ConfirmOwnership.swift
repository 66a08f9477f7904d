import ArgumentParser
import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore

/// `confirm-ownership [--id ID] NUMBER... | --all`: answers Telnyx's ownership question, through
/// the onboarding's engine (journaled before and after, audited, reconciled after a lost answer).
struct ConfirmOwnership: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm-ownership",
        abstract: "Tell Telnyx the enterprise still owns numbers it asks about (free).",
        discussion: """
            `status` lists the numbers Telnyx asks about and by when; unanswered, a number whose carrier changed is \
            removed at the deadline. A number no longer yours is given up by removing it (in the wizard, x at step 9; \
            asked first).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The onboarding (default: the most recently active).") var id: String?
    @Argument(help: "The numbers, in any common writing (+13125550134, (312) 555-0134).") var numbers: [String] = []
    @Flag(help: "Every number Telnyx asks about.") var all = false
    @Option(
        help: "A document that shows the numbers are still yours (a carrier invoice or statement: PDF, PNG or JPEG), sent with the answer.")
    var evidence: String?

    func validate() throws {
        if all && !numbers.isEmpty { throw ValidationError("Give numbers, or --all, not both.") }
        if !all && numbers.isEmpty { throw ValidationError("Give the numbers to confirm (as `status` lists them), or --all.") }
    }

    func run() async throws {
        var chosen = try GlobalOptions.e164(numbers)
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let store = try global.existingStore(sandbox: sandbox != nil)
        let (engine, id) = try global.openOnboarding(id, store: store, client: client)
        // Telnyx's questions as they are now, not as last saved.
        if let refusal = try await engine.checkWithTelnyx() {
            await engine.close()
            Output.say("Telnyx could not be asked now: \(refusal).\n")
            throw ExitCode(1)
        }
        let asked = await engine.state.ownershipNotices ?? []
        if all { chosen = asked.map(\.phoneNumber) }
        guard !chosen.isEmpty else {
            await engine.close()
            return Output.line("Onboarding \(id): Telnyx asks about no number's ownership now.")
        }
        let refusal = try await engine.send(.confirmOwnership(chosen, evidence: evidence))
        let state = await engine.state
        await engine.close()
        if let refusal { throw UsageProblem.refused(refusal) }
        let left = Set((state.ownershipNotices ?? []).map(\.phoneNumber))
        let done = chosen.filter { !left.contains($0) }
        if let error = state.lastError, done.count < chosen.count {
            // A file that cannot be evidence is the person's to fix (10), as the answers' are.
            if error.status == nil, error.fieldProblems["evidence"] != nil { throw UsageProblem.refused(error.message) }
            Output.say("\(error.message)\n")
            throw ExitCode(1)
        }
        Output.line("Onboarding \(id): ownership confirmed to Telnyx for \(done.joined(separator: ", ")).")
    }
}
