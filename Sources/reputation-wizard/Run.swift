import ArgumentParser
import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI
import TerminalUI
import WizardRuntime
import Yams

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drive an onboarding through its steps.",
        discussion: """
            With --non-interactive, goes as far as the answers file allows and exits with: 0 complete, \
            10 input needed (a missing or bad answer, named), 11 waiting on Telnyx review (of the enterprise, \
            the LOA or the ownership proof), 12 confirmation required, 13 rejected by Telnyx and not addressed \
            by the answers, 1 error, 64 a bad command line. Progress goes to stderr, the final status as JSON \
            to stdout. Answer keys: accept_terms, enterprise or enterprise_id, loa, signed_loa, check_frequency, \
            numbers or numbers_file, ownership_proof (documents proving numbers hosted at other carriers are \
            the enterprise's), remediation (numbers, call_purpose, contact_email), enable_again.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("non-interactive"), help: "Run without a screen, from --answers.") var nonInteractive = false
    @Option(help: "Answers as JSON or YAML, with the API's field names.") var answers: String?
    @Flag(help: "Go ahead with billable steps (their cost is printed either way).") var yes = false
    @Flag(help: "Wait for Telnyx's review instead of exiting with 11.") var wait = false
    @Option(
        name: .customLong("max-cost"), parsing: .unconditional,
        help: "With --non-interactive: the most this run may pay in US dollars, whatever --yes says (exit 12 past it).")
    var maxCost: String?
    @Flag(name: .customLong("over-budget"), help: "With --non-interactive: --yes may pass the onboarding's monthly budget.")
    var overBudget = false
    @Option(help: "The onboarding to continue (with --new: the id of the new one).")
    var id: String?
    @Flag(help: "Start a new onboarding instead of continuing one.") var new = false
    @Flag(help: "Plain mode: questions and answers line by line, no full screen (also when TERM=dumb or REPUTATION_WIZARD_PLAIN=1).")
    var plain = false
    @Option(
        name: .customLong("write-answers"),
        help: "After the wizard, write the answers file that repeats this onboarding with --non-interactive (never the key).")
    var writeAnswers: String?
    @Option(name: .customLong("loa-dir"), help: "Save rendered LOAs here (default: the onboarding's folder in the state directory).")
    var loaDirectory: String?

    func validate() throws {
        if let id, let problem = OnboardingId.problem(id) {
            throw ValidationError("--id \(RemoteText.sanitized(String(id.prefix(80)))) \(problem).")
        }
        if let loaDirectory {
            let path = (loaDirectory as NSString).expandingTildeInPath
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                FileManager.default.isWritableFile(atPath: path)
            else { throw ValidationError("--loa-dir \(path) is not a directory this user can write; give another, or leave it out.") }
        }
        if nonInteractive && answers == nil { throw ValidationError("--non-interactive needs --answers FILE.") }
        if let maxCost, Money(dollarsText: maxCost) == nil {
            throw ValidationError(
                "--max-cost \(RemoteText.sanitized(String(maxCost.prefix(40)))) is not an amount in US dollars; give one such as 25 or 1200.50."
            )
        }
        if !nonInteractive && (maxCost != nil || overBudget) {
            throw ValidationError("--max-cost and --over-budget are for --non-interactive runs; the wizard asks before every charge.")
        }
        if nonInteractive && writeAnswers != nil {
            throw ValidationError(
                "--write-answers is for the wizard: it writes what was answered there; --non-interactive reads --answers.")
        }
        if let writeAnswers {
            let directory = ((LocalFile.expanded(writeAnswers) as NSString).deletingLastPathComponent as NSString).expandingTildeInPath
            guard FileManager.default.isWritableFile(atPath: directory.isEmpty ? "." : directory) else {
                throw ValidationError(
                    "--write-answers \(writeAnswers): \(directory) is not a directory this user can write; give another path.")
            }
        }
        if nonInteractive && plain { throw ValidationError("--plain is for the wizard; --non-interactive runs without questions.") }
        if !nonInteractive && (answers != nil || yes || wait) {
            throw ValidationError("--answers, --yes and --wait go with --non-interactive; the full-screen wizard asks as it goes.")
        }
    }

    func run() async throws {
        if !nonInteractive && Self.wantsPlain(plain, environment: ProcessInfo.processInfo.environment) { return try await runPlain() }
        // On a terminal that cannot move the cursor (an unknown TERM included): plain mode too.
        if !nonInteractive && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !NcursesTerminal.canAddressCursor {
            return try await runPlain()
        }
        guard nonInteractive else { return try await runFullScreen() }
        let answers: RunAnswers
        do {
            answers = try loadAnswers()
            try NonInteractiveRun(answers: answers, confirmBillable: yes, wait: wait).checkInputs()
        } catch let problem as RunInputError {
            // Bad answers are input needed (10), named by field, like every other answer.
            Output.say("Input needed: \(problem.message)\n")
            throw ExitCode(NonInteractiveRun.Stop.inputNeeded(problem.message).exitCode)
        }
        let (client, sandbox) = try await global.client()
        defer { sandbox?.stop() }
        let store = try global.store(sandbox: sandbox != nil)
        let engine = try openEngine(store: store, client: client)
        try await chooseLOADirectory(engine)
        var driver = NonInteractiveRun(answers: answers, confirmBillable: yes, wait: wait)
        driver.maxCost = maxCost.flatMap(Money.init(dollarsText:))
        driver.overBudget = overBudget
        // Progress and the final message quote Telnyx (reasons, errors): never raw to the terminal.
        driver.progress = { line in Output.say("\(RemoteText.sanitizedLines(line))\n") }
        if let sandbox { driver.pause = { sandbox.advance(seconds: $0) } }
        let stop: NonInteractiveRun.Stop
        do {
            stop = try await driver.run(engine)
        } catch {
            stop = .error("\(error)")
        }
        let state = await engine.state
        await engine.close()
        Output.say("\(RemoteText.sanitizedLines(stop.message))\n")
        let report = try store.report(state.id)
        print(try Output.json(report))
        throw ExitCode(stop.exitCode)
    }

    /// `--write-answers`, or, for an onboarding completed in this session, an offer to write
    /// them (a path, or Enter to skip), asked through `ask` on the plain terminal.
    func answersAtTheEnd(_ runtime: WizardRuntime, startedComplete: Bool, ask: (String) -> String?) async throws {
        var path = writeAnswers
        if path == nil, !startedComplete, await runtime.engine.state.isComplete, isatty(STDIN_FILENO) == 1 {
            let answer = ask(
                "The onboarding is complete. Write an answers file that repeats it with `run --non-interactive`? A path, or Enter to skip: "
            )
            path = answer.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let path else { return }
        let written = try await runtime.writtenAnswers()
        let expanded = LocalFile.expanded(path)
        do {
            let text =
                expanded.hasSuffix(".json")
                ? try Output.json(written) + "\n"
                : "# Answers written by reputation-wizard from an onboarding done in the wizard (no API key is kept).\n"
                    + (try Self.yamlEncoder.encode(written))
            guard FileManager.default.createFile(atPath: expanded, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            Output.line(
                "Answers written to \(expanded): repeat with `reputation-wizard run --non-interactive --answers \(expanded) --yes`.")
        } catch {
            Output.line("The answers could not be written to \(expanded) (\(error.localizedDescription)); nothing else is affected.")
        }
    }

    /// Keys sorted, so a written answers file reads the same each time.
    static var yamlEncoder: YAMLEncoder {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        return encoder
    }

    /// Whether the wizard runs in plain mode: asked for, or a terminal that cannot address the
    /// cursor (`TERM=dumb`, as Emacs' shell and many CI consoles set it).
    static func wantsPlain(_ flag: Bool, environment: [String: String]) -> Bool {
        if flag { return true }
        if let plain = environment["REPUTATION_WIZARD_PLAIN"], !plain.isEmpty, plain != "0" { return true }
        return environment["TERM"] == "dumb"
    }

    /// The plain wizard: the same steps, questions and answers on standard input and output.
    func runPlain() async throws {
        let (client, sandbox) = try await global.checkedClient()
        defer { sandbox?.stop() }
        let store = try global.store(sandbox: sandbox != nil)
        let console = StandardConsole(asciiOnly: !ASCIIStandIn.localeIsUTF8(ProcessInfo.processInfo.environment))
        let engine: OnboardingEngine
        // Several onboardings and none named: chosen from a numbered list, as on the full screen.
        let candidates = try store.list()
        if choosing(candidates), isatty(STDIN_FILENO) == 1 {
            switch try Self.choosePlainly(from: Self.chooser(candidates, store: store), on: console) {
            case .quit: return
            case .new: engine = try OnboardingEngine.create(store: store, client: client)
            case .open(let chosen): engine = try OnboardingEngine(store: store, client: client, onboardingId: chosen)
            }
        } else {
            engine = try openEngine(store: store, client: client)
        }
        try await chooseLOADirectory(engine)
        try await engine.reconcile()
        let runtime = WizardRuntime(
            engine: engine, store: store, client: client, sandbox: sandbox?.control(scenario: global.scenario.rawValue))
        let startedComplete = await engine.state.isComplete
        do {
            try await PlainWizard(runtime: runtime).run(on: console)
            // The plain wizard said it was not saved here; not success either.
            if store.lostReason != nil { throw ExitCode(1) }
            let wake = try WakeUp()
            try await answersAtTheEnd(runtime, startedComplete: startedComplete) {
                console.write($0)
                guard case .line(let line) = console.nextLine(timeoutMilliseconds: nil, wake: wake) else { return nil }
                return line
            }
        } catch {
            await engine.close()
            throw error
        }
        let state = await engine.state
        await engine.close()
        Output.line("Onboarding \(state.id) at step \(state.step.rawValue) (\(state.step.title)): \(state.nextAction)")
        Output.line(
            "Continue with `\(global.command("run --id \(state.id)", sandbox: sandbox != nil))` (with --plain, or TERM=dumb, for these questions again)."
        )
    }

    /// The full-screen wizard on this terminal; the terminal is given back on every way out.
    func runFullScreen() async throws {
        let (client, sandbox) = try await global.checkedClient()
        defer { sandbox?.stop() }
        let store = try global.store(sandbox: sandbox != nil)
        // Without a terminal nothing is opened or created (no stray onboarding is left behind).
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw NcursesTerminal.StartError.notATerminal }
        // Several onboardings and none named: the person chooses from a list of all of them.
        let candidates = try store.list()
        // Otherwise a wrong --id is said on the plain terminal, before the screen opens.
        let named = choosing(candidates) ? nil : try openEngine(store: store, client: client)
        let terminal = try NcursesTerminal()
        defer { terminal.restore() }
        let engine: OnboardingEngine
        if let named {
            engine = named
        } else {
            switch Self.choose(from: candidates, store: store, on: terminal) {
            case .quit:
                terminal.restore()
                return
            case .new:
                engine = try OnboardingEngine.create(store: store, client: client)
            case .open(let chosen):
                engine = try OnboardingEngine(store: store, client: client, onboardingId: chosen)
            }
        }
        try await chooseLOADirectory(engine)
        try await engine.reconcile()
        let runtime = WizardRuntime(
            engine: engine, store: store, client: client, sandbox: sandbox?.control(scenario: global.scenario.rawValue))
        let startedComplete = await engine.state.isComplete
        do {
            try await runtime.run(on: terminal)
            terminal.restore()
            if let lost = store.lostReason {
                // What the screen last showed was not saved from here: said, and not success.
                Output.say("Not saved here: \(lost)\n")
                throw ExitCode(1)
            }
            try await answersAtTheEnd(runtime, startedComplete: startedComplete) {
                Output.say($0)
                return readLine()
            }
        } catch {
            terminal.restore()
            await engine.close()
            throw error
        }
        let state = await engine.state
        await engine.close()
        Output.line("Saved at step \(state.step.rawValue) (\(state.step.title)): \(state.nextAction)")
        Output.line("Onboarding \(state.id); continue with `\(global.command("run --id \(state.id)", sandbox: sandbox != nil))`.")
    }

    /// The onboarding asked for (an unknown `--id` is an error); with `--new`, a new one; else
    /// the only unfinished one, else the only one there is (a completed onboarding opens on its
    /// Manage step), else a new one when there is none. The same in the sandbox, whose account
    /// is kept between runs.
    func openEngine(store: OnboardingStore, client: TelnyxClient) throws -> OnboardingEngine {
        let all = try store.list()
        let everyOne = try store.list(includingArchived: true)
        if new {
            if let id, everyOne.contains(where: { $0.state.id == id }) {
                throw UsageProblem.stop("An onboarding \(id) already exists; continue it with --id \(id), or give --new another id.")
            }
            return try OnboardingEngine.create(store: store, client: client, id: id ?? UUID().uuidString.lowercased())
        }
        if let id {
            guard let named = everyOne.first(where: { $0.state.id == id }) else {
                throw UsageProblem.stop(
                    "No onboarding \(id) in \(store.whereabouts). `reputation-wizard list` shows them; `run --new` starts one.")
            }
            if named.archivedAt != nil {
                // Worked on again, it is no longer archived; said before anything else happens.
                try store.setArchived(id, false)
                Output.say("Onboarding \(id) was archived; opened again, it is listed again.\n")
            }
            return try OnboardingEngine(store: store, client: client, onboardingId: id)
        }
        let unfinished = all.filter { !$0.state.isComplete }
        let candidates = unfinished.isEmpty ? all : unfinished
        if candidates.count == 1 {
            return try OnboardingEngine(store: store, client: client, onboardingId: candidates[0].state.id)
        }
        if candidates.count > 1 {
            let lines = candidates.map { summary in
                let state = summary.state
                let name = state.enterprise.map { "\($0.legalName) (\($0.id))" } ?? "no enterprise yet"
                return "  \(state.id)  \(name)  step \(state.step.rawValue) \(state.step.title)"
            }
            throw UsageProblem.stop(
                "Several onboardings are \(unfinished.isEmpty ? "here" : "unfinished"); choose one with --id, or start another with --new:\n"
                    + lines.joined(separator: "\n"))
        }
        return try OnboardingEngine.create(store: store, client: client)
    }

    /// The chooser's rows: every onboarding with its enterprise, enterprise id, step and last
    /// activity.
    static func chooser(_ summaries: [OnboardingSummary], store: OnboardingStore) -> OnboardingChooser {
        let now = Date()
        let items = summaries.map { summary in
            let state = summary.state
            let enterprise = state.enterprise.map { "\($0.legalName) (\($0.id.prefix(8)))" } ?? "no enterprise yet"
            let step = state.disabledReputation != nil ? "reputation disabled" : "step \(state.step.rawValue) \(state.step.title)"
            let activity = ((try? store.auditLog(state.id).last?.at) ?? nil) ?? summary.updatedAt
            return ListPicker.Item(
                id: state.id, label: "\(enterprise) · \(step) · \(ReportTime.span(from: activity, to: now)) ago · \(state.id.prefix(8))")
        }
        return OnboardingChooser(onboardings: items)
    }

    /// Whether the person chooses among the onboardings: none named, no `--new`, and several
    /// unfinished (or, none unfinished, several completed).
    func choosing(_ candidates: [OnboardingSummary]) -> Bool {
        let unfinished = candidates.filter { !$0.state.isComplete }
        return id == nil && !new && (unfinished.count > 1 || (unfinished.isEmpty && candidates.count > 1))
    }

    /// The chooser in plain mode: the numbered list, then the question until it is answered
    /// (a wrong answer says so and asks again; the end of input quits).
    static func choosePlainly(from chooser: OnboardingChooser, on console: PlainConsole) throws -> OnboardingChooser.Choice {
        let wake = try WakeUp()
        console.write(chooser.plainLines.map { "\($0)\n" }.joined())
        while true {
            console.write(OnboardingChooser.plainQuestion + " ")
            switch console.nextLine(timeoutMilliseconds: nil, wake: wake) {
            case .line(let line):
                if let choice = chooser.choice(answering: line) { return choice }
                if ["?", "help"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) {
                    console.write(
                        "  Each line is one onboarding: its enterprise, the step it stands at and when it was last worked on. Give its number (or its id) to continue it where it stopped, n to start a new one, q to leave.\n"
                    )
                    continue
                }
                console.write("! \(RemoteText.sanitized(line)) names none of them: give a number from the list, n, or q.\n")
            case .end: return .quit
            case .woken: continue
            }
        }
    }

    /// The chooser on the full screen.
    static func choose(
        from summaries: [OnboardingSummary], store: OnboardingStore, on terminal: NcursesTerminal
    ) -> OnboardingChooser.Choice {
        var chooser = chooser(summaries, store: store)
        while true {
            let size = terminal.size
            terminal.show(chooser.render(width: size.width, height: size.height))
            guard let key = terminal.nextKey(timeoutMilliseconds: 500) else { continue }
            if let choice = chooser.handle(key) { return choice }
        }
    }

    /// `--loa-dir` (checked by `validate` before anything opens) for the engine's rendered LOAs.
    func chooseLOADirectory(_ engine: OnboardingEngine) async throws {
        guard let loaDirectory else { return }
        await engine.saveLOAs(in: URL(fileURLWithPath: (loaDirectory as NSString).expandingTildeInPath, isDirectory: true))
    }

    /// The answers file, decoded; a problem names the file and the field.
    /// - Throws: `RunInputError` for a file that cannot be read or a field of the wrong shape.
    func loadAnswers() throws -> RunAnswers {
        guard let path = answers else { throw RunInputError(message: "--answers is needed; give the path of a JSON or YAML file.") }
        let data: Data
        do { data = try LocalFile.contents(path, limit: 1_048_576) } catch {
            throw RunInputError(message: "--answers \(error); give the path of a JSON or YAML file.")
        }
        let yaml = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        if yaml, YAMLExpansion.exceeds(String(decoding: data, as: UTF8.self)) {
            throw RunInputError(
                message:
                    "\(path): its aliases (*name) expand to more than \(YAMLExpansion.valueLimit.grouped) values; write the answers out without anchors and aliases."
            )
        }
        let answers: RunAnswers
        do {
            answers = yaml ? try YAMLDecoder().decode(RunAnswers.self, from: data) : try JSONDecoder().decode(RunAnswers.self, from: data)
        } catch {
            throw RunInputError(message: "\(path): \(AnswersProblem.describe(error))")
        }
        // Every key known, before anything is sent: a misspelt one would be ignored unseen.
        let tree: Any? = yaml ? try? Yams.load(yaml: String(decoding: data, as: UTF8.self)) : try? JSONSerialization.jsonObject(with: data)
        let unknown = tree.map(AnswerKeys.problems(in:)) ?? []
        if !unknown.isEmpty { throw RunInputError(message: "\(path): \(AnswerKeys.summary(unknown))") }
        // Values read only later are checked now too: a wrong one stops the run before an
        // onboarding is made for it.
        _ = try answers.monthlyBudget()
        _ = try answers.waitsForScheduledCheck()
        return answers.resolvingPaths(
            relativeTo: (LocalFile.expanded(path, relativeTo: FileManager.default.currentDirectoryPath) as NSString)
                .deletingLastPathComponent)
    }
}
