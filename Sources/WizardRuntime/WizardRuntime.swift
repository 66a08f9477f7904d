import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI
import TerminalUI

/// The wizard's loop, for every renderer: it sleeps until a key, a resize or a background
/// result arrives (no timer while nothing is in flight), hands each to `WizardUpdate.update`,
/// runs the commands that come back off the loop (`WizardWork`), and draws the model.
public struct WizardRuntime: Sendable {
    /// The engine the wizard decides through (its state is the onboarding's).
    public let engine: OnboardingEngine
    let store: OnboardingStore
    let client: TelnyxClient
    let sandbox: SandboxControl?
    /// The wizard's clock (what it shows as "now", when a lost answer is asked about again);
    /// tests give one that moves as they say.
    public var now: @Sendable () -> Date = Date.init

    /// - Parameter sandbox: the built-in simulator's controls, when the wizard runs on it.
    public init(engine: OnboardingEngine, store: OnboardingStore, client: TelnyxClient, sandbox: SandboxControl?) {
        self.engine = engine
        self.store = store
        self.client = client
        self.sandbox = sandbox
    }

    /// The most keys answered before a frame is drawn (a paste arrives as many keys at once).
    static let keysPerFrame = 4096

    /// The model the wizard opens with: the onboarding as saved, with what was typed before a
    /// quit or a crash; and the commands that start it (Telnyx asked where things stand, a
    /// correction under way reopened over Telnyx's record).
    /// - Throws: `StoreError` when the drafts cannot be read.
    public func opening() async throws -> (WizardModel, [Command]) {
        let state = await engine.state
        var model = WizardModel(state: state, sandboxScenario: sandbox?.scenario)
        model.now = now()
        model.deskCase = try store.summary(state.id).deskCase
        model.restoreEnterprise(draft: try store.draft(state.id, form: DraftForm.enterprise.rawValue))
        if let draft = try store.draft(state.id, form: DraftForm.typed.rawValue) { model.restoreTyped(draft) }
        // Telnyx is asked first; what is due (a lost answer to reconcile…) waits behind it.
        var commands = WizardUpdate.begin(&model)
        if let correction = try store.draft(state.id, form: DraftForm.enterpriseCorrection.rawValue), !correction.isEmpty, model.canCorrect
        {
            commands.append(.loadEnterpriseRecord)
        }
        commands += WizardUpdate.update(&model, .clock(model.now))
        return (model, commands)
    }

    /// Runs the wizard on `terminal` until the person quits.
    /// - Throws: `StoreError` when the drafts cannot be read at the start; `WakeUp.Failure`
    ///   when the process has no file descriptors left.
    public func run(on terminal: some Terminal) async throws {
        let wake = try WakeUp()
        let inbox = Inbox(wake: wake)
        var (model, commands) = try await opening()
        let work = WizardWork(engine: engine, store: store, client: client, sandbox: sandbox, inbox: inbox, onboardingId: model.state.id)
        let deskWatch = watchDesk(model.state.id, into: inbox)
        defer { deskWatch.cancel() }
        // Keys were left unread when a frame's worth came at once: no sleeping before them.
        var keysLeft = false
        // A long paste, in pieces of about a frame's worth, one piece a frame (each still a paste).
        var pastePieces: [Key] = []
        while true {
            if await work.perform(commands, model: model) == .quit { return }
            terminal.show(WizardView.render(model, width: terminal.size.width, height: terminal.size.height))
            if !keysLeft && pastePieces.isEmpty {
                terminal.waitForInput(timeoutMilliseconds: WizardUpdate.wakeAfter(model), wake: wake)
            }
            var keys: [Key] = pastePieces.isEmpty ? [] : [pastePieces.removeFirst()]
            while pastePieces.isEmpty, keys.count < Self.keysPerFrame, let key = terminal.nextKey(timeoutMilliseconds: 0) {
                if case .paste(let text) = key, text.unicodeScalars.count > Self.keysPerFrame {
                    pastePieces = Self.pieces(of: text).map(Key.paste)
                    keys.append(pastePieces.removeFirst())
                } else {
                    keys.append(key)
                }
            }
            keysLeft = keys.count == Self.keysPerFrame
            let messages = inbox.take()
            // A terminal in memory returns at once: let the background work run.
            if keys.isEmpty && messages.isEmpty { await Task.yield() }
            commands = WizardUpdate.update(&model, .clock(now()))
            if model.storeLost == nil, let lost = store.lostReason { commands += WizardUpdate.update(&model, .storeLost(lost)) }
            keys = Self.keysRead(keys, width: terminal.size.width, height: terminal.size.height)
            for message in messages + keys.map(WizardMessage.key) { commands += WizardUpdate.update(&model, message) }
        }
    }
}

extension WizardRuntime {
    /// Another desk's hand-off (assign, note, follow-up) reaches the wizard as it is made, and a
    /// shared store lost (the lease with it) is said at once, not at the next save.
    func watchDesk(_ id: String, into inbox: Inbox) -> Task<Void, Never> {
        Task { [store] in
            for await _ in store.changes() {
                do {
                    inbox.post(.deskCase(try store.summary(id).deskCase))
                } catch {
                    inbox.post(store.lostReason.map(WizardMessage.storeLost) ?? .notice("\(error)"))
                }
            }
        }
    }

    /// The keys acted on, in a window `width`×`height`: all of them, but in a window too small
    /// to draw the wizard (it shows only how to enlarge it) only those that quit, so no key acts
    /// on a screen nobody can see (a `y` would answer a cost's question).
    static func keysRead(_ keys: [Key], width: Int, height: Int) -> [Key] {
        guard width < WizardView.minimumWidth || height < WizardView.minimumHeight else { return keys }
        return keys.filter { $0 == .character("q") || $0 == .control("q") || $0 == .control("c") || $0 == .function(10) }
    }

    /// `text` in pieces of at most `keysPerFrame` characters, each ending after a line break
    /// where one is near, so a pasted list is drawn as it goes in rather than all at the end.
    static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            var end = rest.unicodeScalars.index(rest.startIndex, offsetBy: keysPerFrame, limitedBy: rest.endIndex) ?? rest.endIndex
            if end < rest.endIndex, let lineBreak = rest.unicodeScalars[..<end].lastIndex(of: "\n") {
                end = rest.unicodeScalars.index(after: lineBreak)
            }
            pieces.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return pieces
    }
}

/// The built-in simulator's controls the wizard uses (the sandbox only).
public struct SandboxControl: Sendable {
    /// The scenario's name, shown in the title.
    public var scenario: String
    /// Moves the simulated clock ahead by seconds, so reviewers decide sooner.
    public var advance: @Sendable (Double) -> Void

    public init(scenario: String, advance: @escaping @Sendable (Double) -> Void) {
        self.scenario = scenario
        self.advance = advance
    }
}
