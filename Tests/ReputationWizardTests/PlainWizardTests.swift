import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import TelnyxAPI
import TerminalUI
import Testing
import WizardRuntime

/// A console in memory that plays a script of lines: each waits for a text printed before it
/// is typed. The whole transcript is kept to assert on.
final class ScriptedConsole: PlainConsole, @unchecked Sendable {
    enum Step {
        case waitFor(String)
        case type(String)
    }

    private var steps: [Step]
    private(set) var transcript = ""
    private(set) var failure: String?
    private var waitingSince: ContinuousClock.Instant?

    init(_ steps: [Step]) { self.steps = steps }

    func write(_ text: String) { transcript += text }

    func nextLine(timeoutMilliseconds: Int?, wake: WakeUp) -> PlainInput {
        while let step = steps.first {
            switch step {
            case .type(let line):
                steps.removeFirst()
                transcript += line + "\n"
                return .line(line)
            case .waitFor(let text):
                guard transcript.contains(text) else {
                    let since = waitingSince ?? .now
                    waitingSince = since
                    if ContinuousClock.now - since > .seconds(30) {
                        failure = "“\(text)” never came; the transcript was:\n\(transcript)"
                        return .end
                    }
                    // A background result wakes the wait, as on a real console.
                    var descriptor = pollfd(fd: wake.fileDescriptorToPoll, events: Int16(POLLIN), revents: 0)
                    _ = poll(&descriptor, 1, 20)
                    wake.drain()
                    return .woken
                }
                steps.removeFirst()
                waitingSince = nil
            }
        }
        return .end
    }
}

@Suite struct PlainWizardTests {
    /// Step 5 in plain mode: the frequencies as a numbered list, the $100 enable asked in words
    /// with its whole estimate, and once confirmed, step 6 as sentences; billed once.
    @Test func theEnableIsAskedInWordsWithItsWholeCostThenTheReviewIsSaid() async throws {
        try await withSimulator { simulator in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try OnboardingStore(directory: directory)
            let engine = try await onboardingAtStepFive(simulator, store: store, id: "onb-plain")
            let console = ScriptedConsole([
                .waitFor("then how many numbers you plan"), .type("3 25"),
                .waitFor("Go ahead? y = yes"), .type("y"),
                .waitFor("r = check now"), .type("q"),
            ])
            let runtime = WizardRuntime(engine: engine, store: store, client: try simulator.client(), sandbox: nil)
            try await PlainWizard(runtime: runtime).run(on: console)
            #expect(console.failure == nil, "\(console.failure ?? "")")
            let expected = """
                Telnyx Number Reputation
                Answer each question and press Enter. q quits at any prompt (nothing is lost); ? gives help.
                Onboarding onb-plain for Acme Plumbing LLC (enterprise ENTERPRISE-ID).
                Where it stands: steps 1 to 4 are done; now step 5 of 9, Enable reputation: Choose how often numbers are checked and enable reputation (billed: $100.00 a month).
                … Asking Telnyx where things stand

                Step 5 of 9 · Enable reputation

                Enabling monitoring costs $100.00 a month for the enterprise, plus $0.10 per number for each scheduled check.

                How often should Telnyx check the numbers?
                  1. every business day: about $100.00 a month (chosen)
                  2. every day: about $100.00 a month
                  3. every week: about $100.00 a month
                  4. every two weeks: about $100.00 a month
                  5. every month: about $100.00 a month
                  6. never (only when asked): about $100.00 a month

                The projection counts scheduled checks only; adding numbers and fresh reads are shown when you do them.
                Each frequency's monthly cost depends on how many numbers you plan: give the count after the frequency's number (e.g. `2 250`).
                The frequency's number from the list, then how many numbers you plan, e.g. `2 250` [1 0; Enter keeps them]: 3 25
                … Estimating the cost

                This is billed:
                  Enable reputation, checking numbers every week
                  Cost: $100.00
                  first month of monitoring at $100.00 a month; then about $110.88 a month: $100.00 monitoring + 25 numbers checked every week at $0.10 = $10.88 a month
                  This month so far $0.00 · with this $100.00 · monitoring about $110.88 a month
                Go ahead? y = yes (as the cost says), n = no: y
                … Working (billed as confirmed)

                Step 6 of 9 · Telnyx review

                Enterprise vetting: pending.
                LOA review: pending.

                Telnyx's reviewers decide within hours or days. You can quit: the wizard comes back here and checks again.
                An LOA pending for long can be replaced: answer l.
                r = check now, Enter = wait for the next check, l = replace the LOA: q
                Saved at step 6 (Telnyx review).

                """
            // The enterprise's id is the simulator's to choose: named by the engine, not the transcript.
            let enterpriseId = try #require(await engine.state.enterprise?.id)
            #expect(console.transcript.replacingOccurrences(of: enterpriseId, with: "ENTERPRISE-ID") == expected)
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "enable" }.count == 1)
            #expect(try store.draft("onb-plain", form: "typed")?["planned_numbers"] == "25", "typed answers are kept as drafts")
            await engine.close()
        }
    }
}
