import ArgumentParser
import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI
import TerminalUI
import Yams

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drive an onboarding through its steps.",
        discussion: """
            With --non-interactive, goes as far as the answers file allows and exits with: 0 complete, \
            10 input needed, 11 waiting on Telnyx review, 12 confirmation required, 13 rejected, 1 error. \
            Progress goes to stderr, the final status as JSON to stdout.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("non-interactive"), help: "Run without a screen, from --answers.") var nonInteractive = false
    @Option(help: "Answers as JSON or YAML, with the API's field names.") var answers: String?
    @Flag(help: "Go ahead with billable steps (their cost is printed either way).") var yes = false
    @Flag(help: "Wait for Telnyx's review instead of exiting with 11.") var wait = false
    @Option(help: "The onboarding to continue, or to start under this id (default: the only unfinished one, else a new one).")
    var id: String?

    func validate() throws {
        if nonInteractive && answers == nil { throw ValidationError("--non-interactive needs --answers FILE.") }
        if !nonInteractive && (answers != nil || yes || wait) {
            throw ValidationError("--answers, --yes and --wait go with --non-interactive; the full-screen wizard asks as it goes.")
        }
    }

    func run() async throws {
        guard nonInteractive else { return try await runFullScreen() }
        let answers = try loadAnswers()
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let store = try global.store(sandbox: sandbox != nil)
        let engine = try openEngine(store: store, client: client)
        var driver = NonInteractiveRun(answers: answers, confirmBillable: yes, wait: wait)
        driver.progress = { line in FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        if let sandbox { driver.pause = { sandbox.advance(seconds: $0) } }
        let stop: NonInteractiveRun.Stop
        do {
            stop = try await driver.run(engine)
        } catch {
            stop = .error("\(error)")
        }
        let state = await engine.state
        await engine.close()
        FileHandle.standardError.write(Data("\(stop.message)\n".utf8))
        let report = try store.report(state.id)
        print(try Output.json(report))
        throw ExitCode(stop.exitCode)
    }

    /// The full-screen wizard on this terminal; the terminal is given back on every way out.
    func runFullScreen() async throws {
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let store = try global.store(sandbox: sandbox != nil)
        let engine = try openEngine(store: store, client: client)
        try await engine.reconcile()
        let terminal = try NcursesTerminal()
        defer { terminal.restore() }
        do {
            try await InteractiveWizard(engine: engine, store: store, client: client, sandbox: sandbox, scenario: global.scenario.rawValue)
                .run(on: terminal)
        } catch {
            terminal.restore()
            await engine.close()
            throw error
        }
        terminal.restore()
        let state = await engine.state
        await engine.close()
        print("Saved at step \(state.step.rawValue) (\(state.step.title)): \(state.nextAction)")
        print("Onboarding \(state.id); continue with `reputation-wizard run --id \(state.id)`.")
    }

    /// The onboarding asked for, else the only unfinished one, else a new one; the same in the
    /// sandbox, whose account is kept between runs.
    func openEngine(store: OnboardingStore, client: TelnyxClient) throws -> OnboardingEngine {
        if let id {
            let exists = try store.list().contains { $0.state.id == id }
            return exists
                ? try OnboardingEngine(store: store, client: client, onboardingId: id)
                : try OnboardingEngine.create(store: store, client: client, id: id)
        }
        let unfinished = try store.list().filter { !$0.state.isComplete }
        if unfinished.count == 1 {
            return try OnboardingEngine(store: store, client: client, onboardingId: unfinished[0].state.id)
        }
        if unfinished.count > 1 {
            throw ValidationError("Several onboardings are unfinished (\(unfinished.map(\.state.id).joined(separator: ", "))); choose one with --id.")
        }
        return try OnboardingEngine.create(store: store, client: client)
    }

    func loadAnswers() throws -> RunAnswers {
        guard let path = answers, let data = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
            throw ValidationError("--answers \(answers ?? "") cannot be read.")
        }
        do {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                return try YAMLDecoder().decode(RunAnswers.self, from: data)
            }
            return try JSONDecoder().decode(RunAnswers.self, from: data)
        } catch {
            throw ValidationError("--answers \(path) is not valid: \(error)")
        }
    }
}
