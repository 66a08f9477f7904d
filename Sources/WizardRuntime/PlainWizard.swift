import Foundation
import Onboarding
import TerminalUI

/// The plain renderer: the same steps, state machine, drafts and commands as the full-screen
/// wizard (`WizardUpdate`, `WizardWork`), printed as lines and asked as questions on a
/// line-by-line terminal. Nothing is redrawn, coloured or placed: fit for screen readers, Emacs
/// shell buffers, CI consoles and `script` logs. `q` quits and `?` helps at every prompt.
public struct PlainWizard: Sendable {
    let runtime: WizardRuntime

    public init(runtime: WizardRuntime) { self.runtime = runtime }

    /// Runs the wizard on `console` until the person quits (or the input ends).
    /// - Throws: `StoreError` when the drafts cannot be read at the start; `WakeUp.Failure`
    ///   when the process has no file descriptors left.
    public func run(on console: PlainConsole) async throws {
        let wake = try WakeUp()
        let inbox = Inbox(wake: wake)
        var (model, commands) = try await runtime.opening()
        let work = WizardWork(
            engine: runtime.engine, store: runtime.store, client: runtime.client, sandbox: runtime.sandbox, inbox: inbox,
            onboardingId: model.state.id)
        let deskWatch = runtime.watchDesk(model.state.id, into: inbox)
        defer { deskWatch.cancel() }
        var printer = PlainPrinter()
        let desk = model.deskCase.label(today: DeskCase.today(model.now))
        console.write(
            "Telnyx Number Reputation\(model.sandboxScenario.map { " · SANDBOX (\($0)): nothing is billed" } ?? "")"
                + (desk.isEmpty ? "" : " · \(RemoteText.sanitized(desk))") + "\n")
        if let note = model.deskCase.handOffNote { console.write("Hand-off note: \(RemoteText.sanitized(note))\n") }
        console.write("Answer each question and press Enter. q quits at any prompt (nothing is lost); ? gives help.\n")
        console.write(PlainText.standing(model).map { "\($0)\n" }.joined())
        // Results asked for and not yet come (a file checked, the audit log read…): the next
        // question waits for them, so lines come in the order things happened.
        var awaited = 0
        // A result that never comes (a poller that stopped just as it was asked) must not hold
        // the next question for ever: after this long without one, the question is asked.
        var awaitedSince = ContinuousClock.now
        while true {
            let asked = commands.filter(Self.isAnswered).count
            if asked > 0 && awaited == 0 { awaitedSince = .now }
            awaited += asked
            if awaited > 0 && ContinuousClock.now - awaitedSince > Self.longestAwait { awaited = 0 }
            if await work.perform(commands, model: model) == .quit {
                if let lost = model.storeLost {
                    console.write("Not saved here: \(RemoteText.sanitized(lost))\n")
                } else {
                    console.write("Saved at step \(model.state.step.rawValue) (\(model.state.step.title)).\n")
                }
                return
            }
            commands = []
            var messages: [WizardMessage] = []
            if model.background.decision != nil || model.background.readingFile != nil || awaited > 0 {
                // Working: results are waited for; lines typed meanwhile are read after.
                printer.reportBusy(model, on: console)
                let due = WizardUpdate.wakeAfter(model)
                runtime.waitForWake(wake, timeoutMilliseconds: awaited > 0 ? min(due ?? 1000, 1000) : due)
            } else {
                printer.report(model, on: console)
                let question = PlainQuestion.current(model)
                printer.ask(question, model: model, on: console)
                switch console.nextLine(timeoutMilliseconds: WizardUpdate.wakeAfter(model), wake: wake) {
                case .end:
                    commands = [.quit]
                    continue
                case .woken: break
                case .line(let line):
                    printer.answered()
                    let before = (model.enterpriseForm.draft, model.typedFingerprint)
                    messages = question.answer(line, &model, printer: &printer, console: console)
                    // Values typed straight into a form are kept as the full screen keeps them.
                    if model.enterpriseForm.draft != before.0 {
                        commands.append(
                            .saveDraft(
                                form: model.enterpriseForm.correcting ? .enterpriseCorrection : .enterprise,
                                fields: model.enterpriseForm.draft))
                    }
                    if model.typedFingerprint != before.1 { commands.append(.saveTypedDraft) }
                }
            }
            commands += WizardUpdate.update(&model, .clock(runtime.now()))
            if model.storeLost == nil, let lost = runtime.store.lostReason {
                commands += WizardUpdate.update(&model, .storeLost(lost))
                console.write("\(RemoteText.sanitized(lost))\n")
            }
            let arrived = inbox.take()
            awaited = max(0, awaited - arrived.filter(Self.answers).count)
            for message in arrived + messages { commands += WizardUpdate.update(&model, message) }
        }
    }

    /// The longest the next question waits for results it asked for.
    static let longestAwait = Duration.seconds(15)

    /// Commands whose result the next question waits for.
    static func isAnswered(_ command: Command) -> Bool {
        switch command {
        case .loadInventory, .loadReadings, .loadAwaitingProof, .loadOwnershipHistory, .loadRemovedNumbers,
            .loadEnterprises, .loadAuditLog, .loadDisabling, .exportNumbers,
            .openFile,
            .loadEnterpriseRecord,
            .readNumbersFile, .checkFile, .completePath, .checkReviewNow:
            true
        case .send, .startReviewPolling, .stopReviewPolling, .reconcile, .advanceSandboxClock, .saveDraft,
            .saveTypedDraft, .reloadNumbers, .quit:
            false
        }
    }

    /// Messages that answer such a command.
    static func answers(_ message: WizardMessage) -> Bool {
        switch message {
        case .inventory, .readings, .awaitingProof, .ownershipHistory, .removedNumbers, .enterprises, .auditLog, .disabling,
            .enterpriseRecord, .numbersFile,
            .fileChecked,
            .pathCompleted,
            .notice, .review(.waiting), .review(.stopped):
            true
        case .key, .decide, .clock, .engine, .decided, .review(.checking), .draftNotSaved, .changedSinceLook, .deskCase, .storeLost:
            false
        }
    }
}

extension WizardRuntime {
    /// Sleeps until a background result arrives, or the time asked for passes.
    func waitForWake(_ wake: WakeUp, timeoutMilliseconds: Int?) {
        var descriptor = pollfd(fd: wake.fileDescriptorToPoll, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(clamping: timeoutMilliseconds ?? -1))
        wake.drain()
    }
}

/// What has been printed, so that only news is printed again: the step's page when what it
/// shows changed, a notice or an error once, a question once until it is answered.
struct PlainPrinter {
    private var page: PageKey?
    private var notice: String?
    private var error: String?
    private var busy: String?
    private var prompt: String?
    /// A question printed and not answered yet: the cursor is at the end of its line.
    private var promptOpen = false
    private var gatesCheckedAt: Date?
    /// Problems of the form's fields as last printed, by the field's name.
    private var problems: [String: String] = [:]

    /// What decides that the step's page is printed again (never the clock).
    struct PageKey: Equatable {
        var step: Step
        var screen: Step
        var disabled: Bool
        var gates: GateReport?
        var confirmation: PendingConfirmation?
        var overlay: WizardModel.Overlay?
        var monitored: Int
        var readings: Int
        var audit: Int
        var correcting: Bool
    }

    /// While something is in flight: what it is, once.
    mutating func reportBusy(_ model: WizardModel, on console: PlainConsole) {
        if model.busy != busy {
            busy = model.busy
            if let busy { say(console, "… \(busy)\n") }
        }
    }

    /// The news since the last report: a review's check and its outcome, the step's page when
    /// what it shows changed, a field's problem, an error, a notice.
    mutating func report(_ model: WizardModel, on console: PlainConsole) {
        reportBusy(model, on: console)
        guard model.busy == nil else { return }
        if let checked = model.state.gatesCheckedAt, checked != gatesCheckedAt {
            // Said from the second report on: a resumed onboarding's old check is on its page.
            if page != nil, let gates = model.state.gates {
                let proof = gates.externalVerificationStatus.map { ", ownership proof \(RemoteText.sanitized($0.rawValue))" } ?? ""
                say(
                    console,
                    "Checked with Telnyx: enterprise vetting \(RemoteText.sanitized(gates.status.rawValue)), LOA review \(RemoteText.sanitized(gates.loaStatus.rawValue))\(proof).\n"
                )
                // Said where it is news: at step 7, just past the reviews.
                if gates.bothApproved && model.state.step == .associate {
                    say(console, "Telnyx approved both reviews: numbers can be added now.\n")
                }
            }
            gatesCheckedAt = checked
        }
        let key = PageKey(
            step: model.state.step, screen: model.screenStep, disabled: model.state.disabledReputation != nil, gates: model.state.gates,
            confirmation: model.state.confirmation, overlay: model.overlay, monitored: model.state.monitoredNumbers.count,
            readings: model.readings.count, audit: model.auditLines.count, correcting: model.enterpriseForm.correcting)
        if key != page {
            let stepChanged = page.map { $0.screen != key.screen || $0.step != key.step || $0.disabled != key.disabled } ?? true
            page = key
            prompt = nil
            printPage(model, stepChanged: stepChanged, on: console)
        }
        if let error = model.state.lastError?.message, error != self.error {
            self.error = error
            say(console, "Error: \(RemoteText.sanitizedLines(error))\n")
        } else if model.state.lastError == nil {
            error = nil
        }
        // A field's problem is said as a line (the full screen marks it with !).
        let now = Self.problems(model)
        for (name, problem) in now.sorted(by: { $0.key < $1.key }) where problems[name] != problem {
            say(console, "! \(name) \(problem)\n")
        }
        problems = now
        if model.notice != notice {
            notice = model.notice
            if let notice = model.notice { say(console, "Note: \(RemoteText.sanitizedLines(notice))\n") }
        }
    }

    private mutating func printPage(_ model: WizardModel, stepChanged: Bool, on console: PlainConsole) {
        // A form's page is its introduction, said once as the step opens; its fields are asked.
        if PlainText.isForm(model) && !stepChanged && model.overlay == nil && model.state.confirmation == nil { return }
        // A step that opens on a confirmation (a resumed onboarding) still says which step it is.
        let heading = stepChanged && (model.state.confirmation != nil || model.overlay != nil) ? [PlainText.heading(model), ""] : []
        say(console, "\n" + (heading + PlainText.page(model)).map { "\($0)\n" }.joined())
    }

    /// Every problem the forms hold now, by the field's name as the questions call it.
    static func problems(_ model: WizardModel) -> [String: String] {
        var problems: [String: String] = [:]
        for (field, problem) in model.enterpriseForm.problems { problems[field.fullLabel] = problem }
        for (row, problem) in model.loaForm.problems {
            let name =
                switch row {
                case .signerName: "Signer's name"
                case .signatureImage: "Signature image"
                case .agent(let field): "Agent: \(field.label)"
                case .actingAsAgent, .render: "LOA"
                }
            problems[name] = problem
        }
        return problems
    }

    /// A field's problem said now by the question that found it; not said again unless it changes.
    mutating func said(_ problem: String, of name: String, on console: PlainConsole) {
        problems[name] = problem
        say(console, "! \(name) \(problem)\n")
    }

    mutating func ask(_ question: PlainQuestion, model: WizardModel, on console: PlainConsole) {
        let text = question.prompt(model)
        guard text != prompt else { return }
        prompt = text
        promptOpen = true
        console.write("\(text) ")
    }

    /// The question was answered: the next one is printed even when it reads the same.
    mutating func answered() {
        prompt = nil
        promptOpen = false
    }

    /// Prints news; a question left open on its line is closed first, and asked again after.
    private mutating func say(_ console: PlainConsole, _ text: String) {
        if promptOpen {
            console.write("\n")
            promptOpen = false
            prompt = nil
        }
        console.write(text)
    }

    /// Prints the page again at the next report (after help, say).
    mutating func reprint() { page = nil }
}
